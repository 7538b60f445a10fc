/** Small helpers shared by the rules (pure). */
import { q, qe, show } from '../report/show.ts'
import type { Data, RuleContext, RuleWords, Seen, SeenWords } from './define-rule.ts'
import { isBlank, liveEvidence, type LiveEvidence } from './phase.ts'

export { isBlank, q, qe, show }

export const T = (fr: RuleWords, en: RuleWords) => ({ fr, en })
export const w = (message: (d: Data) => string, hint: (d: Data) => string): RuleWords => ({ message, hint })
export const S = (fr: (d: Data) => string, en: (d: Data) => string): SeenWords => ({ fr, en })

/** Reports `messageId` when the field is absent or blank; returns whether it was. `data` is computed only then. */
export function reportMissing(ctx: RuleContext<never> | RuleContext<any>, field: string, messageId = 'missing', data?: () => Data): boolean {
  const v = ctx.record.data[field]
  if (!isBlank(v)) return false
  ctx.report({ messageId, path: `/${field}`, target: 'key', data: { field, ...data?.() } })
  return true
}

/** What a presence rule saw when it passed: the field and its value (words: PRESENT). */
export const seenField = (ctx: RuleContext<any>, field: string): Seen => ({ messageId: 'present', data: { field, value: ctx.record.data[field] } })
export const PRESENT: Record<string, SeenWords> = {
  present: S((d) => `La fiche donne ${d.field} : ${q(d.value)}.`, (d) => `The fiche gives ${d.field}: ${qe(d.value)}.`),
}

/** Where in a product's life, in words. */
const PHASE_FR: Record<string, string> = { acceleration: 'en accélération', consolidation: 'en consolidation', opere: "opéré (sorti de l’incubation)", construction: 'en construction', investigation: 'en investigation' }
const PHASE_EN: Record<string, string> = { acceleration: 'in acceleration', consolidation: 'in consolidation', opere: 'operated (out of incubation)', construction: 'in construction', investigation: 'in investigation' }
export const phaseFr = (phase: unknown): string => PHASE_FR[String(phase)] ?? `en phase ${q(phase)}`
export const phaseEn = (phase: unknown): string => PHASE_EN[String(phase)] ?? `in phase ${qe(phase)}`

/**
 * The data of a "dès la mise en ligne" report: what makes the fiche show the product live, so that
 * the message says what the fiche shows ([en-ligne-4]) rather than asserting it.
 */
export function liveData(ctx: RuleContext<any>): Data {
  const live: LiveEvidence | undefined = liveEvidence(ctx.phase, ctx.record.data, ctx.asOf)
  if (!live) return {}
  return live.by === 'phase' ? { live: 'phase', phase: live.phase } : live.by === 'launch' ? { live: 'launch', launch: live.date } : { live: 'link' }
}

/** « Le produit est en accélération » / « La fiche donne l’adresse du service (link) » / « La fiche indique un lancement le … ». */
export function liveFr(d: Data): string {
  if (d.live === 'launch') return `La fiche indique un lancement le ${d.launch}`
  if (d.live === 'link') return "La fiche donne l’adresse du service (link)"
  return `Le produit est ${phaseFr(d.phase)}`
}
export function liveEn(d: Data): string {
  if (d.live === 'launch') return `The fiche shows a launch on ${d.launch}`
  if (d.live === 'link') return 'The fiche gives the service’s address (link)'
  return `The product is ${phaseEn(d.phase)}`
}

/** A value written as an address, parsed (surrounding spaces allowed), or undefined when it is not one. */
export function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text.trim())
  } catch {
    return undefined
  }
}

/** An address's host, in lower case, without `www.`. */
export const hostOf = (u: URL): string => u.hostname.toLowerCase().replace(/^www\./, '')

/**
 * Why a page given as evidence (budget, stats, impact) is none ([liens-2], [liens-3]): it is the
 * fiche's own page on the programme's site (or the registry's), or one of the programme's generic
 * resources (the shared Grist document of budgets as the catalogue links it, without the product's
 * page or row; a page of doc.incubateur.net). Undefined: the address may be evidence.
 */
export function evidenceLinkFault(value: unknown, id: string, siteUrl: string): 'self' | 'template' | undefined {
  const u = typeof value === 'string' ? parseUrl(value) : undefined
  if (!u) return undefined
  const host = hostOf(u)
  let path = u.pathname
  try {
    path = decodeURIComponent(path)
  } catch {
    // A stray % in the address: compared as written.
  }
  path = path.replace(/\/+$/, '').replace(/\.html$/, '')
  const own = `/startups/${id}`
  if (host === 'beta.gouv.fr' && path === own) return 'self'
  // A site address that is not one (the configuration checks it) has no self link to find.
  const site = siteUrl === '' ? undefined : parseUrl(siteUrl)
  if (site) {
    const base = site.pathname.replace(/\/+$/, '')
    if (hostOf(site) === host && (path === `${base}${own}` || path === `${base}${own}/index`)) return 'self'
  }
  if (host === 'doc.incubateur.net') return 'template'
  if (host === 'grist.numerique.gouv.fr' && /^\/o\/isn\/mAQJQawVbFUA\/Depenses-numeriques$/i.test(path) && u.hash === '' && [...u.searchParams.keys()].every((k) => k.startsWith('utm_'))) return 'template'
  return undefined
}

/** Where the body starts in the file (the line after the closing ---), as an offset. */
export function bodyOffset(record: { text: string; body: string; yamlEnd: number }): number {
  // The body is the end of the text (parse-record slices it so); check its start only, not all of it.
  const at = record.text.length - record.body.length
  return at >= record.yamlEnd && record.text.startsWith(record.body.slice(0, 64), at) ? at : record.yamlEnd
}

/** The URL-valued fields of a startup fiche. */
export const URL_FIELDS = ['link', 'repository', 'stats_url', 'budget_url', 'impact_url', 'dashlord_url', 'analyse_risques_url', 'roadmap_url', 'ecodesign_url', 'tech_audit_url', 'mailing_list'] as const

const escapePointerPart = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1')

/** A path of keys and indexes as a JSON Pointer. */
export function pointerOf(path: readonly (string | number)[]): string {
  return `/${path.map((p) => escapePointerPart(String(p))).join('/')}`
}

/**
 * Calls `visit` with every string value of a fiche's data and its path, kept
 * as one stack pushed and popped (a registry has millions of values): build
 * the pointer (pointerOf) only for a value that is reported. Nesting deeper
 * than `maxDepth` below a top-level field is not visited.
 */
export function forEachString(data: Record<string, unknown>, visit: (value: string, path: readonly (string | number)[]) => void, maxDepth = 8): void {
  const path: (string | number)[] = []
  const walk = (value: unknown, depth: number): void => {
    if (depth > maxDepth) return
    if (typeof value === 'string') visit(value, path)
    else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i)
        walk(value[i], depth + 1)
        path.pop()
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const k of Object.keys(value)) {
        path.push(k)
        walk((value as Record<string, unknown>)[k], depth + 1)
        path.pop()
      }
    }
  }
  for (const k of Object.keys(data)) {
    path.push(k)
    walk(data[k], 0)
    path.pop()
  }
}
