/**
 * `registry report`: the pull request's report, computed (markdown to standard
 * output and the job summary; its data with --output-json), or, with --data,
 * read back from data and posted by the comment workflow (see docs/security.md).
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../../errors.ts'
import { postReport, readReport, report, type CheckedReport } from '../../registry/report.ts'
import { UsageError } from '../io.ts'
import type { Options } from '../options.ts'

export async function reportCommand(options: Options): Promise<number> {
  const { io, lang, config } = options
  const fr = lang === 'fr'
  const usage = (fr_: string, en: string) => new UsageError(fr ? fr_ : en)
  if ((options.pr === undefined) !== (options.repo === undefined)) throw usage('--pr et --repo vont ensemble.', '--pr and --repo go together.')
  if (options.data !== undefined && options.pr === undefined) throw usage('--data ne sert qu’avec --pr et --repo.', '--data is only used with --pr and --repo.')
  if (options.data !== undefined && options.outputJson !== undefined) throw usage('--data et --output-json ne vont pas ensemble.', '--data and --output-json do not go together.')
  let checked: CheckedReport
  let code = 0
  if (options.data !== undefined) {
    checked = await readReport(options.data, config)
  } else {
    const result = await report({ root: options.root, config, lang, base: options.base, asOf: options.asOf })
    checked = { ok: true, data: result.data }
    if (options.outputJson !== undefined) await write(options.outputJson, `${JSON.stringify(result.data, null, 2)}\n`, '--output-json', fr)
    code = result.summary.errors > 0 || (options.strict && result.summary.warnings > 0) ? 1 : 0
    io.stdout(result.markdown)
    if (io.env.GITHUB_STEP_SUMMARY) await write(io.env.GITHUB_STEP_SUMMARY, `${result.markdown}\n`, 'GITHUB_STEP_SUMMARY', fr, true)
  }
  if (options.pr !== undefined && options.repo !== undefined) {
    const { ACTIONS_BOT, botLogin, createGitHub, parseRepo, runUrl } = await import('../../registry/github.ts')
    const target = parseRepo(options.repo)
    if (!target) throw usage(`--repo attend PROPRIETAIRE/NOM, pas « ${options.repo} ».`, `--repo needs OWNER/NAME, not "${options.repo}".`)
    const token = io.env.GITHUB_TOKEN
    if (!token) throw usage('Publier le commentaire demande un jeton dans la variable GITHUB_TOKEN.', 'Posting the comment needs a token in GITHUB_TOKEN.')
    const login = io.env.REGISTRY_BOT_LOGIN ? botLogin(io.env.REGISTRY_BOT_LOGIN) : ACTIONS_BOT
    if (!login) throw usage(`REGISTRY_BOT_LOGIN attend le compte d’un bot (nom[bot]), pas « ${io.env.REGISTRY_BOT_LOGIN} ».`, `REGISTRY_BOT_LOGIN needs a bot account (name[bot]), not "${io.env.REGISTRY_BOT_LOGIN}".`)
    const github = createGitHub({ token, baseUrl: io.env.GITHUB_API_URL || undefined })
    const posted = await postReport(github, { target: { ...target, pr: options.pr }, lang, collections: config.collections, report: checked, runUrl: runUrl(io.env), author: { login } })
    const said = { created: fr ? 'Commentaire créé' : 'Comment created', updated: fr ? 'Commentaire mis à jour' : 'Comment updated', unchanged: fr ? 'Commentaire déjà à jour' : 'Comment already up to date' }
    io.stderr(`${said[posted.comment.action]} : ${posted.comment.url}\n`)
    if (posted.origin.flagged) io.stderr(fr ? 'Pull request de fork qui modifie l’outillage : statut en échec.\n' : 'Pull request from a fork that changes the tooling: failing status.\n')
  }
  if (!checked.ok) {
    io.stderr(`${fr ? 'Données du rapport refusées' : 'Report data refused'} (${options.data}) :\n${checked.problems.map((p) => `  ${p}\n`).join('')}`)
    return 2
  }
  return code
}

/** What the command writes besides standard output: the report's data, the job summary (appended). */
async function write(file: string, text: string, what: string, fr: boolean, append = false): Promise<void> {
  try {
    if (!append) await fsp.mkdir(path.dirname(file), { recursive: true })
    await (append ? fsp.appendFile(file, text) : fsp.writeFile(file, text))
  } catch (err) {
    throw new ConfigError(fr ? `${what} : impossible d’écrire ${file} (${(err as NodeJS.ErrnoException).code}).` : `${what}: cannot write ${file} (${(err as NodeJS.ErrnoException).code}).`)
  }
}
