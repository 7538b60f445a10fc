/**
 * `registry report`: the markdown summary of a pull request, written to
 * standard output and to the job summary ($GITHUB_STEP_SUMMARY); with --pr,
 * posted as the pull request's one comment. With --body-file, posts a summary
 * written earlier (the comment workflow never runs the pull request's code).
 */
import { existsSync, promises as fsp } from 'node:fs'
import path from 'node:path'
import { changedFiles } from '../../git/changed-files.ts'
import { collectionOf } from '../../validate/changed-scope.ts'
import { clampReport, prReport } from '../../report/pr-report.ts'
import { headDate } from '../../git/head-date.ts'
import { comparisonCommit } from '../../git/show-files.ts'
import { lintChanged } from '../../lint/changed-lint.ts'
import { lintSections } from '../../lint/lint-section.ts'
import { ConfigError } from '../../load/config.ts'
import { UsageError } from '../io.ts'
import type { Options } from '../main.ts'
import { runValidation } from '../run-validation.ts'

export async function reportCommand(options: Options): Promise<number> {
  const { io, lang } = options
  const fr = lang === 'fr'
  if ((options.pr === undefined) !== (options.repo === undefined)) {
    throw new UsageError(fr ? '--pr et --repo vont ensemble.' : '--pr and --repo go together.')
  }
  let markdown: string
  let code = 0
  if (options.bodyFile !== undefined) {
    if (options.pr === undefined) throw new UsageError(fr ? '--body-file ne sert qu’avec --pr et --repo.' : '--body-file is only used with --pr and --repo.')
    markdown = clampReport(await readBody(options.bodyFile, fr), lang)
  } else {
    const base = options.base ?? 'HEAD'
    const files = await changedFiles(options.root, base).catch((err: unknown) => {
      // changedFiles speaks of --changed; here the revision comes from --base.
      if (err instanceof UsageError && /dépôt git/.test(err.message)) throw new UsageError(fr ? `report compare les fiches à une révision git : ${options.root} n'est pas un dépôt git.` : `report compares the fiches with a git revision: ${options.root} is not a git repository.`)
      throw err
    })
    const changed = files.filter((f) => collectionOf(f, options.config) !== undefined && existsSync(path.join(options.root, f)))
    const { diagnostics, summary, records } = await runValidation(options.root, options.config, lang)
    // The standards lint of the changed fiches, each compared with its version at the base.
    const asOf = options.asOf ?? (await headDate(options.root)) ?? undefined
    const lint = await lintChanged(options.root, options.config, lang, asOf, records, files, await comparisonCommit(options.root, base))
    markdown = prReport({ lang, base, changed, diagnostics, summary, sections: lintSections(lint, lang) })
    code = summary.errors > 0 || (options.strict && summary.warnings > 0) ? 1 : 0
    io.stdout(markdown)
    const stepSummary = io.env.GITHUB_STEP_SUMMARY
    if (stepSummary) {
      await fsp.appendFile(stepSummary, `${markdown}\n`).catch((err: NodeJS.ErrnoException) => {
        throw new ConfigError(fr ? `GITHUB_STEP_SUMMARY : impossible d'écrire ${stepSummary} (${err.code}).` : `GITHUB_STEP_SUMMARY: cannot write ${stepSummary} (${err.code}).`)
      })
    }
  }
  if (options.pr !== undefined && options.repo !== undefined) {
    const { createGitHub, parseRepo } = await import('../../github/client.ts')
    const { upsertComment } = await import('../../github/pr-comment.ts')
    const target = parseRepo(options.repo)
    if (!target) throw new UsageError(fr ? `--repo attend PROPRIETAIRE/NOM, pas « ${options.repo} ».` : `--repo needs OWNER/NAME, not "${options.repo}".`)
    const token = io.env.GITHUB_TOKEN
    if (!token) throw new UsageError(fr ? 'Publier le commentaire demande un jeton dans la variable GITHUB_TOKEN.' : 'Posting the comment needs a token in GITHUB_TOKEN.')
    const github = createGitHub({ token, baseUrl: io.env.GITHUB_API_URL || undefined })
    const result = await upsertComment(github, { ...target, pr: options.pr }, markdown, lang)
    const said = { created: fr ? 'Commentaire créé' : 'Comment created', updated: fr ? 'Commentaire mis à jour' : 'Comment updated', unchanged: fr ? 'Commentaire déjà à jour' : 'Comment already up to date' }
    io.stderr(`${said[result.action]} : ${result.url}\n`)
  }
  return code
}

/** At most a few times GitHub's limit is read: the file comes from an artifact a pull request wrote. */
async function readBody(file: string, fr: boolean): Promise<string> {
  try {
    const handle = await fsp.open(file, 'r')
    try {
      const buffer = Buffer.alloc(4 * 65_536)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
      return buffer.subarray(0, bytesRead).toString('utf8')
    } finally {
      await handle.close()
    }
  } catch (err) {
    throw new ConfigError(fr ? `--body-file : impossible de lire ${file} (${(err as NodeJS.ErrnoException).code}).` : `--body-file: cannot read ${file} (${(err as NodeJS.ErrnoException).code}).`)
  }
}
