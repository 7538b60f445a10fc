/**
 * `registry lint`: the programme's standards as warnings, printed with a
 * formatter and (stylish) a per-category summary. Validation errors are
 * validate's business: lint counts only its own diagnostics.
 */
import path from 'node:path'
import { docsRepository, format } from '../../registry/format.ts'
import { categorySummary, lint } from '../../registry/lint.ts'
import { exitCode, tooManyWarnings, UsageError } from '../io.ts'
import { changedNote, newWarnings, recorded, validationNote } from '../lint-notes.ts'
import type { Options } from '../options.ts'

export async function lintCommand(options: Options): Promise<number> {
  const { io, lang } = options
  const fr = lang === 'fr'
  const flags = options.lint ?? { online: false, suppressAll: false, pruneSuppressions: false, failOnNew: false }
  if (options.changed !== undefined && (flags.suppressAll || flags.pruneSuppressions)) throw new UsageError(fr ? '--changed ne va pas avec --suppress-all ni --prune-suppressions (ils portent sur tout le registre).' : '--changed does not go with --suppress-all or --prune-suppressions (they cover the whole registry).')
  if (flags.suppressAll && flags.pruneSuppressions) throw new UsageError(fr ? '--suppress-all et --prune-suppressions ne vont pas ensemble.' : '--suppress-all and --prune-suppressions do not go together.')
  const result = await lint({
    root: options.root,
    config: options.config,
    lang,
    asOf: options.asOf,
    changed: options.changed,
    newOnly: flags.newOnly,
    // GitHub Enterprise (and the tests' fake GitHub): Actions sets GITHUB_API_URL. Private addresses: for tests against
    // servers on 127.0.0.1 only, never where fiches come from strangers.
    online: flags.online ? { env: io.env, githubBaseUrl: io.env.GITHUB_API_URL || undefined, allowPrivateAddresses: io.env.REGISTRY_ONLINE_ALLOW_PRIVATE_ADDRESSES === '1', onWarning: (message) => io.stderr(`${message}\n`) } : undefined,
    suppressions: flags.suppressions,
    updateSuppressions: flags.suppressAll ? 'record' : flags.pruneSuppressions ? 'prune' : undefined,
    timings: io.timings,
  })
  const { diagnostics, summary, changed, suppressions } = result
  const rel = path.relative(io.cwd, suppressions.file) || suppressions.file
  if (flags.suppressAll) io.stderr(recorded(result.all.length, rel, lang))
  if (flags.pruneSuppressions && suppressions.suppressed === undefined) throw new UsageError(fr ? `--prune-suppressions : ${rel} n’existe pas.` : `--prune-suppressions: ${rel} does not exist.`)
  const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics
  let text = format(options.format, shown, { summary, lang, texts: result.texts, color: options.color, repository: docsRepository(options.config, io.env) })
  if (options.format === 'stylish') text += categorySummary(changed ? diagnostics : result.all, lang, suppressions.suppressed ?? 0)
  io.stdout(text)
  if (changed) io.stderr(changedNote(changed, lang))
  if (result.validationErrors > 0) io.stderr(validationNote(result.validationErrors, lang))
  let code = exitCode(summary, options)
  if (code === 1 && summary.errors === 0 && options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) io.stderr(tooManyWarnings(summary.warnings, options.maxWarnings, lang))
  if (flags.failOnNew && (changed || suppressions.suppressed !== undefined) && diagnostics.length > 0) {
    io.stderr(newWarnings(diagnostics.length, changed ? changed.revision : rel, lang))
    code = 1
  }
  return code
}
