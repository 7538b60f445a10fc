import { existsSync } from 'node:fs'
import path from 'node:path'
import { changedFiles } from '../../git/changed-files.ts'
import { FORMATTERS } from '../../report/formatters/index.ts'
import { changedScope } from '../../validate/changed-scope.ts'
import type { Options } from '../main.ts'
import { runValidation } from '../run-validation.ts'

export async function validateCommand(options: Options): Promise<number> {
  const { io, lang } = options
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
  const { diagnostics, summary, texts } = await runValidation(options.root, options.config, lang, filter)
  // --base without --changed: everything is checked, the changed fiches are annotated first.
  const changed = options.base === undefined ? undefined : new Set(await changedFiles(options.root, options.base))
  io.stdout(FORMATTERS[options.format](diagnostics, { summary, lang, texts, color: options.color, changed }))
  return summary.errors > 0 || (options.strict && summary.warnings > 0) ? 1 : 0
}
