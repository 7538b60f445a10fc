/**
 * `registry report`: the markdown summary of a pull request, written to
 * standard output and to the job summary ($GITHUB_STEP_SUMMARY); with --pr,
 * posted as the pull request's one comment. With --body-file, posts a summary
 * written earlier (the comment workflow never runs the pull request's code).
 */
import { promises as fsp } from 'node:fs'
import { ConfigError } from '../../errors.ts'
import { commentOnPullRequest, readReportBody, report } from '../../registry/report.ts'
import { UsageError } from '../io.ts'
import type { Options } from '../options.ts'

export async function reportCommand(options: Options): Promise<number> {
  const { io, lang } = options
  const fr = lang === 'fr'
  if ((options.pr === undefined) !== (options.repo === undefined)) throw new UsageError(fr ? '--pr et --repo vont ensemble.' : '--pr and --repo go together.')
  let markdown: string
  let code = 0
  if (options.bodyFile !== undefined) {
    if (options.pr === undefined) throw new UsageError(fr ? '--body-file ne sert qu’avec --pr et --repo.' : '--body-file is only used with --pr and --repo.')
    markdown = await readReportBody(options.bodyFile, lang)
  } else {
    const result = await report({ root: options.root, config: options.config, lang, base: options.base, asOf: options.asOf })
    markdown = result.markdown
    code = result.summary.errors > 0 || (options.strict && result.summary.warnings > 0) ? 1 : 0
    io.stdout(markdown)
    const stepSummary = io.env.GITHUB_STEP_SUMMARY
    if (stepSummary) {
      await fsp.appendFile(stepSummary, `${markdown}\n`).catch((err: NodeJS.ErrnoException) => {
        throw new ConfigError(fr ? `GITHUB_STEP_SUMMARY : impossible d'écrire ${stepSummary} (${err.code}).` : `GITHUB_STEP_SUMMARY: cannot write ${stepSummary} (${err.code}).`)
      })
    }
  }
  if (options.pr !== undefined && options.repo !== undefined) {
    const { createGitHub, parseRepo } = await import('../../registry/github.ts')
    const target = parseRepo(options.repo)
    if (!target) throw new UsageError(fr ? `--repo attend PROPRIETAIRE/NOM, pas « ${options.repo} ».` : `--repo needs OWNER/NAME, not "${options.repo}".`)
    const token = io.env.GITHUB_TOKEN
    if (!token) throw new UsageError(fr ? 'Publier le commentaire demande un jeton dans la variable GITHUB_TOKEN.' : 'Posting the comment needs a token in GITHUB_TOKEN.')
    const github = createGitHub({ token, baseUrl: io.env.GITHUB_API_URL || undefined })
    const result = await commentOnPullRequest(github, { ...target, pr: options.pr }, markdown, lang)
    const said = { created: fr ? 'Commentaire créé' : 'Comment created', updated: fr ? 'Commentaire mis à jour' : 'Comment updated', unchanged: fr ? 'Commentaire déjà à jour' : 'Comment already up to date' }
    io.stderr(`${said[result.action]} : ${result.url}\n`)
  }
  return code
}
