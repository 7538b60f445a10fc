/**
 * The pull-request report: one markdown summary of a change (the fiches it
 * touches, the errors and warnings in them, the ones elsewhere, a note when
 * GitHub's annotations were capped), for the job summary and the one comment
 * on the pull request. Pure: data in, markdown out, never over GitHub's
 * 65,536-character limit. Other stages add their own sections (the standards
 * lint adds one) through `sections`.
 */
import type { Diagnostic, Lang, Summary } from './diagnostic.ts'
import { REPORT_MARKER } from './report-marker.ts'

/** GitHub's limit for a comment body and for a step summary, in characters. */
export const GITHUB_TEXT_LIMIT = 65_536
/** GitHub shows at most this many error, and this many warning, annotations per step. */
export const ANNOTATIONS_PER_STEP = 10

export interface ReportSection {
  title: string
  /** Markdown; cut with the rest when the report is too long. */
  body: string
}

export interface PrReportInput {
  lang: Lang
  /** The revision the change is compared with, e.g. origin/main. */
  base?: string
  /** Repository-relative paths of the changed fiches. */
  changed: readonly string[]
  diagnostics: readonly Diagnostic[]
  summary: Summary
  /** Extra sections, after the changed fiches' problems, before the other fiches' (the lint adds its own). */
  sections?: readonly ReportSection[]
  /** Defaults to GITHUB_TEXT_LIMIT. */
  limit?: number
  /** Rows of each detailed table (default ROWS_PER_TABLE); the synthesis by rule counts them all. */
  rowsPerTable?: number
}

/** A bot pull request of hundreds of fiches: the detailed tables stop here, the synthesis by rule covers the rest. */
export const ROWS_PER_TABLE = 40

const plural = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`
const pluralEn = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/** A value for a table cell: one line, no HTML, no pipe breaking the row. */
export function cell(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/`/g, "'")
    .replace(/@/g, '@\u200b')
}

export function prReport(input: PrReportInput): string {
  const fr = input.lang === 'fr'
  const limit = input.limit ?? GITHUB_TEXT_LIMIT
  const changed = new Set(input.changed)
  const inChanged = input.diagnostics.filter((d) => changed.has(d.file))
  const elsewhere = input.diagnostics.filter((d) => !changed.has(d.file))
  const count = (list: readonly Diagnostic[], s: 'error' | 'warning') => list.filter((d) => d.severity === s).length
  const { errors, warnings } = input.summary
  const head: string[] = [REPORT_MARKER]
  const ok = errors === 0
  head.push(fr ? `## ${ok ? '✅' : '❌'} Registre : vérification des fiches` : `## ${ok ? '✅' : '❌'} Registry: fiche check`)
  head.push('')
  const n = input.changed.length
  const since = input.base ? (fr ? ` depuis \`${cell(input.base)}\`` : ` since \`${cell(input.base)}\``) : ''
  head.push(
    fr
      ? `**${plural(n, 'fiche modifiée', 'fiches modifiées')}**${since} · **${plural(errors, 'erreur', 'erreurs')}** · **${plural(warnings, 'avertissement', 'avertissements')}** (dont ${count(inChanged, 'error')} erreur${count(inChanged, 'error') > 1 ? 's' : ''} et ${count(inChanged, 'warning')} avertissement${count(inChanged, 'warning') > 1 ? 's' : ''} dans les fiches modifiées)`
      : `**${pluralEn(n, 'changed fiche', 'changed fiches')}**${since} · **${pluralEn(errors, 'error', 'errors')}** · **${pluralEn(warnings, 'warning', 'warnings')}** (${count(inChanged, 'error')} error${count(inChanged, 'error') === 1 ? '' : 's'} and ${count(inChanged, 'warning')} warning${count(inChanged, 'warning') === 1 ? '' : 's'} in the changed fiches)`,
  )
  head.push('')
  const hiddenErrors = Math.max(0, errors - ANNOTATIONS_PER_STEP)
  const hiddenWarnings = Math.max(0, warnings - ANNOTATIONS_PER_STEP)
  if (hiddenErrors + hiddenWarnings > 0) {
    head.push(
      fr
        ? `> [!NOTE]\n> GitHub n'affiche que ${ANNOTATIONS_PER_STEP} annotations d'erreur et ${ANNOTATIONS_PER_STEP} d'avertissement par étape : ${plural(hiddenErrors, 'erreur', 'erreurs')} et ${plural(hiddenWarnings, 'avertissement', 'avertissements')} ne sont visibles qu'ici. Les annotations montrent d'abord les fiches modifiées.`
        : `> [!NOTE]\n> GitHub shows only ${ANNOTATIONS_PER_STEP} error and ${ANNOTATIONS_PER_STEP} warning annotations per step: ${pluralEn(hiddenErrors, 'error', 'errors')} and ${pluralEn(hiddenWarnings, 'warning', 'warnings')} are visible only here. The annotations show the changed fiches first.`,
    )
    head.push('')
  }

  const sections: ReportSection[] = []
  const rowsMax = input.rowsPerTable ?? ROWS_PER_TABLE
  const table = (list: readonly Diagnostic[]): string => diagnosticTable(list, fr, rowsMax)
  if (input.diagnostics.length > 0) sections.push(byRule(inChanged, elsewhere, fr))
  const errorsIn = inChanged.filter((d) => d.severity === 'error')
  const warningsIn = inChanged.filter((d) => d.severity === 'warning')
  const errorsOut = elsewhere.filter((d) => d.severity === 'error')
  const warningsOut = elsewhere.filter((d) => d.severity === 'warning')
  if (errorsIn.length) sections.push({ title: fr ? `Erreurs dans les fiches modifiées (${errorsIn.length})` : `Errors in the changed fiches (${errorsIn.length})`, body: table(errorsIn) })
  if (warningsIn.length) sections.push({ title: fr ? `Avertissements dans les fiches modifiées (${warningsIn.length})` : `Warnings in the changed fiches (${warningsIn.length})`, body: table(warningsIn) })
  // Other stages' sections (the lint) before the problems of fiches the change does not touch.
  sections.push(...(input.sections ?? []))
  if (errorsOut.length) {
    sections.push({
      title: fr ? `Erreurs dans d'autres fiches (${errorsOut.length})` : `Errors in other fiches (${errorsOut.length})`,
      body: `${fr ? 'Ces fiches ne sont pas modifiées ici, mais la vérification échoue à cause d’elles (une référence cassée, par exemple).' : 'These fiches are not changed here, but the check fails because of them (a broken reference, for example).'}\n\n${table(errorsOut)}`,
    })
  }
  if (warningsOut.length) {
    sections.push({
      title: fr ? `Avertissements déjà présents dans d'autres fiches (${warningsOut.length})` : `Warnings already present in other fiches (${warningsOut.length})`,
      body: `<details><summary>${fr ? 'Afficher' : 'Show'}</summary>\n\n${table(warningsOut)}\n\n</details>`,
    })
  }
  if (n > 0) {
    const list = input.changed.map((f) => `- \`${cell(f)}\``).join('\n')
    sections.push({ title: fr ? `Fiches modifiées (${n})` : `Changed fiches (${n})`, body: `<details><summary>${fr ? 'Afficher la liste' : 'Show the list'}</summary>\n\n${list}\n\n</details>` })
  }
  if (input.diagnostics.length === 0) head.push(fr ? 'Aucun problème : les fiches sont valides. Merci !' : 'No problem: the fiches are valid. Thank you!', '')

  return bounded(head.join('\n'), sections, limit, fr)
}

/** A table of located problems, at most `rowsMax` rows, then a line saying which command lists the rest. */
export function diagnosticTable(list: readonly Diagnostic[], fr: boolean, rowsMax: number, command = 'npx registry validate'): string {
  const rows = [fr ? '| Fiche | Ligne | Problème | Que faire | Règle |' : '| Fiche | Line | Problem | What to do | Rule |', '| --- | --- | --- | --- | --- |']
  for (const d of list.slice(0, rowsMax)) rows.push(`| \`${cell(d.file)}\` | ${d.line}:${d.column} | ${cell(d.message)} | ${cell(d.hint)} | \`${cell(d.ruleId)}\` |`)
  const more = list.length - rowsMax
  if (more > 0) rows.push('', fr ? `… et ${more} autre${more > 1 ? 's' : ''} : \`${command}\` les liste toutes.` : `… and ${more} more: \`${command}\` lists them all.`)
  return rows.join('\n')
}

/** One row per rule: how many times in the changed fiches and elsewhere, with one example message. */
function byRule(inChanged: readonly Diagnostic[], elsewhere: readonly Diagnostic[], fr: boolean): ReportSection {
  const rules = new Map<string, { severity: string; changed: number; other: number; example: Diagnostic }>()
  for (const [list, key] of [[inChanged, 'changed'], [elsewhere, 'other']] as const) {
    for (const d of list) {
      const r = rules.get(d.ruleId) ?? { severity: d.severity, changed: 0, other: 0, example: d }
      r[key]++
      if (d.severity === 'error') r.severity = 'error'
      rules.set(d.ruleId, r)
    }
  }
  const sorted = [...rules].sort(([a, x], [b, y]) => (x.severity !== y.severity ? (x.severity === 'error' ? -1 : 1) : y.changed + y.other - (x.changed + x.other) || (a < b ? -1 : 1)))
  const rows = [fr ? '| Règle | Gravité | Fiches modifiées | Ailleurs | Exemple |' : '| Rule | Severity | Changed fiches | Elsewhere | Example |', '| --- | --- | --- | --- | --- |']
  for (const [id, r] of sorted) {
    const severity = r.severity === 'error' ? (fr ? 'erreur' : 'error') : fr ? 'avertissement' : 'warning'
    rows.push(`| \`${cell(id)}\` | ${severity} | ${r.changed} | ${r.other} | ${cell(r.example.message)} |`)
  }
  return { title: fr ? 'Synthèse par règle' : 'Summary by rule', body: rows.join('\n') }
}

/** Joins the sections, cutting line by line once the limit is near, with a note saying what was left out. */
function bounded(head: string, sections: readonly ReportSection[], limit: number, fr: boolean): string {
  const reserve = 400
  let out = head
  let omitted = 0
  for (const s of sections) {
    const lines = [`\n### ${s.title}\n`, ...s.body.split('\n')]
    for (const line of lines) {
      if (omitted > 0 || out.length + line.length + 1 > limit - reserve) omitted++
      else out += `${line}\n`
    }
  }
  if (omitted > 0) {
    // A cut inside <details> must still close it, or the rest of the page folds away.
    if ((out.match(/<details>/g) ?? []).length > (out.match(/<\/details>/g) ?? []).length) out += '\n</details>\n'
    out += fr
      ? `\n> [!WARNING]\n> Rapport tronqué (limite de GitHub : ${GITHUB_TEXT_LIMIT} caractères) : ${omitted} lignes ne sont pas affichées. Lancez \`npx registry validate\` pour la liste complète.\n`
      : `\n> [!WARNING]\n> Report cut (GitHub's limit: ${GITHUB_TEXT_LIMIT} characters): ${omitted} lines are not shown. Run \`npx registry validate\` for the full list.\n`
  }
  return out
}

/** A report written elsewhere (an artifact), cut to GitHub's limit with a note. */
export function clampReport(text: string, lang: Lang, limit = GITHUB_TEXT_LIMIT): string {
  const body = text.startsWith(REPORT_MARKER) ? text : `${REPORT_MARKER}\n${text}`
  if (body.length <= limit) return body
  const note = lang === 'fr' ? `\n\n> [!WARNING]\n> Rapport tronqué à la limite de GitHub (${limit} caractères).\n` : `\n\n> [!WARNING]\n> Report cut at GitHub's limit (${limit} characters).\n`
  let cut = body.slice(0, limit - note.length)
  // Never cut a surrogate pair in two.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  return cut + note
}
