/**
 * One measurement, in its own process so that peak memory is its own. bench.ts runs it
 * bundled by esbuild (plain JavaScript, as the `registry` command runs), so that the process
 * times it takes compare with the command's:
 *   floor <root> <config>        read + parse the front matter of every fiche with js-yaml 4's
 *                                core schema, nothing else (the floor of the issue)
 *   parse <root> <config> <order>  in one process, over the same front matters read beforehand:
 *                                js-yaml 4 (core schema) and the registry's parse stage
 *                                (parseRecord: checks, fast path or events), both cold, in the
 *                                order given: yaml4-first or parse-first
 *   build <root> <config> <out>  `registry build` as the command line runs it (the API's build, output
 *                                streamed), in process, with the time of each stage; then the write floor:
 *                                the same output files written plainly into a fresh folder, nothing else
 *   build-anyway <root> <config> <out>  the same stages, for a registry with errors (see below)
 *   build-process <root> <config> <out>  build-anyway and nothing else: its process time is the
 *                                build's, for a registry with errors
 *   site <root> <config> <out>   the site stage alone (issue 12): the fiches validated and linted first
 *                                (not timed), then the pages and assets made (stage `site`) and written
 *                                (stage `siteWrite`) into a fresh folder; with the home page's weight
 *                                (HTML + CSS + JS, raw and gzip-compressed with node:zlib)
 *   lint <root> <config>         in one process, alternately: what `registry validate` computes and
 *                                what `registry lint` computes (the API's validate and lint, no printing),
 *                                fastest of 15 each after a warm-up, and each pair's lint / validate;
 *                                prints {validateMs, lintMs, pairRatios}
 * Prints one JSON line: {stages: {name: ms}, total, maxRssBytes, files, errors}.
 *
 * A registry with errors is not compiled by `registry build`; the real corpus has 3, so its
 * build is measured by `build-anyway`: the feed's stages of the API's build, without the refusal to write.
 * REGISTRY_THREADS is passed on (to measure with or without the compile thread). `build` runs
 * without the site (REGISTRY_SITE=0 unless set): the build targets are the feed's and the APIs',
 * the site is measured apart (`site`).
 */
import { mkdirSync, promises as fsp, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { CORE_SCHEMA, load } from 'js-yaml-4'
import { build as buildRegistry, compileAndWrite, lint, parseConfig, runValidation, Timings, useThread, validate } from '../registry.ts'
import { CompileThread } from '../compile/compile-thread.ts'
import { feedFiles, feedIndex } from '../compile/build-feed.ts'
import { COLLECTIONS, DEFAULT_CONFIG, type RegistryConfig } from '../load/config.ts'
import { parseRecord, splitFrontMatter } from '../load/parse-record.ts'
import { readRecords } from '../load/read-records.ts'
import { runRules } from '../lint/run-rules.ts'
import { feedStandards } from '../compile/feed-standards.ts'
import { writeOutput } from '../compile/write-output.ts'
import { copyWriter, siteAssets } from '../site/assets.ts'
import { siteContext, sitePages } from '../site/site.ts'
import { homeWeight } from '../site/weight.ts'

const [mode, root, configFile, out] = process.argv.slice(2)
const anyway = mode === 'build-anyway' || mode === 'build-process'

async function config(): Promise<RegistryConfig> {
  return configFile && configFile !== '-' ? parseConfig(await fsp.readFile(configFile, 'utf8'), configFile) : DEFAULT_CONFIG
}

/** Every fiche's path and collection, in the collections' folders. */
function fiches(cfg: RegistryConfig) {
  return COLLECTIONS.flatMap((c) => readdirSync(path.join(root!, cfg.collections[c])).map((name) => ({ collection: c, file: path.join(root!, cfg.collections[c], name), id: name.replace(/\.md$/, '') })))
}

async function floor(cfg: RegistryConfig) {
  const start = performance.now()
  let files = 0
  // Synchronous reads, as the registry's reader does: the floor is the same I/O.
  for (const { file } of fiches(cfg)) {
    const text = readFileSync(file, 'utf8')
    const split = splitFrontMatter(text)
    if (typeof split !== 'string') load(text.slice(split.yamlStart, split.yamlEnd), { schema: CORE_SCHEMA })
    files++
  }
  return { stages: {}, total: performance.now() - start, files, errors: 0 }
}

/**
 * js-yaml 4 and the parse stage, on the same texts, in this process, both cold; in the order
 * `out` says ('yaml4-first' or 'parse-first'): the first pass pays for warming up what both
 * share, so bench.ts runs both orders.
 */
async function parse(cfg: RegistryConfig) {
  const sources = fiches(cfg).map((f) => ({ ...f, text: readFileSync(f.file, 'utf8') }))
  let errors = 0
  const passes = {
    yaml4: () => {
      for (const { text } of sources) {
        const split = splitFrontMatter(text)
        if (typeof split !== 'string') load(text.slice(split.yamlStart, split.yamlEnd), { schema: CORE_SCHEMA })
      }
    },
    parse: () => {
      for (const source of sources) errors += parseRecord(source, cfg.limits).problems.length
    },
  }
  const stages: Record<string, number> = {}
  for (const name of out === 'parse-first' ? (['parse', 'yaml4'] as const) : (['yaml4', 'parse'] as const)) {
    const start = performance.now()
    passes[name]()
    stages[name] = performance.now() - start
  }
  return { stages, total: stages.yaml4! + stages.parse!, files: sources.length, errors }
}

/** Every file under a folder, relative path → bytes. */
function readTree(dir: string, prefix = ''): [string, Buffer][] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? readTree(dir, path.join(prefix, e.name)) : [[path.join(prefix, e.name), readFileSync(path.join(dir, prefix, e.name))] as [string, Buffer]],
  )
}

async function build(cfg: RegistryConfig) {
  const timings = new Timings()
  // As the command line: REGISTRY_THREADS=0 or 1 decides the compile thread; without the site unless REGISTRY_SITE says otherwise.
  const forced = process.env.REGISTRY_THREADS === '1' ? true : process.env.REGISTRY_THREADS === '0' ? false : undefined
  const site = (process.env.REGISTRY_SITE ?? '0') !== '0'
  let errors = 0
  if (anyway) {
    // The feed's stages of the API's build, minus the refusal to write (in a fresh process, as `build`).
    const thread = (await useThread(root!, cfg, forced)) ? new CompileThread(out!, cfg) : undefined
    try {
      const { records, summary } = await runValidation(root!, cfg, 'fr', undefined, timings)
      // As build: the worker gets the records once they are all checked.
      for (const r of records) thread?.send(r)
      errors = summary.errors
      const meta = { commit: null, worker: Boolean(thread) }
      await compileAndWrite(out!, feedFiles(records, cfg, meta), timings, thread?.writer(records), feedIndex(records, cfg, meta))
    } finally {
      await thread?.stop()
    }
  } else {
    const result = await buildRegistry({ root: root!, config: cfg, lang: 'fr', out: out!, site, thread: forced, timings })
    if (result.written === undefined) throw new Error(`registry build refused (${result.summary.errors} errors): use build-anyway for a registry with errors`)
  }
  const total = Object.entries(timings.totals).reduce((sum, [k, v]) => (k === 'list' ? sum : sum + v), 0)
  if (mode === 'build-process') return { stages: timings.totals, total, files: 0, errors, maxRssBytes: 0 }
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
  const validated = () => validate({ root: root!, config: cfg, lang: 'fr', asOf })
  const linted = () => lint({ root: root!, config: cfg, lang: 'fr', asOf })
  await validated()
  await linted()
  const v: number[] = []
  const l: number[] = []
  for (let i = 0; i < 15; i++) {
    let t = performance.now()
    await validated()
    v.push(performance.now() - t)
    t = performance.now()
    await linted()
    l.push(performance.now() - t)
  }
  // The fastest of 15 alternated runs each: on a shared machine, the minimum is the least disturbed.
  // With each pair's ratio (lint / validate), for the spread.
  return { validateMs: Math.min(...v), lintMs: Math.min(...l), pairRatios: l.map((ms, i) => ms / v[i]!) }
}

/** The site stage: pages and assets made from validated, linted records, then written. */
async function site(cfg: RegistryConfig) {
  const { records, summary } = await runValidation(root!, cfg, 'fr', undefined, new Timings())
  const lint = runRules(records, { config: cfg, asOf: undefined, explain: true })
  const standards = feedStandards(lint.records, undefined, cfg)
  const dataFiles = [...feedFiles(records, cfg, { commit: null, standards })].map(([file]) => file)
  const timings = new Timings()
  const start = performance.now()
  const assets = timings.measure('site', siteAssets)
  const context = timings.measure('site', () => siteContext({ records, config: cfg, standards, problems: lint.problems, dataFiles }))
  let pages = 0
  const files = (function* () {
    yield* assets.texts
    for (const page of timings.timed('site', sitePages(context))) {
      pages++
      yield page
    }
  })()
  await writeOutput(out!, files, copyWriter(assets.copies))
  const total = performance.now() - start
  const siteMs = timings.totals.site ?? 0
  return { stages: { site: siteMs, siteWrite: total - siteMs }, total, files: pages, errors: summary.errors, home: homeWeight(out!) }
}

const cfg = await config()
const result = mode === 'floor' ? await floor(cfg) : mode === 'parse' ? await parse(cfg) : mode === 'lint' ? await lintVsValidate(cfg) : mode === 'site' ? await site(cfg) : await build(cfg)
process.stdout.write(`${JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024, ...result })}\n`)
