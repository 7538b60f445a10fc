import { existsSync } from 'node:fs'
import path from 'node:path'
import { changedFiles } from '../../git/changed-files.ts'
import { headDate } from '../../git/head-date.ts'
import { FORMATTERS } from '../../report/formatters/index.ts'
import { changedScope } from '../../validate/changed-scope.ts'
import type { Options } from '../main.ts'
import { exitCode, tooManyWarnings } from '../io.ts'
import { runValidation } from '../run-validation.ts'

export async function validateCommand(options: Options): Promise<number> {
  const { io, lang } = options
  // git runs while the fiches are read and checked: its answer is needed by the standards rules only.
  const asOf = options.asOf !== undefined ? options.asOf : headDate(options.root).then((d) => d ?? undefined)
  let filter
  if (options.changed !== undefined) {
    const changed = await changedFiles(options.root, options.changed)
    const deleted = new Set(changed.filter((f) => !existsSync(path.join(options.root, f))))
    const scope = changedScope(changed, options.config, deleted)
    filter = scope.filter
    io.stderr(
      lang === 'fr'
        ? `${scope.fiches.length} fiche${scope.fiches.length > 1 ? 's' : ''} modifiée${scope.fiches.length > 1 ? 's' : ''} depuis ${options.changed}${filter ? '' : ' (organisation ou incubateur touché : validation complète)'}.\n`
        : `${scope.fiches.length} fiche${scope.fiches.length === 1 ? '' : 's'} changed since ${options.changed}${filter ? '' : ' (an organisation or incubator changed: full validation)'}.\n`,
    )
  }
  const { diagnostics, summary, texts } = await runValidation(options.root, options.config, lang, filter, undefined, undefined, { asOf })
  // --base without --changed: everything is checked, the changed fiches are annotated first.
  const changed = options.base === undefined ? undefined : new Set(await changedFiles(options.root, options.base))
  const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics
  io.stdout(FORMATTERS[options.format](shown, { summary, lang, texts, color: options.color, changed }))
  const code = exitCode(summary, options)
  if (code === 1 && summary.errors === 0 && options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) io.stderr(tooManyWarnings(summary.warnings, options.maxWarnings, lang))
  return code
}
