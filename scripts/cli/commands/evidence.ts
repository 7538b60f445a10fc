/**
 * `registry evidence`: the scheduled online checks (see docs/online.md).
 * `--out FILE [--previous FILE]` runs them and writes the accumulated
 * evidence, printing what changed; `--publish`, `--fetch` and `--notify` keep
 * the file on its branch, read it back and open issues, through GitHub's API.
 */
import { evidence, fetchEvidence, formatEvidence, notifyEvidence, publishEvidence, type EvidenceFormat } from '../../registry/evidence.ts'
import { UsageError } from '../io.ts'
import { fetched, firstRun, published, tickets } from '../evidence-notes.ts'
import type { Options } from '../options.ts'

export async function evidenceCommand(options: Options): Promise<number> {
  const { io, lang, root, config } = options
  const fr = lang === 'fr'
  const usage = (fr_: string, en: string) => new UsageError(fr ? fr_ : en)
  const flags = options.evidence ?? {}
  const modes = [flags.out, flags.publish, flags.notify, flags.fetch].filter((f) => f !== undefined).length
  if (modes !== 1) throw usage('evidence demande une seule de ces options : --out FICHIER (une vérification), --publish FICHIER, --notify FICHIER ou --fetch FICHIER.', 'evidence needs exactly one of --out FILE (a check run), --publish FILE, --notify FILE or --fetch FILE.')
  if ((flags.previous !== undefined || options.changesFormat !== 'stylish') && flags.out === undefined) throw usage('--previous et --format ne vont qu’avec evidence --out.', '--previous and --format only go with evidence --out.')
  if (flags.branch !== undefined && flags.publish === undefined && flags.fetch === undefined) throw usage('--branch ne va qu’avec evidence --publish et --fetch.', '--branch only goes with evidence --publish and --fetch.')
  if (flags.out !== undefined) {
    const result = await evidence({
      root, config, lang, out: flags.out, previous: flags.previous, asOf: options.asOf,
      online: {
        env: io.env,
        githubBaseUrl: io.env.GITHUB_API_URL || undefined,
        // For tests against servers on 127.0.0.1 only: never set it where fiches come from strangers.
        allowPrivateAddresses: io.env.REGISTRY_ONLINE_ALLOW_PRIVATE_ADDRESSES === '1',
        // A workflow's token has 1,000 requests an hour, shared with the repository's other workflows.
        githubReserve: 100,
        onWarning: (message) => io.stderr(`${message}\n`),
      },
    })
    if (result.first) io.stderr(firstRun(flags.previous!, lang))
    io.stdout(formatEvidence(result, lang, (options.changesFormat ?? 'stylish') as EvidenceFormat))
    return 0
  }
  const { botLogin, createGitHub, parseRepo } = await import('../../registry/github.ts')
  const target = options.repo === undefined ? undefined : parseRepo(options.repo)
  if (!target) throw usage(`--publish, --notify et --fetch demandent --repo PROPRIETAIRE/NOM${options.repo ? `, pas « ${options.repo} »` : ''}.`, `--publish, --notify and --fetch need --repo OWNER/NAME${options.repo ? `, not "${options.repo}"` : ''}.`)
  const token = io.env.GITHUB_TOKEN || undefined
  const github = () => createGitHub({ token, baseUrl: io.env.GITHUB_API_URL || undefined })
  if (flags.fetch !== undefined) {
    const read = await fetchEvidence(github(), { ...target, branch: flags.branch, file: flags.fetch, lang })
    io.stderr(fetched(read, lang))
    return 0
  }
  if (!token) throw usage('Publier demande un jeton dans la variable GITHUB_TOKEN.', 'Publishing needs a token in GITHUB_TOKEN.')
  if (flags.publish !== undefined) {
    io.stderr(published(await publishEvidence(github(), { ...target, branch: flags.branch, file: flags.publish, lang }), target, lang))
    return 0
  }
  const bot = io.env.REGISTRY_BOT_LOGIN ? botLogin(io.env.REGISTRY_BOT_LOGIN) : undefined
  if (io.env.REGISTRY_BOT_LOGIN && !bot) throw usage(`REGISTRY_BOT_LOGIN attend le compte d’un bot (nom[bot]), pas « ${io.env.REGISTRY_BOT_LOGIN} ».`, `REGISTRY_BOT_LOGIN needs a bot account (name[bot]), not "${io.env.REGISTRY_BOT_LOGIN}".`)
  io.stderr(tickets(await notifyEvidence(github(), { root, config, lang, ...target, file: flags.notify!, bot }), lang))
  return 0
}
