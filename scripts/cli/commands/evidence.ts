/**
 * `registry evidence`: the scheduled online checks. `--out FILE [--previous
 * FILE]` runs them and writes the accumulated evidence, printing what changed;
 * `--publish FILE --repo OWNER/NAME` keeps the file on a branch of its own
 * through GitHub's API, `--fetch FILE --repo OWNER/NAME` reads it back;
 * `--notify FILE --repo OWNER/NAME` opens, updates and closes one issue per product. The composition lives in `scripts/evidence/`
 * and `scripts/github/`; this file reads arguments and prints.
 */
import { collectEvidence } from '../../evidence/collect-evidence.ts'
import { EvidenceFileError, readPreviousEvidence, writeEvidence } from '../../evidence/evidence-files.ts'
import { formatEvidenceChanges, type EvidenceFormat } from '../../evidence/format-evidence-changes.ts'
import { EvidenceOrderError } from '../../evidence/merge-evidence.ts'
import { headDate } from '../../git/head-date.ts'
import { describeOnlineWarning } from '../../lint/online/describe-online-warning.ts'
import { onlineUserAgent } from '../../lint/online/check.ts'
import { ConfigError } from '../../load/config.ts'
import { UsageError } from '../io.ts'
import type { Options } from '../main.ts'
import { runValidation } from '../run-validation.ts'

export async function evidenceCommand(options: Options): Promise<number> {
  const { io, lang } = options
  const fr = lang === 'fr'
  const flags = options.evidence ?? {}
  const modes = [flags.out, flags.publish, flags.notify, flags.fetch].filter((f) => f !== undefined).length
  if (modes !== 1) throw new UsageError(fr ? 'evidence demande une seule de ces options : --out FICHIER (une vérification), --publish FICHIER, --notify FICHIER ou --fetch FICHIER.' : 'evidence needs exactly one of --out FILE (a check run), --publish FILE, --notify FILE or --fetch FILE.')
  if ((flags.previous !== undefined || options.changesFormat !== 'stylish') && flags.out === undefined) throw new UsageError(fr ? '--previous et --format ne vont qu’avec evidence --out.' : '--previous and --format only go with evidence --out.')
  if (flags.branch !== undefined && flags.publish === undefined && flags.fetch === undefined) throw new UsageError(fr ? '--branch ne va qu’avec evidence --publish et --fetch.' : '--branch only goes with evidence --publish and --fetch.')
  try {
    if (flags.publish !== undefined || flags.notify !== undefined || flags.fetch !== undefined) {
      const { evidenceOnGitHub, EvidenceUsageError } = await import('../../github/evidence-github.ts')
      // The issues name each product by its title and fiche.
      const fiches = flags.notify === undefined ? undefined : new Map((await runValidation(options.root, options.config, lang)).records.filter((r) => r.collection === 'startups').map((r) => [r.id, { title: typeof r.data.title === 'string' ? r.data.title.trim() : r.id, file: r.file }]))
      return await evidenceOnGitHub({ ...flags, repo: options.repo, fiches, lang, env: io.env, stderr: io.stderr }).catch((err: unknown) => {
        throw err instanceof EvidenceUsageError ? new UsageError(err.message) : err
      })
    }
    const now = new Date()
    const previous = flags.previous === undefined ? undefined : await readPreviousEvidence(flags.previous, now.getTime())
    if (flags.previous !== undefined && !previous) io.stderr(fr ? `Aucune preuve précédente dans ${flags.previous} : c’est la première vérification.\n` : `No previous evidence in ${flags.previous}: this is the first check.\n`)
    const { records } = await runValidation(options.root, options.config, lang)
    const asOf = options.asOf ?? (await headDate(options.root)) ?? undefined
    const { evidence, changes } = await collectEvidence(records, options.config, {
      previous,
      asOf,
      now: () => now,
      root: options.root,
      env: io.env,
      githubBaseUrl: io.env.GITHUB_API_URL || undefined,
      // For tests against servers on 127.0.0.1 only: never set it where fiches come from strangers.
      allowPrivateAddresses: io.env.REGISTRY_ONLINE_ALLOW_PRIVATE_ADDRESSES === '1',
      userAgent: onlineUserAgent(options.config),
      // A workflow's token has 1,000 requests an hour, shared with the repository's other workflows.
      githubReserve: 100,
      onWarning: (w) => io.stderr(`${describeOnlineWarning(w, lang)}\n`),
    })
    await writeEvidence(flags.out!, evidence)
    io.stdout(formatEvidenceChanges(changes, evidence.runs[evidence.runs.length - 1], lang, (options.changesFormat ?? 'stylish') as EvidenceFormat))
    return 0
  } catch (err) {
    if (err instanceof EvidenceFileError) throw new ConfigError(err.say(lang))
    if (err instanceof EvidenceOrderError) {
      throw new ConfigError(fr ? `Les preuves précédentes datent du ${err.previousAt}, pas d’avant cette vérification (${err.at}) : l’horloge ou le fichier --previous est faux.` : `The previous evidence is from ${err.previousAt}, not before this check (${err.at}): the clock or the --previous file is wrong.`)
    }
    throw err
  }
}
