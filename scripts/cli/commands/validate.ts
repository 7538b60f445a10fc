import { FORMATTERS } from '../../report/formatters/index.ts'
import type { Options } from '../main.ts'
import { runValidation } from '../run-validation.ts'

export async function validateCommand(options: Options): Promise<number> {
  const { diagnostics, summary, texts } = await runValidation(options.root, options.config, options.lang)
  options.io.stdout(FORMATTERS[options.format](diagnostics, { summary, lang: options.lang, texts, color: options.io.isTTY && !options.io.env.NO_COLOR }))
  return summary.errors > 0 || (options.strict && summary.warnings > 0) ? 1 : 0
}
