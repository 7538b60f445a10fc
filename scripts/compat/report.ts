/**
 * The compatibility report: each difference explained by a documented one or
 * not, and the text that `npm run compat` prints (in French). Pure.
 */
import type { Difference, FileComparison } from './compare.ts'
import { explain, KNOWN_DIFFERENCES, type KnownDifference } from './differences.ts'

export interface ClassifiedComparison extends FileComparison {
  /** Documented differences found in this file: id → occurrences. */
  explained: Map<string, number>
  /** Differences that no documented difference explains. */
  unexplained: Difference[]
}

export function classify(comparison: FileComparison, known: readonly KnownDifference[] = KNOWN_DIFFERENCES): ClassifiedComparison {
  const explained = new Map<string, number>()
  const unexplained: Difference[] = []
  for (const d of comparison.differences) {
    const k = explain(d, known)
    if (k) explained.set(k.id, (explained.get(k.id) ?? 0) + 1)
    else unexplained.push(d)
  }
  return { ...comparison, explained, unexplained }
}

export interface ReportInput {
  corpus: string
  reference: string
  /** Fiches read, and the validation problems found in them (the build gets every fiche that parsed). */
  fiches: { read: number; parsed: number; errors: number; warnings: number }
  comparisons: ClassifiedComparison[]
  /** Schema violations of our files, by file. */
  schemaErrors: { file: string; errors: string[] }[]
  /** How many unexplained differences to show per file. */
  limit?: number
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** A value shortened for one line of the report. */
export function preview(value: unknown, max = 160): string {
  const text = value === undefined ? '(absent)' : JSON.stringify(value)
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

function describe(d: Difference): string {
  const where = [d.section, d.record, d.path].filter((p) => p !== '').join(' › ') || '(fichier)'
  switch (d.kind) {
    case 'missing':
      return `${where} : absent de notre sortie ; référence ${preview(d.expected)}`
    case 'extra':
      return `${where} : absent de la référence ; nous ${preview(d.actual)}`
    case 'key-order':
      return `${where} : ordre des clés différent ; référence ${preview(d.expected)}, nous ${preview(d.actual)}`
    case 'record-order':
      return `${where} : ordre des enregistrements différent`
    case 'invalid':
      return d.expected !== undefined ? `la référence n’est pas lisible : ${d.expected}` : `notre fichier n’est pas lisible : ${d.actual}`
    default:
      return `${where} : référence ${preview(d.expected)}, nous ${preview(d.actual)}`
  }
}

export function isCompatible(input: Pick<ReportInput, 'comparisons' | 'schemaErrors'>): boolean {
  return input.comparisons.every((c) => c.unexplained.length === 0) && input.schemaErrors.every((s) => s.errors.length === 0)
}

export function formatReport(input: ReportInput): string {
  const limit = input.limit ?? 10
  const out: string[] = []
  const { read, parsed, errors, warnings } = input.fiches
  out.push('Compatibilité avec l’API v2.7 de beta.gouv.fr (comparaison après lecture des fichiers)')
  out.push(`Corpus : ${input.corpus} — ${plural(read, 'fiche lue', 'fiches lues')}, ${parsed} compilées ; validation : ${plural(errors, 'erreur', 'erreurs')}, ${plural(warnings, 'avertissement', 'avertissements')}`)
  out.push(`Référence : ${input.reference}`)
  out.push('')
  for (const c of input.comparisons) {
    const status = c.unexplained.length > 0 ? '✗' : c.differences.length > 0 ? '≈' : '✓'
    out.push(`${status} ${c.file}`)
    for (const s of c.sections) {
      out.push(`    ${s.section.padEnd(14)} ${String(s.compared).padStart(4)} comparés  ${String(s.equal).padStart(4)} égaux  ${String(s.different).padStart(4)} différents`)
    }
    for (const [id, n] of c.explained) out.push(`    différence voulue ${id} : ${n} fois`)
    if (c.unexplained.length > 0) {
      out.push(`    ${plural(c.unexplained.length, 'différence non documentée', 'différences non documentées')}${c.unexplained.length > limit ? ` (les ${limit} premières)` : ''} :`)
      for (const d of c.unexplained.slice(0, limit)) out.push(`      - ${describe(d)}`)
    }
  }
  out.push('')
  const invalid = input.schemaErrors.filter((s) => s.errors.length > 0)
  if (invalid.length === 0) out.push('Schémas : chaque fichier produit est valide selon son schéma publié (schemas/api-v2.7/).')
  for (const s of invalid) {
    out.push(`Schéma : ${s.file} n’est pas valide :`)
    for (const e of s.errors.slice(0, limit)) out.push(`      - ${e}`)
  }
  const explained = new Map<string, number>()
  for (const c of input.comparisons) for (const [id, n] of c.explained) explained.set(id, (explained.get(id) ?? 0) + n)
  const unexplained = input.comparisons.reduce((n, c) => n + c.unexplained.length, 0)
  const list = [...explained].map(([id, n]) => `${id} ${n}`).join(', ')
  out.push(`Différences voulues (documentées dans docs/api.md) : ${[...explained.values()].reduce((a, b) => a + b, 0)}${list ? ` (${list})` : ''}`)
  out.push(`Différences non documentées : ${unexplained}`)
  out.push(isCompatible(input) ? '→ Compatible : seules les différences documentées subsistent.' : '→ Incompatible : corrigez la compilation, ou documentez la différence (scripts/compat/differences.ts et docs/api.md).')
  return `${out.join('\n')}\n`
}
