/** Change reports for people (stylish, markdown) and tools (json). Pure. */
import type { Lang } from '../report/diagnostic.ts'
import { printable } from '../report/formatters/printable.ts'
import { inertCode, inertMarkdown } from '../report/inert-markdown.ts'
import type { ChangeSet, ChangeSummary, FicheChange } from './changes.ts'

export { CHANGES_FORMATS, type ChangesFormat } from './changes-formats.ts'
import type { ChangesFormat } from './changes-formats.ts'

export interface ChangesReport {
  since: string
  until: string | null
  change_sets: ChangeSet[]
}

const W = {
  fr: {
    added: 'ajoutée',
    removed: 'supprimée',
    renamed: 'renommée',
    modified: 'modifiée',
    from: 'anciennement',
    phase: 'phase',
    vocabulary: 'nom de phase mis à jour',
    incubator: 'incubateur',
    sponsorsAdded: 'sponsors ajoutés',
    sponsorsRemoved: 'sponsors retirés',
    fields: 'champs',
    unreadable: 'en-tête illisible',
    gained: 'standards gagnés',
    lost: 'standards perdus',
    none: 'Aucun changement des fiches sur cette période.',
    fiches: (n: number) => `${n} fiche${n > 1 ? 's' : ''}`,
    summary: (s: ChangeSummary) =>
      s.kind === 'vocabulary'
        ? `${s.count} fiches : noms de phase remplacés par le vocabulaire actuel (${Object.entries(s.phases ?? {}).map(([k, n]) => `${k} ${n}`).join(', ')})`
        : s.kind === 'fields'
          ? `${s.count} fiches : champs ${(s.fields ?? []).join(', ')} modifiés`
          : `${s.count} fiches ${s.kind === 'added' ? 'ajoutées' : s.kind === 'removed' ? 'supprimées' : 'renommées'}`,
    total: (sets: number, fiches: number) => `${sets} commit${sets > 1 ? 's' : ''}, ${fiches} modification${fiches > 1 ? 's' : ''} de fiches`,
  },
  en: {
    added: 'added',
    removed: 'removed',
    renamed: 'renamed',
    modified: 'modified',
    from: 'formerly',
    phase: 'phase',
    vocabulary: 'phase name updated',
    incubator: 'incubator',
    sponsorsAdded: 'sponsors added',
    sponsorsRemoved: 'sponsors removed',
    fields: 'fields',
    unreadable: 'unreadable front matter',
    gained: 'standards gained',
    lost: 'standards lost',
    none: 'No change to the fiches in this period.',
    fiches: (n: number) => `${n} fiche${n > 1 ? 's' : ''}`,
    summary: (s: ChangeSummary) =>
      s.kind === 'vocabulary'
        ? `${s.count} fiches: phase names replaced by today's vocabulary (${Object.entries(s.phases ?? {}).map(([k, n]) => `${k} ${n}`).join(', ')})`
        : s.kind === 'fields'
          ? `${s.count} fiches: fields ${(s.fields ?? []).join(', ')} changed`
          : `${s.count} fiches ${s.kind}`,
    total: (sets: number, fiches: number) => `${sets} commit${sets > 1 ? 's' : ''}, ${fiches} fiche change${fiches > 1 ? 's' : ''}`,
  },
}

/** One line describing a fiche's change, without its id. */
export function describeChange(c: FicheChange, lang: Lang): string {
  const w = W[lang]
  const parts: string[] = [w[c.kind]]
  if (c.from !== undefined) parts[0] += ` (${w.from} ${c.from})`
  if (c.phase) parts.push(`${w.phase} ${c.phase.from ?? '∅'} → ${c.phase.to}${c.phase.start ? ` (${c.phase.start})` : ''}`)
  if (c.vocabulary) parts.push(`${w.vocabulary} ${c.vocabulary.from} → ${c.vocabulary.to}`)
  if (c.incubator) parts.push(`${w.incubator} ${c.incubator.from ?? '∅'} → ${c.incubator.to ?? '∅'}`)
  if (c.sponsors?.added.length) parts.push(`${w.sponsorsAdded} ${c.sponsors.added.join(', ')}`)
  if (c.sponsors?.removed.length) parts.push(`${w.sponsorsRemoved} ${c.sponsors.removed.join(', ')}`)
  if (c.fields?.length) parts.push(`${w.fields} ${c.fields.join(', ')}`)
  if (c.standards?.gained.length) parts.push(`${w.gained} ${c.standards.gained.join(', ')}`)
  if (c.standards?.lost.length) parts.push(`${w.lost} ${c.standards.lost.join(', ')}`)
  if (c.unreadable) parts.push(w.unreadable)
  return parts.join(' ; ')
}

export function summaryText(s: ChangeSummary, lang: Lang): string {
  const w = W[lang]
  // Counts, never one line per fiche: `rule ×n`.
  const counts = (c: Record<string, number>) => Object.entries(c).map(([rule, n]) => `${rule} ×${n}`).join(', ')
  const parts = [w.summary(s)]
  if (s.standards && Object.keys(s.standards.gained).length) parts.push(`${w.gained} ${counts(s.standards.gained)}`)
  if (s.standards && Object.keys(s.standards.lost).length) parts.push(`${w.lost} ${counts(s.standards.lost)}`)
  return parts.join(' ; ')
}

export function formatChanges(report: ChangesReport, format: ChangesFormat, lang: Lang): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`
  const w = W[lang]
  const sets = report.change_sets.filter((s) => s.changes.length > 0 || s.summaries.length > 0)
  if (sets.length === 0) return `${w.none}\n`
  const lines: string[] = []
  const md = format === 'markdown'
  for (const set of sets) {
    if (md) {
      // Subjects, authors, ids, field names and values come from the repository: inert text.
      lines.push(`### ${set.date} ${inertCode(set.commit.slice(0, 10))} ${inertMarkdown(set.subject)} (${inertMarkdown(set.author)}) · ${w.fiches(set.fiches)}`, '')
      for (const s of set.summaries) lines.push(`- **${inertMarkdown(summaryText(s, lang))}**`)
      for (const c of set.changes) lines.push(`- ${inertCode(`${c.collection}/${c.id}`)} ${inertMarkdown(describeChange(c, lang))}`)
    } else {
      lines.push(`${set.date} ${set.commit.slice(0, 10)} ${set.subject} (${set.author}) · ${w.fiches(set.fiches)}`)
      for (const s of set.summaries) lines.push(`  ≡ ${summaryText(s, lang)}`)
      for (const c of set.changes) lines.push(`  ${c.collection}/${c.id}  ${describeChange(c, lang)}`)
    }
    lines.push('')
  }
  const total = sets.reduce((n, s) => n + s.fiches, 0)
  lines.push(w.total(sets.length, total))
  // Commit messages and fiche ids come from the repository: they must not drive the terminal.
  return `${lines.map(printable).join('\n')}\n`
}
