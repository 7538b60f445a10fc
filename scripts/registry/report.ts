/**
 * `report`: the markdown summary of a pull request (the changed fiches, the
 * registry's errors and warnings, the standards the change adds or fixes),
 * and its publication as the pull request's one comment.
 */
import { existsSync, promises as fsp } from 'node:fs'
import path from 'node:path'
import { ConfigError, UsageError } from '../errors.ts'
import { changedFiles } from '../git/changed-files.ts'
import { headDate } from '../git/head-date.ts'
import { comparisonCommit } from '../git/show-files.ts'
import type { GitHub } from '../github/client.ts'
import type { CommentResult } from '../github/pr-comment.ts'
import { lintChanged } from '../lint/changed-lint.ts'
import { lintSections } from '../lint/lint-section.ts'
import type { RegistryConfig } from '../load/config.ts'
import type { Diagnostic, Lang, Summary } from '../report/diagnostic.ts'
import { clampReport, prReport } from '../report/pr-report.ts'
import { collectionOf } from '../validate/changed-scope.ts'
import { runValidation } from './check.ts'

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
  /** The summary, under GitHub's limit of 65,536 characters. */
  markdown: string
  /** The whole registry's validation. */
  diagnostics: Diagnostic[]
  summary: Summary
  /** The fiches the pull request changes (present at HEAD). */
  changed: string[]
}

/** The summary of the changes since `base`: what `registry report` prints. */
export async function report(options: ReportOptions): Promise<ReportResult> {
  const { root, config, lang } = options
  const fr = lang === 'fr'
  const base = options.base ?? 'HEAD'
  const files = await changedFiles(root, base).catch((err: unknown) => {
    // changedFiles speaks of --changed; here the revision is the report's base.
    if (err instanceof UsageError && /dépôt git/.test(err.message)) throw new UsageError(fr ? `report compare les fiches à une révision git : ${root} n'est pas un dépôt git.` : `report compares the fiches with a git revision: ${root} is not a git repository.`)
    throw err
  })
  const changed = files.filter((f) => collectionOf(f, config) !== undefined && existsSync(path.join(root, f)))
  const { diagnostics, summary, records } = await runValidation(root, config, lang)
  // The standards lint of the changed fiches, each compared with its version at the base.
  const asOf = options.asOf ?? (await headDate(root)) ?? undefined
  const lint = await lintChanged(root, config, lang, asOf, records, files, await comparisonCommit(root, base))
  const markdown = prReport({ lang, base, changed, diagnostics, summary, sections: lintSections(lint, lang) })
  return { markdown, diagnostics, summary, changed }
}

/**
 * Reads a summary written earlier (the comment workflow never runs the pull request's code),
 * at most a few times GitHub's limit: the file comes from an artifact a pull request wrote.
 */
export async function readReportBody(file: string, lang: Lang): Promise<string> {
  let text: string
  try {
    const handle = await fsp.open(file, 'r')
    try {
      const buffer = Buffer.alloc(4 * 65_536)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
      text = buffer.subarray(0, bytesRead).toString('utf8')
    } finally {
      await handle.close()
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new ConfigError(lang === 'fr' ? `--body-file : impossible de lire ${file} (${code}).` : `--body-file: cannot read ${file} (${code}).`)
  }
  return clampReport(text, lang)
}

/** Posts `markdown` as the pull request's one comment (found by a hidden marker and updated in place). */
export async function commentOnPullRequest(github: GitHub, target: { owner: string; repo: string; pr: number }, markdown: string, lang: Lang): Promise<CommentResult> {
  const { upsertComment } = await import('../github/pr-comment.ts')
  return upsertComment(github, target, markdown, lang)
}
