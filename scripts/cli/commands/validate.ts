/** `registry validate`: every fiche checked (or the changed ones), printed with a formatter. */
import type { Options } from '../options.ts'
import { exitCode, tooManyWarnings } from '../io.ts'
import { validate } from '../../registry/validate.ts'
import { FORMATS_WITH_FIXES } from '../../report/formatters/names.ts'

export async function validateCommand(options: Options): Promise<number> {
  const { io, lang } = options
  // The formatters load while the registry is read and checked.
  const formatter = import('../../registry/format.ts')
  formatter.catch(() => {})
  const result = await validate({
    root: options.root,
    config: options.config,
    lang,
    asOf: options.asOf,
    changed: options.changed,
    changes: options.changes,
    annotateSince: options.base,
    timings: io.timings,
    fixes: FORMATS_WITH_FIXES.has(options.format),
  })
  const { diagnostics, summary, texts, changed } = result
  if (changed) {
    const n = changed.fiches.length
    io.stderr(
      lang === 'fr'
        ? `${n} fiche${n > 1 ? 's' : ''} modifiée${n > 1 ? 's' : ''} depuis ${changed.base}${changed.full ? ' (organisation ou incubateur touché : validation complète)' : ''}.\n`
        : `${n} fiche${n === 1 ? '' : 's'} changed since ${changed.base}${changed.full ? ' (an organisation or incubator changed: full validation)' : ''}.\n`,
    )
  }
  const { docsRepository, format } = await formatter
  const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics
  io.stdout(format(options.format, shown, { summary, lang, texts, color: options.color, changed: result.annotated, repository: docsRepository(options.config, io.env) }))
  const code = exitCode(summary, options)
  if (code === 1 && summary.errors === 0 && options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) io.stderr(tooManyWarnings(summary.warnings, options.maxWarnings, lang))
  return code
}
