import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { feedFiles } from '../../compile/build-feed.ts'
import type { Content, LazyFiles } from '../../compile/output.ts'
import { Timings } from '../timings.ts'
import { writeOutput } from '../../compile/write-output.ts'
import { FORMATTERS } from '../../report/formatters/index.ts'
import type { Options } from '../main.ts'
import { runValidation } from '../run-validation.ts'

/** The commit of the registry, or null when it is not in a git work tree. */
async function sourceCommit(root: string): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)('git', ['-C', root, 'rev-parse', '--verify', '--quiet', 'HEAD'], { timeout: 10_000 })
    const commit = stdout.trim()
    return /^[0-9a-f]{40,64}$/.test(commit) ? commit : null
  } catch {
    return null
  }
}

/**
 * Compiling is streamed into writing: the time spent producing files and their
 * chunks counts as `compile`, the rest of writeOutput as `write`.
 */
export async function compileAndWrite(out: string, files: LazyFiles, timings: Timings): Promise<number> {
  const compiled = (function* (): Generator<[string, Content]> {
    for (const [file, content] of timings.timed('compile', files)) yield [file, typeof content === 'string' ? content : timings.timed('compile', content)]
  })()
  const before = timings.totals.compile ?? 0
  const start = performance.now()
  const count = await writeOutput(out, compiled)
  timings.add('write', performance.now() - start - ((timings.totals.compile ?? 0) - before))
  return count
}

export async function buildCommand(options: Options): Promise<number> {
  const { io, lang } = options
  const timings = io.timings ?? new Timings()
  const { records, diagnostics, summary, texts } = await runValidation(options.root, options.config, lang, undefined, timings)
  const failed = summary.errors > 0 || (options.strict && summary.warnings > 0)
  if (diagnostics.length > 0 || options.format === 'json') {
    io.stdout(FORMATTERS[options.format](diagnostics, { summary, lang, texts, color: io.isTTY && !io.env.NO_COLOR }))
  }
  if (failed) {
    io.stderr(lang === 'fr' ? 'Compilation annulée : corrigez les erreurs ci-dessus. Rien n’a été écrit.\n' : 'Build cancelled: fix the errors above. Nothing was written.\n')
    return 1
  }
  const commit = await sourceCommit(options.root)
  const count = await compileAndWrite(options.out, feedFiles(records, options.config, { commit }), timings)
  const rel = path.relative(io.cwd, options.out) || '.'
  io.stderr(lang === 'fr' ? `${count} fichiers écrits dans ${rel}/.\n` : `${count} files written to ${rel}/.\n`)
  return 0
}
