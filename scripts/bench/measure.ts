/**
 * One measurement, in its own process so that peak memory is its own:
 *   floor <root> <config>        read + parse the front matter of every fiche with js-yaml, nothing else
 *   build <root> <config> <out>  `registry build` as the command line runs it (output streamed), in
 *                                process, with the time of each stage; then the write floor: the same
 *                                output files written plainly into a fresh folder, nothing else
 *   build-anyway <root> <config> <out>  the same stages, for a registry with errors (see below)
 *   lint <root> <config>         in one process, alternately: what `registry validate` computes and
 *                                what `registry lint` computes (no printing), fastest of 15 each after a
 *                                warm-up; prints {validateMs, lintMs}
 * Prints one JSON line: {stages: {name: ms}, total, maxRssBytes, files, errors}.
 *
 * A registry with errors is not compiled by `registry build`; the real corpus has 3, so its
 * build is measured by `build-anyway`: the same stages as buildCommand, without the refusal to write.
 * REGISTRY_THREADS is passed on (to measure with or without the compile thread).
 */
import { mkdirSync, promises as fsp, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { load } from 'js-yaml'
import { main } from '../cli/main.ts'
import { compileAndWrite, useThread } from '../cli/commands/build.ts'
import { runValidation } from '../cli/run-validation.ts'
import { CompileThread } from '../compile/compile-thread.ts'
import { Timings } from '../cli/timings.ts'
import { feedFiles } from '../compile/build-feed.ts'
import { COLLECTIONS, DEFAULT_CONFIG, parseConfig, type RegistryConfig } from '../load/config.ts'
import { splitFrontMatter } from '../load/parse-record.ts'
import { readRecords } from '../load/read-records.ts'
import { lintRecords } from '../lint/lint-registry.ts'

const [mode, root, configFile, out] = process.argv.slice(2)
const anyway = mode === 'build-anyway'

async function config(): Promise<RegistryConfig> {
  return configFile && configFile !== '-' ? parseConfig(await fsp.readFile(configFile, 'utf8'), configFile) : DEFAULT_CONFIG
}

async function floor(cfg: RegistryConfig) {
  const start = performance.now()
  let files = 0
  for (const c of COLLECTIONS) {
    const dir = path.join(root!, cfg.collections[c])
    // Synchronous reads, as the registry's reader does: the floor is the same I/O.
    for (const name of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, name), 'utf8')
      const split = splitFrontMatter(text)
      if (typeof split !== 'string') load(text.slice(split.yamlStart, split.yamlEnd))
      files++
    }
  }
  return { stages: {}, total: performance.now() - start, files, errors: 0 }
}

/** Every file under a folder, relative path → bytes. */
function readTree(dir: string, prefix = ''): [string, Buffer][] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? readTree(dir, path.join(prefix, e.name)) : [[path.join(prefix, e.name), readFileSync(path.join(dir, prefix, e.name))] as [string, Buffer]],
  )
}

async function build(cfg: RegistryConfig) {
  const timings = new Timings()
  const args = ['build', '--root', root!, '--out', out!, '--format', 'json']
  if (configFile && configFile !== '-') args.push('--config', configFile)
  const env = { REGISTRY_THREADS: process.env.REGISTRY_THREADS }
  let errors = 0
  if (anyway) {
    // The same stages as buildCommand, minus the refusal to write (in a fresh process, as `build`).
    const thread = (await useThread(root!, cfg, env)) ? new CompileThread(out!, cfg) : undefined
    try {
      const { records, summary } = await runValidation(root!, cfg, 'fr', undefined, timings, thread && ((r) => thread.send(r)))
      errors = summary.errors
      await compileAndWrite(out!, feedFiles(records, cfg, { commit: null, worker: Boolean(thread) }), timings, thread?.writer(records))
    } finally {
      await thread?.stop()
    }
  } else {
    const code = await main(args, { stdout: () => {}, stderr: () => {}, env, cwd: process.cwd(), isTTY: false, timings })
    if (code !== 0) throw new Error(`registry build exited with ${code}: use build-anyway for a registry with errors`)
  }
  const total = Object.entries(timings.totals).reduce((sum, [k, v]) => (k === 'list' ? sum : sum + v), 0)
  const stages = { ...timings.totals, read: (timings.totals.read ?? 0) - (timings.totals.list ?? 0) }
  const maxRssBytes = process.resourceUsage().maxRSS * 1024
  // The write floor: the same bytes, written plainly into a fresh folder.
  const files = readTree(out!)
  const plain = `${out}.plain`
  await fsp.rm(plain, { recursive: true, force: true })
  const t = performance.now()
  for (const [rel, bytes] of files) {
    mkdirSync(path.dirname(path.join(plain, rel)), { recursive: true })
    writeFileSync(path.join(plain, rel), bytes)
  }
  const writeFloor = performance.now() - t
  const count = (await readRecords(root!, cfg, () => false)).entries.length
  return { stages: { ...stages, writeFloor }, total, files: count, errors, maxRssBytes }
}

/** validate against lint in the same process: the cost of the standards rules over validation. */
async function lintVsValidate(cfg: RegistryConfig) {
  const asOf = '2026-08-20'
  const validate = () => runValidation(root!, cfg, 'fr', undefined, new Timings(), undefined, { asOf })
  const lint = async () => {
    const { records } = await runValidation(root!, cfg, 'fr', undefined, new Timings())
    return lintRecords(records, cfg, 'fr', asOf)
  }
  await validate()
  await lint()
  const v: number[] = []
  const l: number[] = []
  for (let i = 0; i < 15; i++) {
    let t = performance.now()
    await validate()
    v.push(performance.now() - t)
    t = performance.now()
    await lint()
    l.push(performance.now() - t)
  }
  // The fastest of 15 alternated runs each: on a shared machine, the minimum is the least disturbed.
  return { validateMs: Math.min(...v), lintMs: Math.min(...l) }
}

const cfg = await config()
const result = mode === 'floor' ? await floor(cfg) : mode === 'lint' ? await lintVsValidate(cfg) : await build(cfg)
process.stdout.write(`${JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024, ...result })}\n`)
