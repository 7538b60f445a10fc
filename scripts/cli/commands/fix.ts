/**
 * `registry fix [files…] [--dry-run]`: applies the certain fixes (registry/fix.ts),
 * says what changed, then prints what validate and lint still report.
 */
import path from 'node:path'
import { fix } from '../../registry/fix.ts'
import { format } from '../../registry/format.ts'
import { exitCode } from '../io.ts'
import type { Options } from '../options.ts'

export async function fixCommand(options: Options): Promise<number> {
  const { io, lang } = options
  const fr = lang === 'fr'
  // Files are named from where the command runs; the API takes them relative to the registry.
  const files = options.args.length > 0 ? options.args.map((f) => path.relative(options.root, path.resolve(io.cwd, f)).split(path.sep).join('/')) : undefined
  const result = await fix({ root: options.root, config: options.config, lang, files, asOf: options.asOf, dryRun: options.dryRun, timings: io.timings })
  for (const f of result.fixed) {
    const n = f.applied.length
    io.stderr(fr ? `${f.file} : ${n} correction${n > 1 ? 's' : ''}${options.dryRun ? ' à appliquer' : ' appliquée' + (n > 1 ? 's' : '')}.\n` : `${f.file}: ${n} fix${n === 1 ? '' : 'es'}${options.dryRun ? ' to apply' : ' applied'}.\n`)
    if (options.dryRun) io.stderr(f.applied.map(({ lines }) => [...lines.before.map((l) => `  - ${l}`), ...lines.after.map((l) => `  + ${l}`), ''].join('\n')).join(''))
  }
  const total = result.fixed.reduce((sum, f) => sum + f.applied.length, 0)
  const fiches = result.fixed.length
  if (total === 0) io.stderr(fr ? 'Aucune correction automatique à appliquer.\n' : 'No automatic fix to apply.\n')
  else if (options.dryRun) io.stderr(fr ? `${total} correction${total > 1 ? 's' : ''} à appliquer dans ${fiches} fiche${fiches > 1 ? 's' : ''} ; rien n’est écrit (--dry-run).\n` : `${total} fix${total === 1 ? '' : 'es'} to apply in ${fiches} fiche${fiches === 1 ? '' : 's'}; nothing is written (--dry-run).\n`)
  else io.stderr(fr ? `${total} correction${total > 1 ? 's' : ''} appliquée${total > 1 ? 's' : ''} dans ${fiches} fiche${fiches > 1 ? 's' : ''}.\n` : `${total} fix${total === 1 ? '' : 'es'} applied in ${fiches} fiche${fiches === 1 ? '' : 's'}.\n`)
  io.stdout(format(options.format, result.diagnostics, { summary: result.summary, lang, texts: result.texts, color: options.color }))
  return exitCode(result.summary, options)
}
