/**
 * The pull-request report's data (report/report-data.ts) checked as it is
 * read back by the privileged comment workflow: the JSON Schema
 * (schemas/report.schema.json, with the registry's own Ajv), then what a
 * schema cannot say (counts that add up, rule ids of this version, files
 * inside the collection folders, positions in order). Nothing in the file is
 * trusted before it passes.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js'
import type { RegistryConfig } from '../load/config.ts'
import type { Diagnostic } from '../report/diagnostic.ts'
import type { RuleCatalogue } from '../report/messages.ts'
import { isCollectionPath, REPORT_SCHEMA as schema, type CheckedReport, type ReportData, type ReportGroup } from '../report/report-data.ts'

let validator: ValidateFunction | undefined

async function schemaValidator(): Promise<ValidateFunction> {
  if (!validator) {
    // The registry's own Ajv (strict, formats), loaded only here: the comment workflow needs it, other commands do not.
    const { createAjv } = await import('./ajv.ts')
    validator = createAjv().compile(schema)
  }
  return validator
}

/**
 * Checks a value read from a pull request's artifact: the schema, then the
 * rules a schema cannot state (`catalogue`: the rules of this version). Returns the data, or what is wrong with it
 * (at most 20 problems, each naming the JSON pointer).
 */
export async function checkReportData(value: unknown, config: Pick<RegistryConfig, 'collections'>, catalogue: RuleCatalogue): Promise<CheckedReport> {
  const validate = await schemaValidator()
  if (!validate(value)) return { ok: false, problems: (validate.errors ?? []).slice(0, 20).map((e) => `${e.instancePath || '/'} : ${e.message ?? 'invalide'}`) }
  const data = value as ReportData
  const problems: string[] = []
  const say = (where: string, what: string) => problems.length < 20 && problems.push(`${where} : ${what}`)
  const known = (ruleId: string) => Object.hasOwn(catalogue.rules, ruleId)
  const inside = (file: string) => isCollectionPath(file, config.collections)

  data.changed.forEach((f, i) => inside(f) || say(`/changed/${i}`, 'chemin hors des dossiers des fiches'))
  const changed = new Set(data.changed)
  const { groups, summary } = data
  if (summary.errors !== groups.changedErrors.total + groups.otherErrors.total) say('/summary/errors', 'ne correspond pas aux totaux des groupes')
  if (summary.warnings !== groups.changedWarnings.total + groups.otherWarnings.total) say('/summary/warnings', 'ne correspond pas aux totaux des groupes')
  const checkGroup = (where: string, group: ReportGroup, severity?: Diagnostic['severity'], inChanged?: boolean) => {
    if (group.items.length > group.total) say(where, 'plus de lignes que le total')
    group.items.forEach((d, i) => {
      const at = `${where}/items/${i}`
      if (!known(d.ruleId)) say(`${at}/ruleId`, 'règle inconnue de cette version')
      if (!inside(d.file)) say(`${at}/file`, 'chemin hors des dossiers des fiches')
      if (severity !== undefined && d.severity !== severity) say(`${at}/severity`, 'gravité différente de celle du groupe')
      if (inChanged !== undefined && changed.has(d.file) !== inChanged) say(`${at}/file`, inChanged ? 'fiche absente des fiches modifiées' : 'fiche modifiée dans un groupe d’autres fiches')
      if (d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column)) say(at, 'la fin précède le début')
    })
  }
  checkGroup('/groups/changedErrors', groups.changedErrors, 'error', true)
  checkGroup('/groups/changedWarnings', groups.changedWarnings, 'warning', true)
  checkGroup('/groups/otherErrors', groups.otherErrors, 'error', false)
  checkGroup('/groups/otherWarnings', groups.otherWarnings, 'warning', false)

  const seen = new Set<string>()
  let inChangedCount = 0
  let otherCount = 0
  data.byRule.forEach((r, i) => {
    if (!known(r.ruleId)) say(`/byRule/${i}/ruleId`, 'règle inconnue de cette version')
    if (seen.has(r.ruleId)) say(`/byRule/${i}/ruleId`, 'règle en double')
    seen.add(r.ruleId)
    inChangedCount += r.changed
    otherCount += r.other
  })
  if (inChangedCount !== groups.changedErrors.total + groups.changedWarnings.total) say('/byRule', 'les comptes des fiches modifiées ne correspondent pas aux groupes')
  if (otherCount !== groups.otherErrors.total + groups.otherWarnings.total) say('/byRule', 'les comptes des autres fiches ne correspondent pas aux groupes')
  for (const group of Object.values(groups)) for (const d of group.items) if (!seen.has(d.ruleId)) say('/byRule', `la règle ${JSON.stringify(d.ruleId).slice(0, 90)} n’y est pas comptée`)

  if (data.lint) {
    const { lint } = data
    if (lint.fiches > data.changed.length) say('/lint/fiches', 'plus de fiches que de fiches modifiées')
    if (lint.added > lint.fiches) say('/lint/added', 'plus de fiches ajoutées que de fiches')
    checkGroup('/lint/introduced', lint.introduced, undefined, true)
    checkGroup('/lint/fixed', lint.fixed, undefined, true)
    const categories = new Set<string>()
    lint.categories.forEach((c, i) => {
      if (categories.has(c.category)) say(`/lint/categories/${i}`, 'catégorie en double')
      categories.add(c.category)
      for (const key of ['before', 'after'] as const) {
        const share = c[key]
        if (share && share.met > share.applicable) say(`/lint/categories/${i}/${key}`, 'plus de standards respectés qu’applicables')
      }
    })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, data }
}
