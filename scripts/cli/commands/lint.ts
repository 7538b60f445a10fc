/**
 * `registry lint`: the programme's standards as warnings. Reads and parses
 * like validate, then runs the standards rules (phase-aware, as of HEAD's
 * commit date or --as-of), applies the ratchet, prints with a formatter and
 * a per-category summary. Validation errors are validate's business: lint
 * counts only its own diagnostics, so it blocks only where configured.
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { headDate } from '../../git/head-date.ts'
import { BASELINE_FILE, BaselineError, baselineOf, newDiagnostics, parseBaseline, pruneBaseline, serializeBaseline, type Baseline } from '../../lint/baseline.ts'
import { lintRecords } from '../../lint/lint-registry.ts'
import { lintChanged, type ChangedLint } from '../../lint/changed-lint.ts'
import { changedFiles } from '../../git/changed-files.ts'
import { comparisonCommit } from '../../git/show-files.ts'
import type { Lang } from '../../report/diagnostic.ts'
import { categorySummary } from '../../lint/category-summary.ts'
import type { OnlineResults } from '../../lint/online/types.ts'
import { summarize } from '../../report/diagnostic.ts'
import { FORMATTERS } from '../../report/formatters/index.ts'
import { exitCode, tooManyWarnings, UsageError } from '../io.ts'
import type { Options } from '../main.ts'
import { runValidation } from '../run-validation.ts'
import { Timings } from '../timings.ts'
import { ConfigError } from '../../load/config.ts'

export async function lintCommand(options: Options): Promise<number> {
  const { io, lang } = options
  const flags = options.lint ?? { online: false, suppressAll: false, pruneSuppressions: false, failOnNew: false }
  if (options.changed !== undefined && (flags.suppressAll || flags.pruneSuppressions)) throw new UsageError(lang === 'fr' ? '--changed ne va pas avec --suppress-all ni --prune-suppressions (ils portent sur tout le registre).' : '--changed does not go with --suppress-all or --prune-suppressions (they cover the whole registry).')
  if (flags.suppressAll && flags.pruneSuppressions) throw new UsageError(lang === 'fr' ? '--suppress-all et --prune-suppressions ne vont pas ensemble.' : '--suppress-all and --prune-suppressions do not go together.')
  const timings = io.timings ?? new Timings()
  const { records, summary: validation, texts } = await runValidation(options.root, options.config, lang, undefined, timings)
  const asOf = options.asOf ?? (await headDate(options.root)) ?? undefined
  let online: OnlineResults | undefined
  if (flags.online) {
    // Loaded only with --online: the default run never touches the network.
    const [{ checkOnline, onlineUserAgent }, { describeOnlineWarning }, { onlineTargets }, { LINT_RULES }] = await Promise.all([
      import('../../lint/online/check.ts'),
      import('../../lint/online/describe-online-warning.ts'),
      import('../../lint/online-targets.ts'),
      import('../../lint/rules/index.ts'),
    ])
    const targets = onlineTargets(records, LINT_RULES.filter((r) => r.evidence === 'online' && options.config.rules[r.id] !== 'off'))
    online = await checkOnline(targets, {
      root: options.root,
      env: io.env,
      // GitHub Enterprise (and the tests' fake GitHub): Actions sets GITHUB_API_URL.
      githubBaseUrl: io.env.GITHUB_API_URL || undefined,
      // For tests against servers on 127.0.0.1 only: never set it where fiches come from strangers.
      allowPrivateAddresses: io.env.REGISTRY_ONLINE_ALLOW_PRIVATE_ADDRESSES === '1',
      userAgent: onlineUserAgent(options.config),
      onWarning: (w) => io.stderr(`${describeOnlineWarning(w, lang)}\n`),
    })
  }
  let changed: ChangedLint | undefined
  let only: Set<string> | undefined
  if (options.changed !== undefined) {
    const files = await changedFiles(options.root, options.changed)
    if (flags.newOnly) changed = await timings.measureAsync('lint', async () => lintChanged(options.root, options.config, lang, asOf, records, files, await comparisonCommit(options.root, options.changed!), online))
    else only = new Set(files)
  }
  const { diagnostics } = changed?.head ?? timings.measure('lint', () => lintRecords(records, options.config, lang, asOf, online, only))

  const baselineFile = flags.suppressions ?? path.join(options.root, BASELINE_FILE)
  const rel = path.relative(io.cwd, baselineFile) || baselineFile
  if (flags.suppressAll) {
    await fsp.writeFile(baselineFile, serializeBaseline(baselineOf(diagnostics.filter((d) => d.severity === 'warning'))))
    io.stderr(lang === 'fr' ? `${diagnostics.length} avertissements enregistrés dans ${rel}.\n` : `${diagnostics.length} warnings recorded in ${rel}.\n`)
  }
  // --new-only compares with the base, not with the suppressions file.
  const baseline = changed ? undefined : await readBaseline(baselineFile)
  if (flags.pruneSuppressions) {
    if (!baseline) throw new UsageError(lang === 'fr' ? `--prune-suppressions : ${rel} n'existe pas.` : `--prune-suppressions: ${rel} does not exist.`)
    await fsp.writeFile(baselineFile, serializeBaseline(pruneBaseline(baseline, diagnostics)))
  }
  // With a baseline, only what exceeds it is reported (errors are never suppressed).
  const reported = changed ? changed.introduced : baseline ? newDiagnostics(diagnostics, flags.pruneSuppressions ? pruneBaseline(baseline, diagnostics) : baseline) : diagnostics
  const shown = options.quiet ? reported.filter((d) => d.severity === 'error') : reported
  const files = changed ? changed.fiches.length : only ? records.filter((r) => only.has(r.file)).length : new Set(records.map((r) => r.file)).size
  const summary = summarize(reported, files)
  let text = FORMATTERS[options.format](shown, { summary, lang, texts, color: options.color })
  if (options.format === 'stylish') text += categorySummary(changed ? reported : diagnostics, lang, baseline ? diagnostics.length - reported.length : 0)
  io.stdout(text)
  if (changed) io.stderr(changedNote(changed, options.changed!, lang))
  if (validation.errors > 0) io.stderr(lang === 'fr' ? `Note : ${validation.errors} erreur(s) de validation ; lancez registry validate.\n` : `Note: ${validation.errors} validation error(s); run registry validate.\n`)
  let code = exitCode(summary, options)
  if (code === 1 && summary.errors === 0 && options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) io.stderr(tooManyWarnings(summary.warnings, options.maxWarnings, lang))
  if (flags.failOnNew && changed && reported.length > 0) {
    io.stderr(lang === 'fr' ? `${reported.length} avertissement(s) nouveau(x) par rapport à ${options.changed}.\n` : `${reported.length} new warning(s) compared with ${options.changed}.\n`)
    code = 1
  }
  if (flags.failOnNew && baseline && reported.length > 0) {
    io.stderr(lang === 'fr' ? `${reported.length} avertissement(s) nouveau(x) par rapport à ${rel}.\n` : `${reported.length} new warning(s) compared with ${rel}.\n`)
    code = 1
  }
  return code
}

function changedNote(c: ChangedLint, base: string, lang: Lang): string {
  const n = c.fiches.length
  const added = c.added.length
  const fresh = c.introduced.length
  const fixed = c.fixed.length
  return lang === 'fr'
    ? `${n} fiche${n > 1 ? 's' : ''} modifiée${n > 1 ? 's' : ''} depuis ${base}${added ? ` (dont ${added} ajoutée${added > 1 ? 's' : ''})` : ''} : ${fresh} avertissement${fresh > 1 ? 's' : ''} nouveau${fresh > 1 ? 'x' : ''}, ${fixed} corrigé${fixed > 1 ? 's' : ''}.\n`
    : `${n} fiche${n === 1 ? '' : 's'} changed since ${base}${added ? ` (${added} added)` : ''}: ${fresh} new warning${fresh === 1 ? '' : 's'}, ${fixed} fixed.\n`
}

async function readBaseline(file: string): Promise<Baseline | undefined> {
  let text: string
  try {
    text = await fsp.readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new ConfigError(`${file} ne peut pas être lu (${(err as NodeJS.ErrnoException).code}).`)
  }
  try {
    return parseBaseline(text, file)
  } catch (err) {
    if (err instanceof BaselineError) throw new ConfigError(err.message)
    throw err
  }
}
