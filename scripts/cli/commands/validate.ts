import { existsSync } from 'node:fs'
import path from 'node:path'
import { changedFiles, changes } from '../../git/changed-files.ts'
import { headDate } from '../../git/head-date.ts'
import { listCollections } from '../../load/read-records.ts'
import { changedScope, listedOf, type ChangedScope } from '../../validate/changed-scope.ts'
import type { Options } from '../main.ts'
import { exitCode, tooManyWarnings } from '../io.ts'

export async function validateCommand(options: Options): Promise<number> {
  const { io, lang } = options
  // git runs while the program loads, and the fiches are listed (then read and checked): HEAD's
  // date is needed by the standards rules only; the changed files, to choose which fiches to read.
  const asOf = options.asOf !== undefined ? options.asOf : headDate(options.root).then((d) => d ?? undefined)
  const changed = options.changed === undefined ? undefined : changedScopeOf(options, options.changed)
  const scope = changed?.then((s) => s.filter)
  scope?.catch(() => {})
  // The folders are listed (libuv's threads) while the checks' modules compile; an error waits for runValidation.
  // With --changed, once git has answered: a change that only modifies startups lists only them (changed-scope.ts).
  const listing = listCollections(options.root, options.config, undefined, changed && listedOf(changed))
  listing.catch(() => {})
  const [{ runValidation }, { FORMATTERS }] = await Promise.all([import('../run-validation.ts'), import('../../report/formatters/index.ts')])
  let result
  try {
    result = await runValidation(options.root, options.config, lang, scope, undefined, { asOf }, listing)
  } catch (err) {
    // git's refusal (no repository, unknown revision) explains more than a folder error found meanwhile.
    await scope
    throw err
  }
  const { diagnostics, summary, texts } = result
  // --base without --changed: everything is checked, the changed fiches are annotated first.
  const annotated = options.base === undefined ? undefined : new Set(await changedFiles(options.root, options.base))
  const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics
  io.stdout(FORMATTERS[options.format](shown, { summary, lang, texts, color: options.color, changed: annotated }))
  const code = exitCode(summary, options)
  if (code === 1 && summary.errors === 0 && options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) io.stderr(tooManyWarnings(summary.warnings, options.maxWarnings, lang))
  return code
}

/** The fiches changed since `base` (git), said on stderr: what to read (no filter: a full validation) and what to list. */
async function changedScopeOf(options: Options, base: string): Promise<ChangedScope> {
  const { io, lang } = options
  const changed = await (options.changes ?? changes(options.root, base))
  const files = changed.map((c) => c.file)
  const deleted = new Set(files.filter((f) => !existsSync(path.join(options.root, f))))
  const scope = changedScope(files, options.config, deleted, new Set(changed.filter((c) => c.modified).map((c) => c.file)))
  const filter = scope.filter
  io.stderr(
    lang === 'fr'
      ? `${scope.fiches.length} fiche${scope.fiches.length > 1 ? 's' : ''} modifiée${scope.fiches.length > 1 ? 's' : ''} depuis ${base}${filter ? '' : ' (organisation ou incubateur touché : validation complète)'}.\n`
      : `${scope.fiches.length} fiche${scope.fiches.length === 1 ? '' : 's'} changed since ${base}${filter ? '' : ' (an organisation or incubator changed: full validation)'}.\n`,
  )
  return scope
}
