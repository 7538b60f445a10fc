import { existsSync } from 'node:fs'
import path from 'node:path'
import { changedFiles } from '../../git/changed-files.ts'
import { headDate } from '../../git/head-date.ts'
import type { ReadFilter } from '../../load/read-records.ts'
import { changedScope } from '../../validate/changed-scope.ts'
import type { Options } from '../main.ts'
import { exitCode, tooManyWarnings } from '../io.ts'

export async function validateCommand(options: Options): Promise<number> {
  const { io, lang } = options
  // git runs while the program loads, and the fiches are listed (then read and checked): HEAD's
  // date is needed by the standards rules only; the changed files, to choose which fiches to read.
  const asOf = options.asOf !== undefined ? options.asOf : headDate(options.root).then((d) => d ?? undefined)
  const scope = options.changed === undefined ? undefined : changedFilter(options, options.changed)
  scope?.catch(() => {})
  const [{ runValidation }, { FORMATTERS }] = await Promise.all([import('../run-validation.ts'), import('../../report/formatters/index.ts')])
  let result
  try {
    result = await runValidation(options.root, options.config, lang, scope, undefined, undefined, { asOf })
  } catch (err) {
    // git's refusal (no repository, unknown revision) explains more than a folder error found meanwhile.
    await scope
    throw err
  }
  const { diagnostics, summary, texts } = result
  // --base without --changed: everything is checked, the changed fiches are annotated first.
  const changed = options.base === undefined ? undefined : new Set(await changedFiles(options.root, options.base))
  const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics
  io.stdout(FORMATTERS[options.format](shown, { summary, lang, texts, color: options.color, changed }))
  const code = exitCode(summary, options)
  if (code === 1 && summary.errors === 0 && options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) io.stderr(tooManyWarnings(summary.warnings, options.maxWarnings, lang))
  return code
}

/** The fiches changed since `base` (git), said on stderr: a filter of the files to read, or undefined for a full validation. */
async function changedFilter(options: Options, base: string): Promise<ReadFilter | undefined> {
  const { io, lang } = options
  const changed = await changedFiles(options.root, base)
  const deleted = new Set(changed.filter((f) => !existsSync(path.join(options.root, f))))
  const scope = changedScope(changed, options.config, deleted)
  const filter = scope.filter
  io.stderr(
    lang === 'fr'
      ? `${scope.fiches.length} fiche${scope.fiches.length > 1 ? 's' : ''} modifiée${scope.fiches.length > 1 ? 's' : ''} depuis ${base}${filter ? '' : ' (organisation ou incubateur touché : validation complète)'}.\n`
      : `${scope.fiches.length} fiche${scope.fiches.length === 1 ? '' : 's'} changed since ${base}${filter ? '' : ' (an organisation or incubator changed: full validation)'}.\n`,
  )
  return filter
}
