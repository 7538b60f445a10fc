/**
 * Corrections in one click, where the check knows the correction for certain: a key with a
 * typo the check names (« Vouliez-vous dire « repository » ? »), a value outside a closed
 * list with its suggestion, an unknown incubator or organisation with its suggestion, a date
 * written `2024-2-3`, spaces around a value, an invisible zero-width character, a blank value,
 * a thématique written unlike the other fiches, `http://` when the same site is written in
 * `https://` elsewhere in the fiche, and the YAML mistakes whose corrected line only quotes or
 * re-indents (a tab, a colon in a value, an unclosed quote…). Each correction is the whole text
 * once corrected (the text model changes only that value's lines), and is offered only when
 * that text passes the check that suggested it without adding an error: it is checked here,
 * with the same checks. Reads the problems behind the diagnostics (checkFiche's `problems`:
 * the suggestion, the corrected line); no `node:` import.
 */
import type { Diagnostic, Lang, Problem } from '../../report/diagnostic.ts'
import { checkFiche, shownDiagnostics, type FicheCheck, type FicheContext } from './check.ts'
import { ficheText, getField, openFiche, setField, type OpenedFiche } from './fiche-text.ts'
import { isDay } from './timeline.ts'
import { withoutJunk } from '../../validate/invisible.ts'

export interface Correction {
  /** The diagnostic it corrects. */
  diagnostic: Diagnostic
  /** What it does, in French, to follow « Appliquer : » (« renommer le champ en « repository » »). */
  label: string
  /** The whole text once corrected. */
  text: string
}

/** The YAML mistakes whose corrected line (the parse stage's `fixed`) only re-indents, quotes or closes: the meaning is the person's. */
const CERTAIN_YAML_CAUSES: ReadonlySet<string> = new Set(['tab', 'control-character', 'apostrophe-in-quotes', 'colon-in-value', 'reserved-start', 'unclosed-quote', 'unclosed-bracket'])

/** At most this many corrections are checked after each pause in the typing (each is one more check). */
export const MAX_CORRECTIONS = 12

const unescape = (part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~')
const quoted = (s: string) => `« ${s} »`

function partsOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map(unescape)
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data
  for (const part of partsOf(pointer)) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}

/** The text with the value at `pointer` replaced (removed when `value` is undefined), through the text model. */
function withValue(doc: OpenedFiche, pointer: string, value: unknown): string | undefined {
  const [top, ...rest] = partsOf(pointer)
  if (top === undefined || doc.data === undefined) return undefined
  try {
    if (rest.length === 0) return ficheText(setField(doc, top, value))
    const root = structuredClone(getField(doc, top)) as unknown
    let node = root as Record<string, unknown> | unknown[]
    for (const part of rest.slice(0, -1)) {
      const next = (node as Record<string, unknown>)[part]
      if (next === null || typeof next !== 'object') return undefined
      node = next as Record<string, unknown>
    }
    const last = rest[rest.length - 1]!
    if (Array.isArray(node)) {
      const i = Number(last)
      if (!Number.isInteger(i) || i < 0 || i >= node.length) return undefined
      if (value === undefined) node.splice(i, 1)
      else node[i] = value
    } else if (value === undefined) delete node[last]
    else node[last] = value
    return ficheText(setField(doc, top, root))
  } catch {
    // A value YAML cannot hold: no correction.
    return undefined
  }
}

/** The offset of the start of 1-based `line` in `text`. */
function lineOffset(text: string, line: number): number {
  let offset = 0
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', offset)
    if (next === -1) return text.length
    offset = next + 1
  }
  return offset
}

/** The correction a diagnostic's problem makes certain, before it is checked; undefined when there is none. */
function candidate(d: Diagnostic, p: Problem | undefined, doc: OpenedFiche, text: string): { label: string; text: string } | undefined {
  const data = p?.data ?? {}
  const path = d.path ?? ''
  const value = doc.data === undefined ? undefined : valueAt(doc.data, path)
  const set = (next: unknown, label: string) => {
    const out = withValue(doc, path, next)
    return out === undefined ? undefined : { label, text: out }
  }
  switch (d.ruleId) {
    case 'yaml/syntax': {
      if (!CERTAIN_YAML_CAUSES.has(String(data.cause)) || typeof data.fixed !== 'string') return undefined
      const lines = text.split('\n')
      const old = lines[d.line - 1]
      if (old === undefined) return undefined
      const fixed = data.fixed.replace(/\r$/, '')
      lines[d.line - 1] = old.endsWith('\r') ? `${fixed}\r` : fixed
      return { label: `écrire la ligne ${d.line} ainsi : ${quoted(fixed.trim())}`, text: lines.join('\n') }
    }
    case 'schema/unknown-key': {
      const suggestion = data.suggestion
      const key = partsOf(path).pop()
      if (typeof suggestion !== 'string' || key === undefined) return undefined
      // The right name is there already: renaming would write the key twice.
      const parent = doc.data === undefined ? undefined : valueAt(doc.data, path.slice(0, path.lastIndexOf('/')))
      if (parent !== null && typeof parent === 'object' && Object.hasOwn(parent, suggestion)) return undefined
      const at = lineOffset(text, d.line) + d.column - 1
      if (text.slice(at, at + key.length) !== key) return undefined
      return { label: `renommer le champ en ${quoted(suggestion)}`, text: text.slice(0, at) + suggestion + text.slice(at + key.length) }
    }
    case 'schema/enum':
    case 'ref/unknown-incubator':
      return typeof data.suggestion === 'string' ? set(data.suggestion, `écrire ${quoted(data.suggestion)}`) : undefined
    case 'ref/unknown-sponsor':
      return typeof data.suggestion === 'string' ? set(`/organisations/${data.suggestion}`, `écrire ${quoted(`/organisations/${data.suggestion}`)}`) : undefined
    case 'schema/format': {
      const m = typeof value === 'string' && data.format === 'date' ? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value) : null
      if (!m) return undefined
      const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
      return isDay(day) ? set(day, `écrire la date ${quoted(day)}`) : undefined
    }
    case 'value/untrimmed':
      return typeof data.trimmed === 'string' && data.trimmed !== '' ? set(data.trimmed, `retirer les espaces : ${quoted(data.trimmed)}`) : undefined
    case 'value/invisible-character': {
      // The same judgement as `registry fix`: only junk that shows nothing goes (never a joiner inside an emoji, a direction mark).
      const clean = typeof value === 'string' ? withoutJunk(value) : undefined
      return clean !== undefined && clean !== value && clean.trim() !== '' ? set(clean, 'retirer le caractère invisible') : undefined
    }
    case 'url-not-https': {
      if (typeof value !== 'string') return undefined
      const secure = value.replace(/^(\s*)http:/i, '$1https:')
      let origin: string
      try {
        origin = new URL(secure.trim()).origin
      } catch {
        return undefined
      }
      // Certain only when the same site is written in https:// elsewhere in the fiche.
      return text.split(value).join('').toLowerCase().includes(origin.toLowerCase()) ? set(secure, `écrire ${quoted(secure)}`) : undefined
    }
    case 'vocabulary-case':
      return typeof data.canonical === 'string' ? set(data.canonical, `écrire ${quoted(data.canonical)}`) : undefined
    case 'value-blank':
      return path !== '' ? set(undefined, 'retirer la valeur vide') : undefined
    default:
      return undefined
  }
}

/**
 * One correction for a diagnostic, whoever applies it: when the diagnostic carries its
 * machine-readable fix (`Diagnostic.fix`, what `registry fix` and the JSON and SARIF formats
 * give), « Appliquer » makes that very edit; the editor's own candidate gives the label, or
 * makes the correction where the check knows it for certain but the CLI does not apply it
 * unasked (a suggestion, a YAML line).
 */
function withCertainFix(d: Diagnostic, text: string, own: { label: string; text: string } | undefined): { label: string; text: string } | undefined {
  if (!d.fix) return own
  const [start, end] = d.fix.range
  return { label: own?.label ?? 'appliquer la correction sûre', text: text.slice(0, start) + d.fix.text + text.slice(end) }
}

/**
 * The corrections of the diagnostics of `check` (the check of `text` as `file`), each checked:
 * its text no longer has the diagnostic (same rule, same place) and has no error that the text
 * did not have (a correction never trades one mistake for another).
 */
export function corrections(text: string, file: string, check: FicheCheck, context: FicheContext, asOf: string, lang: Lang = 'fr'): Correction[] {
  const collection = check.record?.collection
  const doc = openFiche(text, file, { ...(collection ? { collection } : {}), limits: context.config.limits })
  const errors = (c: FicheCheck) => new Set(shownDiagnostics(c).filter((x) => x.severity === 'error').map((x) => `${x.ruleId} ${x.message}`))
  const before = errors(check)
  const out: Correction[] = []
  let tried = 0
  for (const d of shownDiagnostics(check)) {
    const p = check.problems.find((x) => x.ruleId === d.ruleId && (x.path ?? '') === (d.path ?? ''))
    const c = withCertainFix(d, text, candidate(d, p, doc, text))
    if (!c || c.text === text) continue
    if (++tried > MAX_CORRECTIONS) break
    const after = checkFiche(c.text, file, context, lang, asOf)
    const same = (x: Diagnostic) => x.ruleId === d.ruleId && (x.path ?? '') === (d.path ?? '') && (d.path !== undefined || x.line === d.line)
    if (shownDiagnostics(after).some(same) || [...errors(after)].some((e) => !before.has(e))) continue
    out.push({ diagnostic: d, label: c.label, text: c.text })
  }
  return out
}
