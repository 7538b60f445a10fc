/**
 * `registry report`: the pull request's report, computed (markdown to standard
 * output and the job summary; its data with --output-json), or, with --data,
 * read back from data and posted by the comment workflow (github/post-report.ts).
 */
import { existsSync, promises as fsp } from 'node:fs'
import path from 'node:path'
import { changedFiles } from '../../git/changed-files.ts'
import { headDate } from '../../git/head-date.ts'
import { comparisonCommit } from '../../git/show-files.ts'
import { lintChanged } from '../../lint/changed-lint.ts'
import { lintData } from '../../lint/lint-section.ts'
import { ConfigError } from '../../load/config.ts'
import { renderReport } from '../../report/pr-report.ts'
import { checkReportData, reportData, type CheckedReport } from '../../report/report-data.ts'
import { collectionOf } from '../../validate/changed-scope.ts'
import { UsageError } from '../io.ts'
import type { Options } from '../main.ts'
import { runValidation } from '../run-validation.ts'

export async function reportCommand(options: Options): Promise<number> {
  const { io, lang, config } = options
  const fr = lang === 'fr'
  const usage = (fr_: string, en: string) => new UsageError(fr ? fr_ : en)
  if ((options.pr === undefined) !== (options.repo === undefined)) throw usage('--pr et --repo vont ensemble.', '--pr and --repo go together.')
  if (options.data !== undefined && options.pr === undefined) throw usage('--data ne sert qu’avec --pr et --repo.', '--data is only used with --pr and --repo.')
  if (options.data !== undefined && options.outputJson !== undefined) throw usage('--data et --output-json ne vont pas ensemble.', '--data and --output-json do not go together.')
  let report: CheckedReport
  let code = 0
  if (options.data !== undefined) {
    report = await (await import('../../report/read-report-data.ts')).readReportData(options.data, config)
  } else {
    const base = options.base ?? 'HEAD'
    const files = await changedFiles(options.root, base).catch((err: unknown) => {
      // changedFiles speaks of --changed; here the revision comes from --base.
      if (err instanceof UsageError && /dépôt git/.test(err.message)) throw usage(`report compare les fiches à une révision git : ${options.root} n'est pas un dépôt git.`, `report compares the fiches with a git revision: ${options.root} is not a git repository.`)
      throw err
    })
    const changed = files.filter((f) => collectionOf(f, config) !== undefined && existsSync(path.join(options.root, f)))
    const { diagnostics, summary, records } = await runValidation(options.root, config, lang)
    // The standards lint of the changed fiches, each compared with its version at the base.
    const asOf = options.asOf ?? (await headDate(options.root)) ?? undefined
    const lint = await lintChanged(options.root, config, lang, asOf, records, files, await comparisonCommit(options.root, base))
    const data = reportData({ base, changed, diagnostics, summary, lint: lintData(lint) })
    // The data the comment workflow will read, checked here as it will be there.
    report = await checkReportData(data, config)
    if (!report.ok) throw new ConfigError(`${fr ? 'Données du rapport refusées' : 'Report data refused'} : ${report.problems.join(' ; ')}`)
    if (options.outputJson !== undefined) await write(options.outputJson, `${JSON.stringify(data, null, 2)}\n`, '--output-json', fr)
    const markdown = renderReport(data, lang)
    code = summary.errors > 0 || (options.strict && summary.warnings > 0) ? 1 : 0
    io.stdout(markdown)
    if (io.env.GITHUB_STEP_SUMMARY) await write(io.env.GITHUB_STEP_SUMMARY, `${markdown}\n`, 'GITHUB_STEP_SUMMARY', fr, true)
  }
  if (options.pr !== undefined && options.repo !== undefined) {
    const { createGitHub, parseRepo } = await import('../../github/client.ts')
    const { postReport, runUrl } = await import('../../github/post-report.ts')
    const { ACTIONS_BOT, botLogin } = await import('../../github/pr-comment.ts')
    const target = parseRepo(options.repo)
    if (!target) throw usage(`--repo attend PROPRIETAIRE/NOM, pas « ${options.repo} ».`, `--repo needs OWNER/NAME, not "${options.repo}".`)
    const token = io.env.GITHUB_TOKEN
    if (!token) throw usage('Publier le commentaire demande un jeton dans la variable GITHUB_TOKEN.', 'Posting the comment needs a token in GITHUB_TOKEN.')
    const login = io.env.REGISTRY_BOT_LOGIN ? botLogin(io.env.REGISTRY_BOT_LOGIN) : ACTIONS_BOT
    if (!login) throw usage(`REGISTRY_BOT_LOGIN attend le compte d’un bot (nom[bot]), pas « ${io.env.REGISTRY_BOT_LOGIN} ».`, `REGISTRY_BOT_LOGIN needs a bot account (name[bot]), not "${io.env.REGISTRY_BOT_LOGIN}".`)
    const github = createGitHub({ token, baseUrl: io.env.GITHUB_API_URL || undefined })
    const posted = await postReport(github, { target: { ...target, pr: options.pr }, lang, collections: config.collections, report, runUrl: runUrl(io.env), author: { login } })
    const said = { created: fr ? 'Commentaire créé' : 'Comment created', updated: fr ? 'Commentaire mis à jour' : 'Comment updated', unchanged: fr ? 'Commentaire déjà à jour' : 'Comment already up to date' }
    io.stderr(`${said[posted.comment.action]} : ${posted.comment.url}\n`)
    if (posted.origin.flagged) io.stderr(fr ? 'Pull request de fork qui modifie l’outillage : statut en échec.\n' : 'Pull request from a fork that changes the tooling: failing status.\n')
  }
  if (!report.ok) {
    io.stderr(`${fr ? 'Données du rapport refusées' : 'Report data refused'} (${options.data}) :\n${report.problems.map((p) => `  ${p}\n`).join('')}`)
    return 2
  }
  return code
}

async function write(file: string, text: string, what: string, fr: boolean, append = false): Promise<void> {
  try {
    if (!append) await fsp.mkdir(path.dirname(file), { recursive: true })
    await (append ? fsp.appendFile(file, text) : fsp.writeFile(file, text))
  } catch (err) {
    throw new ConfigError(fr ? `${what} : impossible d'écrire ${file} (${(err as NodeJS.ErrnoException).code}).` : `${what}: cannot write ${file} (${(err as NodeJS.ErrnoException).code}).`)
  }
}
