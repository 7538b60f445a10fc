/**
 * The change list of an evidence run, for people (`stylish`, a terminal), for
 * a GitHub job summary (`markdown`) and for tools (`json`). Pure. Values from
 * fiches (addresses, ids) are inert in markdown (report/inert-markdown.ts):
 * in code spans, where nothing becomes a link, a mention or HTML.
 */
import { inertCode, inertMarkdown } from '../report/inert-markdown.ts'
import { printable } from '../report/formatters/printable.ts'
import type { EvidenceChange, EvidenceChanges, ChangeKind } from './evidence-changes.ts'
import { evidenceDay, evidenceWords, outcomeWords, type Lang } from './evidence-words.ts'
import type { EvidenceRun } from './types.ts'

export type EvidenceFormat = 'stylish' | 'markdown' | 'json'

/** Rows per section in markdown (a job summary is read by people; the JSON has everything). */
export const ROWS_PER_SECTION = 100

const TITLES: Record<ChangeKind, [string, string]> = {
  broken: ['Nouvelles pannes', 'Newly broken'],
  'new-failing': ['Nouvelles adresses, en échec dès la première vérification', 'New addresses, failing from their first check'],
  flapping: ['Instables (en échec par intermittence)', 'Unstable (failing now and then)'],
  repaired: ['Réparées', 'Repaired'],
}

const nf = (n: number, lang: Lang) => n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB').replace(/\u202f|\u00a0/g, ' ')
const count = (n: number, one: string, many: string, lang: Lang) => `${nf(n, lang)} ${(lang === 'fr' ? n > 1 : n !== 1) ? many : one}`

/** The head lines: the run, the previous one, the counts, what GitHub cost. */
function head(changes: EvidenceChanges, run: EvidenceRun | undefined, lang: Lang): string[] {
  const fr = lang === 'fr'
  const lines = [
    fr
      ? `Preuves en ligne : vérification du ${evidenceDay(changes.at, lang)}${changes.previousAt ? ` (précédente : ${evidenceDay(changes.previousAt, lang)})` : ' (la première : aucune comparaison)'}.`
      : `Online evidence: check of ${evidenceDay(changes.at, lang)}${changes.previousAt ? ` (previous: ${evidenceDay(changes.previousAt, lang)})` : ' (the first: nothing to compare with)'}.`,
    fr
      ? `${count(changes.targets, 'adresse vérifiée', 'adresses vérifiées', lang)}, ${count(changes.failing, 'en échec', 'en échec', lang)}.`
      : `${count(changes.targets, 'address checked', 'addresses checked', lang)}, ${nf(changes.failing, lang)} failing.`,
  ]
  const g = run?.github
  if (g && g.requests > 0) {
    const counted = g.requests - g.not_modified
    lines.push(
      fr
        ? `GitHub : ${count(g.requests, 'requête', 'requêtes', lang)}, dont ${count(g.not_modified, 'réponse 304', 'réponses 304', lang)} (rien de changé, non décomptées) ; ${count(counted, 'décomptée', 'décomptées', lang)} de la limite${g.limit !== undefined ? ` de ${nf(g.limit, lang)} par heure` : ''}${g.remaining !== undefined ? `, ${nf(g.remaining, lang)} restantes` : ''}.`
        : `GitHub: ${count(g.requests, 'request', 'requests', lang)}, ${count(g.not_modified, '304 answer', '304 answers', lang)} among them (nothing changed, not counted); ${nf(counted, lang)} counted against the limit${g.limit !== undefined ? ` of ${nf(g.limit, lang)} an hour` : ''}${g.remaining !== undefined ? `, ${nf(g.remaining, lang)} left` : ''}.`,
    )
  }
  return lines
}

function byKind(changes: EvidenceChanges): [ChangeKind, EvidenceChange[]][] {
  const kinds: ChangeKind[] = ['broken', 'new-failing', 'flapping', 'repaired']
  return kinds.map((k): [ChangeKind, EvidenceChange[]] => [k, changes.changes.filter((c) => c.change === k)]).filter(([, list]) => list.length > 0)
}

function tail(changes: EvidenceChanges, lang: Lang): string {
  if (!changes.previousAt) return ''
  const fr = lang === 'fr'
  const none = changes.changes.length === 0 ? (fr ? 'Aucun changement depuis la vérification précédente.' : 'No change since the previous check.') : ''
  if (changes.stillFailing === 0) return none
  const still = fr
    ? `${count(changes.stillFailing, 'preuve était déjà en échec et le reste', 'preuves étaient déjà en échec et le restent', lang)}.`
    : `${count(changes.stillFailing, 'piece of evidence was already failing and still is', 'pieces of evidence were already failing and still are', lang)}.`
  return none ? `${none} ${still}` : still
}

function stylish(changes: EvidenceChanges, run: EvidenceRun | undefined, lang: Lang): string {
  const out = head(changes, run, lang)
  for (const [kind, list] of byKind(changes)) {
    out.push('', `${TITLES[kind][lang === 'fr' ? 0 : 1]} (${list.length})`)
    for (const c of list) {
      const words = evidenceWords(c.target, lang)
      out.push(`  ${printable(c.target.url)}  [${printable(c.target.startups.join(', '))}]`, `    ${words.found}`)
      if (c.before && kind !== 'new-failing') out.push(`    ${lang === 'fr' ? 'Avant :' : 'Before:'} ${outcomeWords({ ...c.target, result: c.before }, lang)}.`)
      if (words.advice && kind !== 'repaired') out.push(`    ${lang === 'fr' ? 'Que faire :' : 'What to do:'} ${words.advice}`)
    }
  }
  const end = tail(changes, lang)
  if (end) out.push('', end)
  return `${out.join('\n')}\n`
}


function markdown(changes: EvidenceChanges, run: EvidenceRun | undefined, lang: Lang): string {
  const fr = lang === 'fr'
  const out = [fr ? '## Preuves en ligne' : '## Online evidence', '', ...head(changes, run, lang).map((l) => `${l}  `)]
  for (const [kind, list] of byKind(changes)) {
    out.push('', `### ${TITLES[kind][fr ? 0 : 1]} (${list.length})`, '')
    out.push(fr ? '| Adresse | Startups | Constat | Que faire |' : '| Address | Startups | Finding | What to do |', '| --- | --- | --- | --- |')
    for (const c of list.slice(0, ROWS_PER_SECTION)) {
      const words = evidenceWords(c.target, lang)
      const advice = kind === 'repaired' ? '' : (words.advice ?? '')
      out.push(`| ${inertCode(c.target.url)} | ${c.target.startups.map(inertCode).join(', ')} | ${inertMarkdown(words.found)} | ${inertMarkdown(advice)} |`)
    }
    if (list.length > ROWS_PER_SECTION) out.push('', fr ? `… et ${list.length - ROWS_PER_SECTION} de plus (voir evidence.json).` : `… and ${list.length - ROWS_PER_SECTION} more (see evidence.json).`)
  }
  const end = tail(changes, lang)
  if (end) out.push('', end)
  return `${out.join('\n')}\n`
}

export function formatEvidenceChanges(changes: EvidenceChanges, run: EvidenceRun | undefined, lang: Lang, format: EvidenceFormat): string {
  if (format === 'json') {
    const json = {
      at: changes.at,
      previous_at: changes.previousAt ?? null,
      targets: changes.targets,
      failing: changes.failing,
      still_failing: changes.stillFailing,
      github: run?.github ?? null,
      changes: changes.changes.map((c) => ({ change: c.change, kind: c.target.kind, url: c.target.url, startups: c.target.startups, result: c.target.result, before: c.before ?? null, failing_since: c.target.failing_since, checked_at: c.target.checked_at, flapping: c.target.flapping })),
    }
    return `${JSON.stringify(json, null, 2)}\n`
  }
  return format === 'markdown' ? markdown(changes, run, lang) : stylish(changes, run, lang)
}
