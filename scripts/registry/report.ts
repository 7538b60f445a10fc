/**
 * `report`: the pull request's report (the changed fiches, the registry's
 * errors and warnings, the standards the change adds or fixes) as data
 * (schemas/report.schema.json) and as markdown; reading that data back,
 * checked, in the privileged comment workflow; and posting it as the pull
 * request's one comment (see docs/security.md).
 */
import { constants, existsSync, promises as fsp } from 'node:fs'
import path from 'node:path'
import { ConfigError, UsageError } from '../errors.ts'
import { changedFiles } from '../git/changed-files.ts'
import { headDate } from '../git/head-date.ts'
import { comparisonCommit } from '../git/show-files.ts'
import type { GitHub } from '../github/client.ts'
import type { PostedReport, PostReport } from '../github/post-report.ts'
import { lintChanged } from '../lint/changed-lint.ts'
import { lintData } from '../lint/lint-section.ts'
import { RULE_CATALOGUE } from '../lint/rule-catalogue.ts'
import type { RegistryConfig } from '../load/config.ts'
import type { Diagnostic, Lang, Summary } from '../report/diagnostic.ts'
import { renderReport } from '../report/pr-report.ts'
import { MAX_DATA_BYTES, reportData, type CheckedReport, type ReportData } from '../report/report-data.ts'
import { collectionOf } from '../validate/changed-scope.ts'
import { checkReportData } from '../validate/report-data.ts'
import { runValidation } from './check.ts'

export type { CheckedReport, ReportData }

export interface ReportOptions {
  /** The registry's root, in a git work tree. */
  root: string
  config: RegistryConfig
  lang: Lang
  /** The git revision the pull request is compared with (default HEAD: the uncommitted changes). */
  base?: string
  /** The date of the standards rules; default: HEAD's commit date. */
  asOf?: string
}

export interface ReportResult {
  /** The report as data, checked as the comment workflow will check it. */
  data: ReportData
  /** The report rendered, under GitHub's limit of 65,536 characters. */
  markdown: string
  /** The whole registry's validation. */
  diagnostics: Diagnostic[]
  summary: Summary
  /** The fiches the pull request changes (present at HEAD). */
  changed: string[]
}

/**
 * The report of the changes since `base`: what `registry report` prints (and writes with --output-json).
 * @throws ConfigError when the data would be refused by the comment workflow (a bug, not the fiches').
 */
export async function report(options: ReportOptions): Promise<ReportResult> {
  const { root, config, lang } = options
  const fr = lang === 'fr'
  const base = options.base ?? 'HEAD'
  const files = await changedFiles(root, base).catch((err: unknown) => {
    // changedFiles speaks of --changed; here the revision is the report's base.
    if (err instanceof UsageError && /dépôt git/.test(err.message)) throw new UsageError(fr ? `report compare les fiches à une révision git : ${root} n’est pas un dépôt git.` : `report compares the fiches with a git revision: ${root} is not a git repository.`)
    throw err
  })
  const changed = files.filter((f) => collectionOf(f, config) !== undefined && existsSync(path.join(root, f)))
  const { diagnostics, summary, records, texts } = await runValidation(root, config, lang)
  // The standards lint of the changed fiches, each compared with its version at the base.
  const asOf = options.asOf ?? (await headDate(root)) ?? undefined
  const lint = await lintChanged(root, config, lang, asOf, records, files, await comparisonCommit(root, base))
  const data = reportData({ base, changed, diagnostics, summary, lint: lintData(lint), texts })
  // The data the comment workflow will read, checked here as it will be there.
  const checked = await checkReportData(data, config, RULE_CATALOGUE)
  if (!checked.ok) throw new ConfigError(`${fr ? 'Données du rapport refusées' : 'Report data refused'} : ${checked.problems.join(' ; ')}`)
  return { data, markdown: renderReport(data, lang, { rules: RULE_CATALOGUE }), diagnostics, summary, changed }
}

/**
 * Reads the report data a pull request's run left in its artifact, as data: at most
 * MAX_DATA_BYTES, a regular file (no link followed, no pipe waited on), UTF-8 JSON, then
 * checked against the schema and this version's rules. Whatever goes wrong is a refusal
 * with its reasons, never an exception.
 */
export async function readReport(file: string, config: Pick<RegistryConfig, 'collections'>): Promise<CheckedReport> {
  let text: string
  try {
    const handle = await fsp.open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
    try {
      const stat = await handle.stat()
      if (!stat.isFile()) return { ok: false, problems: [`${file} n’est pas un fichier ordinaire`] }
      if (stat.size > MAX_DATA_BYTES) return { ok: false, problems: [`${file} pèse ${stat.size} octets, plus que ${MAX_DATA_BYTES}`] }
      const buffer = Buffer.alloc(stat.size)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
      text = new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead))
    } finally {
      await handle.close()
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return { ok: false, problems: [`${file} ne peut pas être lu (${code ?? 'UTF-8 invalide'})`] }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    return { ok: false, problems: [`${file} n’est pas du JSON (${(err as Error).message.slice(0, 200)})`] }
  }
  return checkReportData(value, config, RULE_CATALOGUE)
}

/**
 * Posts the checked report (or, when it was refused, only that it could not be read) as the
 * pull request's one comment, rendered by this version's templates, and sets the
 * registry/fork-tooling status (failing for a fork that changes files outside the fiches).
 */
export async function postReport(github: GitHub, p: PostReport): Promise<PostedReport> {
  const { postReport: post } = await import('../github/post-report.ts')
  return post(github, p)
}
