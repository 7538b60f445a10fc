/**
 * The pull-request report: one markdown summary of a change (the fiches it
 * touches, the errors and warnings in them, the ones elsewhere, the standards
 * the change adds or fixes, a note when GitHub's annotations were capped), for
 * the job summary and the one comment on the pull request. Rendered from the
 * report's data (report-data.ts) alone, so that the comment workflow renders
 * with its own templates data that a pull request's run computed; every
 * fiche-derived string is inert markdown. Pure: data in, markdown out, never
 * over GitHub's 65,536-character limit.
 */
import type { Lang } from './diagnostic.ts'
import { diagnosticTable, fullList } from './diagnostic-table.ts'
import { inertCode, inertMarkdown } from './inert-markdown.ts'
import { lintSections, type ReportSection } from './lint-sections.ts'
import { correctionBlock } from './correction-block.ts'
import { reportData, type ReportData, type ReportDiagnostic, type ReportInput } from './report-data.ts'
import { REPORT_MARKER } from './report-marker.ts'
import type { RuleCatalogue } from './messages.ts'

export { ROWS_PER_TABLE } from './report-data.ts'

/** GitHub's limit for a comment body and for a step summary, in characters. */
export const GITHUB_TEXT_LIMIT = 65_536
/** GitHub shows at most this many error, and this many warning, annotations per step. */
export const ANNOTATIONS_PER_STEP = 10

export type { ReportSection }

export interface RenderOptions {
  /** Every rule that may be reported (lint/rule-catalogue.ts): the rules' descriptions, the categories' labels. */
  rules: RuleCatalogue
  /** Defaults to GITHUB_TEXT_LIMIT. */
  limit?: number
  /** Markdown of the comment workflow's own (a fork changing the tooling), shown right under the title. */
  notes?: readonly string[]
}

const plural = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`
const pluralEn = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/** The report of a change computed here: its data (report-data.ts), rendered. */
export function prReport(input: ReportInput & { lang: Lang; limit?: number; rules: RuleCatalogue }): string {
  return renderReport(reportData(input), input.lang, { limit: input.limit, rules: input.rules })
}

export function renderReport(data: ReportData, lang: Lang, options: RenderOptions): string {
  const fr = lang === 'fr'
  const limit = options.limit ?? GITHUB_TEXT_LIMIT
  const { changedErrors, changedWarnings, otherErrors, otherWarnings } = data.groups
  const { errors, warnings } = data.summary
  const head: string[] = [REPORT_MARKER]
  const ok = errors === 0
  head.push(fr ? `## ${ok ? '✅' : '❌'} Registre : vérification des fiches` : `## ${ok ? '✅' : '❌'} Registry: fiche check`)
  head.push('')
  for (const note of options.notes ?? []) head.push(note, '')
  const n = data.changed.length
  const since = data.base ? (fr ? ` depuis ${inertCode(data.base)}` : ` since ${inertCode(data.base)}`) : ''
  const e = changedErrors.total
  const w = changedWarnings.total
  // The standards warnings the change adds are listed below: the header counts them too.
  const fresh = data.lint?.introduced.total ?? 0
  const inChanged = n === 0 ? '' : fr ? ` (dont ${plural(e, 'erreur', 'erreurs')} et ${plural(w, 'avertissement', 'avertissements')} dans les fiches modifiées)` : ` (${pluralEn(e, 'error', 'errors')} and ${pluralEn(w, 'warning', 'warnings')} in the changed fiches)`
  const standards = data.lint === null ? '' : fr ? ` · **${fresh} ${fresh > 1 ? 'avertissements de standards nouveaux' : 'avertissement de standards nouveau'}**` : ` · **${pluralEn(fresh, 'new standards warning', 'new standards warnings')}**`
  head.push(
    fr
      ? `**${plural(n, 'fiche modifiée', 'fiches modifiées')}**${since} · **${plural(errors, 'erreur', 'erreurs')}** · **${plural(warnings, 'avertissement', 'avertissements')}**${inChanged}${standards}`
      : `**${pluralEn(n, 'changed fiche', 'changed fiches')}**${since} · **${pluralEn(errors, 'error', 'errors')}** · **${pluralEn(warnings, 'warning', 'warnings')}**${inChanged}${standards}`,
  )
  head.push('')
  const hiddenErrors = Math.max(0, errors - ANNOTATIONS_PER_STEP)
  const hiddenWarnings = Math.max(0, warnings - ANNOTATIONS_PER_STEP)
  if (hiddenErrors + hiddenWarnings > 0) {
    head.push(
      fr
        ? `> [!NOTE]\n> GitHub n’affiche que ${ANNOTATIONS_PER_STEP} annotations d’erreur et ${ANNOTATIONS_PER_STEP} d’avertissement par étape : ${plural(hiddenErrors, 'erreur', 'erreurs')} et ${plural(hiddenWarnings, 'avertissement', 'avertissements')} ne sont visibles qu’ici. Les annotations montrent d’abord les fiches modifiées.`
        : `> [!NOTE]\n> GitHub shows only ${ANNOTATIONS_PER_STEP} error and ${ANNOTATIONS_PER_STEP} warning annotations per step: ${pluralEn(hiddenErrors, 'error', 'errors')} and ${pluralEn(hiddenWarnings, 'warning', 'warnings')} are visible only here. The annotations show the changed fiches first.`,
    )
    head.push('')
  }

  const sections: ReportSection[] = []
  const table = (group: ReportData['groups']['changedErrors']): string => diagnosticTable(group, fr, 'npx registry validate')
  if (data.byRule.length > 0) sections.push(byRule(data, fr, options.rules))
  if (changedErrors.total) sections.push({ title: fr ? `Erreurs dans les fiches modifiées (${changedErrors.total})` : `Errors in the changed fiches (${changedErrors.total})`, body: table(changedErrors) })
  if (changedWarnings.total) sections.push({ title: fr ? `Avertissements dans les fiches modifiées (${changedWarnings.total})` : `Warnings in the changed fiches (${changedWarnings.total})`, body: table(changedWarnings) })
  const corrections = [...changedErrors.items, ...changedWarnings.items].filter((d) => d.correction)
  if (corrections.length > 0) sections.push(correctionsSection(corrections, fr))
  // The lint's sections before the problems of fiches the change does not touch.
  if (data.lint) sections.push(...lintSections(data.lint, lang, options.rules))
  if (otherErrors.total) {
    sections.push({
      title: fr ? `Erreurs dans d’autres fiches (${otherErrors.total})` : `Errors in other fiches (${otherErrors.total})`,
      body: `${fr ? 'Ces fiches ne sont pas modifiées ici, mais la vérification échoue à cause d’elles (une référence cassée, par exemple).' : 'These fiches are not changed here, but the check fails because of them (a broken reference, for example).'}\n\n${table(otherErrors)}`,
    })
  }
  if (otherWarnings.total) {
    sections.push({
      title: fr ? `Avertissements déjà présents dans d’autres fiches (${otherWarnings.total})` : `Warnings already present in other fiches (${otherWarnings.total})`,
      body: `<details><summary>${fr ? 'Afficher' : 'Show'}</summary>\n\n${table(otherWarnings)}\n\n</details>`,
    })
  }
  if (n > 0) {
    const list = data.changed.map((f) => `- ${inertCode(f)}`).join('\n')
    sections.push({ title: fr ? `Fiches modifiées (${n})` : `Changed fiches (${n})`, body: `<details><summary>${fr ? 'Afficher la liste' : 'Show the list'}</summary>\n\n${list}\n\n</details>` })
  }
  if (errors + warnings + fresh === 0) head.push(fr ? 'Aucun problème : les fiches sont valides. Merci !' : 'No problem: the fiches are valid. Thank you!', '')
  else if (errors === 0) head.push(fr ? 'Les fiches sont valides : les avertissements ne bloquent pas la fusion.' : 'The fiches are valid: warnings do not block the merge.', '')

  return bounded(head.join('\n'), sections, limit, fr)
}

/**
 * The certain fixes of the changed fiches: for each, where, what, and the
 * lines before and after as a diff block; and how to apply them all.
 */
function correctionsSection(items: readonly ReportDiagnostic[], fr: boolean): ReportSection {
  const out: string[] = [
    fr
      ? `Ces corrections sont sûres : \`npx registry fix\` les applique (en ne changeant que ces caractères), puis vérifie à nouveau les fiches ; \`npx registry fix --dry-run\` les montre sans rien écrire. Sans git : sur la page du produit, « Modifier dans l’éditeur (sans git) » ouvre la fiche, et le bouton « Appliquer » de chaque message y fait la même correction.`
      : `These fixes are certain: \`npx registry fix\` applies them (changing only these characters), then checks the fiches again; \`npx registry fix --dry-run\` shows them without writing anything. Without git: on the product's page, « Modifier dans l’éditeur (sans git) » opens the fiche, and the « Appliquer » (apply) button of each message there makes the same edit.`,
  ]
  for (const d of items) {
    const c = d.correction!
    out.push('', `${inertCode(d.file)}, ${fr ? 'ligne' : 'line'} ${c.line} (${inertCode(d.ruleId)})${fr ? ' : ' : ': '}${inertMarkdown(d.message)}`, '', correctionBlock(c))
  }
  return { title: fr ? `Corrections automatiques (${items.length})` : `Automatic fixes (${items.length})`, body: out.join('\n') }
}

/**
 * One row per rule: how many times in the changed fiches and elsewhere, with
 * an example message (of the listed problems), or else the rule's own
 * description from this version's catalogue.
 */
function byRule(data: ReportData, fr: boolean, rules: RuleCatalogue): ReportSection {
  const examples = new Map<string, string>()
  for (const group of Object.values(data.groups)) for (const d of group.items) if (!examples.has(d.ruleId)) examples.set(d.ruleId, d.message)
  const rows = [fr ? '| Règle | Gravité | Fiches modifiées | Ailleurs | Exemple |' : '| Rule | Severity | Changed fiches | Elsewhere | Example |', '| --- | --- | --- | --- | --- |']
  for (const r of data.byRule) {
    const severity = r.severity === 'error' ? (fr ? 'erreur' : 'error') : fr ? 'avertissement' : 'warning'
    rows.push(`| ${inertCode(r.ruleId)} | ${severity} | ${r.changed} | ${r.other} | ${inertMarkdown(examples.get(r.ruleId) ?? (Object.hasOwn(rules.rules, r.ruleId) ? rules.rules[r.ruleId]!.description : ''))} |`)
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
      ? `\n> [!WARNING]\n> Rapport tronqué (limite de GitHub : ${GITHUB_TEXT_LIMIT} caractères) : ${omitted} lignes ne sont pas affichées ; ${fullList(fr, 'npx registry validate')}\n`
      : `\n> [!WARNING]\n> Report cut (GitHub's limit: ${GITHUB_TEXT_LIMIT} characters): ${omitted} lines are not shown; ${fullList(fr, 'npx registry validate')}\n`
  }
  return out
}

/**
 * The comment when the report's data was refused (not JSON, or not what
 * report-data.ts accepts): it says so, and nothing else from the data; the
 * reasons are in the workflow's log, linked when the run's address is known.
 */
export function refusedReport(lang: Lang, runUrl?: string, notes: readonly string[] = []): string {
  const fr = lang === 'fr'
  const lines = [REPORT_MARKER, fr ? '## ⚠️ Registre : rapport illisible' : '## ⚠️ Registry: unreadable report', '']
  for (const note of notes) lines.push(note, '')
  const where = runUrl ? (fr ? ` Les raisons sont dans le journal de [l’exécution du workflow](${runUrl}).` : ` The reasons are in the log of [the workflow run](${runUrl}).`) : ''
  lines.push(
    fr
      ? `Le rapport de vérification produit par l’intégration continue de cette pull request n’a pas pu être lu : il n’est pas affiché.${where}`
      : `The check report produced by this pull request's CI could not be read: it is not shown.${where}`,
    '',
  )
  return lines.join('\n')
}
