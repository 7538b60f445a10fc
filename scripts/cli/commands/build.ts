/** `registry build`: checks, then compiles the feed, the APIs and the site into --out (nothing is written on error). */
import path from 'node:path'
import { build } from '../../registry/build.ts'
import { withRepositoryFromEnvironment } from '../../registry/config.ts'
import { docsRepository, format } from '../../registry/format.ts'
import { printNotices } from '../notices.ts'
import { FORMATS_WITH_FIXES } from '../../report/formatters/names.ts'
import type { Options } from '../options.ts'

/** REGISTRY_THREADS=0 or 1 decides whether the compile thread runs; anything else leaves it to the build. */
const forced = (value: string | undefined) => (value === '1' ? true : value === '0' ? false : undefined)

export async function buildCommand(options: Options): Promise<number> {
  const { io, lang } = options
  const result = await build({
    root: options.root,
    // The repository of the site's GitHub links: the configuration's, or the one the Pages workflow passes (docs/site.md).
    config: withRepositoryFromEnvironment(options.config, io.env),
    lang,
    out: options.out,
    asOf: options.asOf,
    strict: options.strict,
    // REGISTRY_SITE=0: the feed and the APIs only; REGISTRY_HISTORY=0: no git history (no dates, no notice).
    site: io.env.REGISTRY_SITE !== '0',
    history: io.env.REGISTRY_HISTORY !== '0',
    thread: forced(io.env.REGISTRY_THREADS),
    // --evidence FILE: the online evidence of the scheduled run (api/v1/evidence.json, the standards' online rules, the site).
    evidence: options.evidenceFile,
    timings: io.timings,
    fixes: FORMATS_WITH_FIXES.has(options.format),
  })
  const { diagnostics, summary, texts } = result
  if (diagnostics.length > 0 || options.format === 'json') io.stdout(format(options.format, diagnostics, { summary, lang, texts, color: options.color, repository: docsRepository(options.config, io.env) }))
  if (result.written === undefined) {
    io.stderr(lang === 'fr' ? 'Compilation annulée : corrigez les erreurs ci-dessus. Rien n’a été écrit.\n' : 'Build cancelled: fix the errors above. Nothing was written.\n')
    return 1
  }
  // Notices (no history, say) never change the exit code.
  printNotices(result.notices, io)
  const rel = path.relative(io.cwd, options.out) || '.'
  io.stderr(lang === 'fr' ? `${result.written} fichiers écrits dans ${rel}/.\n` : `${result.written} files written to ${rel}/.\n`)
  return 0
}
