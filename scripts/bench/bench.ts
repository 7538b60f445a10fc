/**
 * `npm run bench`: generates synthetic registries (seeded) of 1k, 5k, 10k and
 * 50k startups, and the real corpus when ../shared is there; measures each
 * stage of a build, lint against validate in one process, the floor (read + YAML parse of the same files with js-yaml
 * 4's core schema, nothing else) and a plain `git log --name-only` in the same
 * run; times whole processes as people run them (`registry validate` as typed,
 * `registry build` of the real corpus with and without the site, `--help`)
 * against ../shared/bench/floor.cjs (when present) and `node -e 0`, in
 * BENCH_PAIRS alternating pairs (11 by default), medians with their spread,
 * wall and processor time; runs the pull request check job of ci.yml from a fresh clone to
 * its report file (pr-check.ts, BENCH_PR_RUNS times, 3 by default); prints a
 * table of times, then every target with its limit and whether it is met, and
 * writes bench-results/latest.json. Ratios are what count: absolute times
 * depend on the machine and its load (os.loadavg() is recorded).
 *
 * The measurements run as plain JavaScript: measure.ts is bundled by esbuild
 * first, as the command is (scripts/bundle/bundle.mjs), and the command runs
 * from its bundle (npm run bundle first if the sources changed).
 *
 * The standards warnings' precision on the labelled evaluation set of real warnings (issue 26) is a
 * row of its own (standards-evaluation-main.ts), with its floors among the targets.
 *
 * A stage to add (lint, history, site): time it in `run()` or `corpusProcesses()`,
 * and add its line to `targets` (a limit, a value or null while not measured).
 *
 * The site (issue 12) is measured apart in process: builds in `run()` run with REGISTRY_SITE=0 (the
 * feed's and the APIs'); the `site` measurement times making the pages and writing them (its own
 * target, ms per page: SITE_MS_PER_PAGE), and weighs the home page (HTML + CSS + JS, gzip), for
 * the real corpus and the synthetic registries up to BENCH_SITE_MAX startups (10,000 by default).
 * As a whole process, `registry build` with the site has its own target (4x the floor).
 *
 * The online evidence (issue 24) is measured apart too (evidence-bench.ts): `registry evidence` against
 * servers on 127.0.0.1 with 200 ms of latency, twice (about 3 minutes; BENCH_EVIDENCE=0 to skip it).
 *
 * Environment: BENCH_SIZES=1000,5000 to choose sizes, BENCH_RUNS runs per
 * measurement (3 by default, the median is kept; about 6 minutes in all on the
 * development machine), BENCH_KEEP=1 to keep the generated registries,
 * BENCH_DIR to work elsewhere than .bench/, REGISTRY_THREADS=0 or 1 to measure
 * builds without or with the compile thread.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleState } from '../bundle/freshness.mjs'
import { cloneHistoryBundle, historyStage, historyTable, type HistoryRow } from './history-bench.ts'
import { evidenceStage, evidenceTable, type EvidenceRow } from './evidence-bench.ts'
import { prCheck, type PrCheckRow } from './pr-check.ts'
import { testSuite, type TestSuiteRow } from './test-suite.ts'
import { buildableCorpus, editorBench, editorBenchAvailable, largestStartup, percentile, type EditorRow } from './editor-bench.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../..')
const sizes = (process.env.BENCH_SIZES ?? '1000,5000,10000,50000').split(',').map(Number)
const defaultRuns = Number(process.env.BENCH_RUNS ?? 3)
const runs = defaultRuns
const corpus = path.resolve(repo, '../shared/corpus/beta.gouv.fr')
const siteMax = Number(process.env.BENCH_SITE_MAX ?? 10000)
/** Pairs of whole processes per comparison (floor or node -e 0, then the command): 11 by default, as the issue measured. */
const pairRuns = Number(process.env.BENCH_PAIRS ?? 11)
/** The floor of issue 14 and 25, as a script of its own (read + js-yaml 4 core parse): the same for every tool measured. */
const sharedFloor = path.resolve(repo, '../shared/bench/floor.cjs')

interface Measure {
  stages: Record<string, number>
  /** `site` only: the home page's weight (scripts/site/weight.ts). */
  home?: { bytes: number; gzip: number; files: { file: string; bytes: number; gzip: number }[] }
  total: number
  maxRssBytes: number
  files: number
  errors: number
}

type Mode = 'floor' | 'parse' | 'build' | 'build-anyway' | 'build-process' | 'lint' | 'site'

/** measure.ts and the compile worker it may start, bundled as the command is, in the run's folder. */
async function bundleMeasure(work: string): Promise<string> {
  const [{ build }, { bundleOptions }] = await Promise.all([import('esbuild'), import('../bundle/bundle.mjs')])
  const outdir = path.join(work, 'measure-bin')
  await build(bundleOptions({ measure: 'scripts/bench/measure.ts', 'compile-worker': 'scripts/compile/compile-worker.ts', 'site-worker': 'scripts/site/site-worker.ts' }, outdir))
  return path.join(outdir, 'measure.mjs')
}

function measureArgs(mode: Mode, root: string, config: string, out: string): string[] {
  return [measureScript, mode, root, config, out]
}

function measure(mode: Mode, root: string, config: string, out: string): Measure {
  // Every measurement starts with no dirty pages to write back: the previous outputs (hundreds of
  // MB) are flushed before, not in the middle of the next build's writes.
  execFileSync('sync')
  const r = spawnSync(process.execPath, measureArgs(mode, root, config, out), { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 })
  if (r.status !== 0) throw new Error(`measure ${mode} failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Measure
}

/** One whole process timed: its wall time and its processor time (user + system; null where it cannot be read). */
interface Timed {
  ms: number
  cpuMs: number | null
}

/**
 * Wall and processor time of one whole process, start-up included, as a shell starts it:
 * time-process.mjs spawns and times it (from a process of its own, small: see there), with `env`
 * added to the bench's environment. Throws unless its exit code is in `okCodes`.
 */
function timedProcess(args: string[], okCodes = [0], env: Record<string, string> = {}): Timed {
  execFileSync('sync')
  const out = execFileSync(process.execPath, [path.join(here, 'time-process.mjs'), ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 20, env: { ...process.env, ...env } })
  const r = JSON.parse(out) as { ms: number; cpuMs: number | null; status: number | null; stderr: string }
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr}`)
  return { ms: r.ms, cpuMs: r.cpuMs }
}

/** A median with its spread: the fastest and slowest runs. */
interface Spread {
  median: number
  min: number
  max: number
}

const spread = (xs: number[]): Spread => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) })

/**
 * Two whole processes compared: each one's median and spread, and the ratio of the medians (b / a);
 * the same for their processor time (user + system), less disturbed by other work than the wall
 * time (null where it cannot be read).
 */
interface Paired {
  a: Spread
  b: Spread
  ratio: number
  cpu: { a: Spread; b: Spread; ratio: number } | null
}

/**
 * The one method for whole processes: `pairRuns` alternating pairs (a, then b, then a…), each
 * started from a small process as a shell starts it (timedProcess), so that both see the same load.
 * `b(i)` gives the i-th run's arguments (a fresh output folder for each build), `envB` is added to
 * b's environment.
 */
function paired(a: string[], b: string[] | ((i: number) => string[]), okCodes = [0], envB: Record<string, string> = {}): Paired {
  const as: Timed[] = []
  const bs: Timed[] = []
  for (let i = 0; i < pairRuns; i++) {
    as.push(timedProcess(a))
    bs.push(timedProcess(typeof b === 'function' ? b(i) : b, okCodes, envB))
  }
  const ms = (xs: Timed[]) => xs.map((x) => x.ms)
  const cpu = (xs: Timed[]) => xs.map((x) => x.cpuMs).filter((x): x is number => x !== null)
  const cpuA = cpu(as)
  const cpuB = cpu(bs)
  return {
    a: spread(ms(as)),
    b: spread(ms(bs)),
    ratio: median(ms(bs)) / median(ms(as)),
    cpu: cpuA.length === pairRuns && cpuB.length === pairRuns ? { a: spread(cpuA), b: spread(cpuB), ratio: median(cpuB) / median(cpuA) } : null,
  }
}

/**
 * The floor process for a registry: ../shared/bench/floor.cjs over its collection folders when it
 * is there (what the issue compares with), else the bench's own (measure.ts bundled, slower to
 * start: it loads the whole API before reading).
 */
function floorArgs(root: string, config: string): string[] {
  if (!existsSync(sharedFloor)) return measureArgs('floor', root, config, '-')
  const collections = { startups: 'startups', organisations: 'organisations', incubators: 'incubators', ...(config === '-' ? {} : (JSON.parse(readFileSync(config, 'utf8')) as { collections?: Record<string, string> }).collections) }
  return [sharedFloor, root, collections.startups, collections.organisations, collections.incubators]
}

/**
 * The site stage's own limit, files made and written by the site stage, ms per page (issue 25): the
 * build with the site may take 4x the floor, about 1 s for the real corpus on the development
 * machine (floor 230 to 275 ms); start-up and validation at their own target (1.5x) take about
 * 0.4 s, the standards lint, the feed and the APIs (their own target: 3x for the build without the
 * site) about 0.35 s more, which leaves about 0.4 s for the site's 1,516 pages (839 HTML pages, the
 * 660 fiche texts the editor opens, the search index…): 0.3 ms a page, on any machine as fast as
 * the development one.
 */
const SITE_MS_PER_PAGE = 0.3

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

function gitLog(root: string): number | null {
  if (!existsSync(path.join(root, '.git'))) return null
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    execFileSync('git', ['-C', root, 'log', '--name-only', '--format=%H %ct', '--', '.'], { maxBuffer: 1 << 30 })
    times.push(performance.now() - t)
  }
  return median(times)
}

/** Wall time of a CLI run, process start included (as a contributor or CI sees it); exit code 0 or 1. */
function cli(args: string[]): number {
  return timedProcess([path.join(repo, 'bin/registry.mjs'), ...args, '--format', 'json'], [0, 1]).ms
}

/** Full validation against `validate --changed` after touching one fiche (medians of `runs`, with their spread). */
function changed(root: string): { full: Spread; changed: Spread } {
  const fiche = path.join(root, 'startups/startup-000001.md')
  appendFileSync(fiche, '\nUne ligne de plus.\n')
  const full = spread(Array.from({ length: runs }, () => cli(['validate', '--root', root])))
  const changedRuns = spread(Array.from({ length: runs }, () => cli(['validate', '--root', root, '--changed'])))
  execFileSync('git', ['-C', root, 'checkout', '-q', '--', 'startups/startup-000001.md'])
  return { full, changed: changedRuns }
}

interface Row {
  name: string
  startups: number
  files: number
  floorMs: number
  /** `registry build` in process (streamed output), stages summed. */
  buildMs: number
  ratio: number
  perFicheMs: number
  stages: Record<string, number>
  peakMiB: number
  gitLogMs: number | null
  errors: number
  /** Every run's build total and the floor's, for the spread of the targets. */
  buildRuns: Spread
  floorRuns: Spread
  /** Every run's build / (floor + plain write), and every run's peak memory (MiB). */
  writeRatioRuns: Spread
  peakRuns: Spread
  validateMs?: number
  changedMs?: number
  validateRuns?: Spread
  changedRuns?: Spread
  /** In one process: `registry lint`'s work against `registry validate`'s (fastest of 15 alternated runs). */
  lint?: { validateMs: number; lintMs: number; pairRatios: number[] }
  /** The site stage (median of `runs`): pages made, pages written, their count, the home page's weight. */
  site?: SiteRow
}

interface SiteRow {
  pagesMs: number
  writeMs: number
  pages: number
  /** Pages made and written, ms per page: every run's (median and spread). */
  perPage: Spread
  homeBytes: number
  homeGzip: number
}

/** The site stage, apart from the build: median total of `runs`, each into a fresh folder. */
function siteStage(name: string, root: string, config: string, work: string): SiteRow {
  const measures = Array.from({ length: runs }, (_, i) => measure('site', root, config, path.join(work, `${name.replace(/\W+/g, '-')}-site-${i}`)))
  const m = [...measures].sort((a, b) => a.total - b.total)[Math.floor(runs / 2)]!
  const perPage = spread(measures.map((r) => (r.stages.site! + r.stages.siteWrite!) / r.files))
  return { pagesMs: m.stages.site!, writeMs: m.stages.siteWrite!, pages: m.files, perPage, homeBytes: m.home!.bytes, homeGzip: m.home!.gzip }
}

/** `withErrors`: the registry has errors (the real corpus has 3), so it is built by `build-anyway`. */
function run(name: string, startups: number, root: string, config: string, work: string, withErrors = false): Row {
  const floors: Measure[] = []
  const builds: Measure[] = []
  for (let i = 0; i < runs; i++) {
    floors.push(measure('floor', root, config, '-'))
    // A fresh output folder each time, as in CI: no previous output to replace.
    builds.push(measure(withErrors ? 'build-anyway' : 'build', root, config, path.join(work, `${name.replace(/\W+/g, '-')}-dist-${i}`)))
  }
  const build = [...builds].sort((a, b) => a.total - b.total)[Math.floor(runs / 2)]!
  const floorMs = median(floors.map((f) => f.total))
  return {
    buildRuns: spread(builds.map((b) => b.total)),
    floorRuns: spread(floors.map((f) => f.total)),
    // Each build against the floor of its pair and its own plain write of the same bytes.
    writeRatioRuns: spread(builds.map((b, i) => b.total / (floors[i]!.total + (b.stages.writeFloor ?? 0)))),
    peakRuns: spread(builds.map((b) => b.maxRssBytes / 1024 / 1024)),
    name,
    startups,
    files: build.files,
    floorMs,
    buildMs: build.total,
    ratio: build.total / floorMs,
    perFicheMs: build.total / build.files,
    stages: build.stages,
    peakMiB: Math.max(...builds.map((b) => b.maxRssBytes)) / 1024 / 1024,
    gitLogMs: gitLog(root),
    errors: build.errors,
    lint: measure('lint', root, config, '-') as unknown as { validateMs: number; lintMs: number; pairRatios: number[] },
  }
}

interface CorpusProcesses {
  /** `registry validate` as a person types it (stylish output, into a pipe) against the floor, in pairs. */
  validate: Paired
  /** `registry build` without the site (REGISTRY_SITE=0: the feed and the APIs) of the buildable corpus against its floor, in pairs. */
  build: Paired
  /** `registry build` as typed (with the site) of the buildable corpus against its floor, in pairs. */
  buildSite: Paired
  /** The parse stage and js-yaml 4 on the same front matters, in one process (means over both orders), and each run's ratio. */
  parseMs: number
  yaml4Ms: number
  parseRatios: Spread
}

/**
 * The real corpus as whole processes: `registry validate` against the floor; `registry build` as
 * typed, with and without the site, against the floor of the same fiches; and the parse stage
 * against js-yaml 4. `registry build` refuses the real corpus (3 errors): the builds run on
 * `buildable` (editor-bench.ts's buildableCorpus: the same folders, its three errors corrected,
 * 828 fiches), each into a fresh folder, as CI builds.
 */
function corpusProcesses(config: string, work: string, buildable: string): CorpusProcesses {
  const floor = floorArgs(corpus, config)
  const registry = path.join(repo, 'bin/registry.mjs')
  const validate = paired(floor, [registry, 'validate', '--root', corpus, '--config', config], [0, 1])
  const buildableFloor = floorArgs(buildable, config)
  const buildArgs = (name: string) => (i: number) => [registry, 'build', '--root', buildable, '--config', config, '--out', path.join(work, `corpus-${name}-${i}`)]
  const build = paired(buildableFloor, buildArgs('feed'), [0], { REGISTRY_SITE: '0' })
  const buildSite = paired(buildableFloor, buildArgs('site'), [0], { REGISTRY_SITE: '1' })
  // Both orders, as many times each: whichever runs first warms up what both share.
  const parses = Array.from({ length: 2 * runs }, (_, i) => measure('parse', corpus, config, i % 2 ? 'parse-first' : 'yaml4-first'))
  return {
    validate,
    build,
    buildSite,
    parseMs: mean(parses.map((p) => p.stages.parse!)),
    yaml4Ms: mean(parses.map((p) => p.stages.yaml4!)),
    parseRatios: spread(parses.map((p) => p.stages.parse! / p.stages.yaml4!)),
  }
}

const rows: Row[] = []
const historyRows: HistoryRow[] = []
let evidenceRow: EvidenceRow | undefined
// Nothing is deleted before the end of the run: on a file system without a journal (this
// development machine's), ext4 skips recently freed inodes (a minute or more, see the kernel's
// recently_deleted()) one by one when it creates a file, and creating files after deleting
// thousands took up to 8x longer (0.7 s against 5.2 s for the same 12,550 output files, the
// time going to recently_deleted in `perf`). Each build writes into a fresh folder instead; and
// the bench should not be started right after deleting many files (a previous run's, say).
// Inside the checkout by default, like a registry's own dist/ (on some machines /tmp is far
// slower at creating files than the disk it sits on); BENCH_DIR to choose another place.
const benchRoot = process.env.BENCH_DIR ?? path.join(repo, '.bench')
mkdirSync(benchRoot, { recursive: true })
const work = mkdtempSync(path.join(benchRoot, 'run-'))
const state = bundleState(repo)
if (state !== 'fresh') throw new Error(`Le programme compilé (.registry-bin/) est ${state === 'missing' ? 'absent' : 'périmé'} : lancez « npm run bundle » avant le banc.`)
const measureScript = await bundleMeasure(work)
let corpusRun: CorpusProcesses | undefined
const help = paired(['-e', '0'], [path.join(repo, 'bin/registry.mjs'), '--help'])
let prRows: PrCheckRow[] = []
let suiteRows: TestSuiteRow[] = []
let editorRow: EditorRow | undefined
let editorWhy = 'corpus absent (../shared)'
try {
  // The pull request check job, from a fresh checkout to the report file (pr-check.ts).
  prRows = Array.from({ length: Number(process.env.BENCH_PR_RUNS ?? 3) }, (_, i) => prCheck(repo, work, i))
  // The test suite as CI runs it, first: it takes minutes, and nothing else runs meanwhile (test-suite.ts).
  suiteRows = Array.from({ length: Number(process.env.BENCH_SUITE_RUNS ?? 1) }, (_, i) => testSuite(repo, work, i))
  if (existsSync(corpus)) {
    console.error(`corpus réel : ${corpus}`)
    const config = path.join(repo, 'config/beta.gouv.fr.config.json')
    const row = run('corpus beta.gouv.fr', 662, corpus, config, work, true)
    row.site = siteStage('corpus', corpus, config, work)
    rows.push(row)
    // The real corpus as `registry build` accepts it: for the builds as whole processes, and the editor.
    const editorRoot = buildableCorpus(corpus, work)
    if (editorRoot) corpusRun = corpusProcesses(config, work, editorRoot)
    // The editor (issue 25), in Chromium over a throttled link, on the site of the real corpus (editor-bench.ts).
    if (!editorBenchAvailable()) editorWhy = 'Chromium absent (/usr/bin/chromium)'
    else if (editorRoot) {
      const site = path.join(work, 'corpus-editeur-site')
      const built = spawnSync(process.execPath, [path.join(repo, 'bin/registry.mjs'), 'build', '--root', editorRoot, '--config', config, '--out', site, '--format', 'json'], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 })
      if (built.status !== 0) editorWhy = 'le corpus réel ne se compile pas (voir editor-bench.ts, buildableCorpus)'
      else editorRow = await editorBench(site, largestStartup(editorRoot, 'content/_startups'), Number(process.env.BENCH_EDITOR_VISITS ?? 5), Number(process.env.BENCH_EDITOR_PAUSES ?? 40))
    }
  }
  const bundle = cloneHistoryBundle(path.resolve(repo, '../shared/corpus/beta.gouv.fr-history.bundle'), work)
  if (bundle) historyRows.push(await historyStage('historique réel beta.gouv.fr', bundle, path.join(repo, 'config/beta.gouv.fr.config.json'), runs))
  for (const size of sizes) {
    const root = path.join(work, `registry-${size}`)
    const t = performance.now()
    // In a process of its own (generate-main.ts): the bench's process stays small, so that the processes
    // it times start as fast as from a shell.
    execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'generate-main.ts'), root, String(size)], { cwd: repo, stdio: 'inherit' })
    console.error(`registre synthétique de ${size} startups généré en ${((performance.now() - t) / 1000).toFixed(1)} s`)
    const row = run(`synthétique ${size}`, size, root, '-', work)
    const c = changed(root)
    row.validateMs = c.full.median
    row.changedMs = c.changed.median
    row.validateRuns = c.full
    row.changedRuns = c.changed
    if (size <= siteMax) row.site = siteStage(`synthetic-${size}`, root, '-', work)
    rows.push(row)
    historyRows.push(await historyStage(`synthétique ${size}`, root, '-', runs))
  }
  if (process.env.BENCH_EVIDENCE !== '0') evidenceRow = await evidenceStage(work)
} finally {
  if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true })
}

const stageNames = ['list', 'read', 'parse', 'validate', 'compile', 'write']
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`)
const lines = [
  `| registre | fichiers | erreurs dans les fiches | plancher | build | build/plancher | écriture seule | build/(plancher+écriture seule) | ms/fiche | ${stageNames.join(' | ')} | mémoire max | git log | validate (CLI) | validate --changed (CLI) | validate | lint | lint/validate |`,
  `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ${stageNames.map(() => '---:').join(' | ')} | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.files} | ${r.errors ? "oui" : "non"} | ${fmt(r.floorMs)} | ${fmt(r.buildMs)} | ${r.ratio.toFixed(2)}x | ${fmt(r.stages.writeFloor ?? 0)} | ${(r.buildMs / (r.floorMs + (r.stages.writeFloor ?? 0))).toFixed(2)}x | ${r.perFicheMs.toFixed(3)} | ${stageNames.map((s) => fmt(r.stages[s] ?? 0)).join(' | ')} | ${r.peakMiB.toFixed(0)} Mio | ${r.gitLogMs === null ? '–' : fmt(r.gitLogMs)} | ${r.validateMs === undefined ? '–' : fmt(r.validateMs)} | ${r.changedMs === undefined ? '–' : fmt(r.changedMs)} | ${r.lint ? fmt(r.lint.validateMs) : '–'} | ${r.lint ? fmt(r.lint.lintMs) : '–'} | ${r.lint ? `${(r.lint.lintMs / r.lint.validateMs).toFixed(2)}x` : '–'} |`,
  ),
]
console.log(lines.join('\n'))
if (historyRows.length > 0) console.log(`\n${historyTable(historyRows)}`)
const siteRows = rows.filter((r) => r.site)
if (siteRows.length > 0) {
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} Ko`
  console.log(`\n| site (hors build) | pages | pages faites | écriture | ms/page | accueil (HTML+CSS+JS) | accueil compressé (gzip) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |`)
  for (const r of siteRows) {
    const site = r.site!
    console.log(`| ${r.name} | ${site.pages} | ${fmt(site.pagesMs)} | ${fmt(site.writeMs)} | ${((site.pagesMs + site.writeMs) / site.pages).toFixed(2)} | ${kB(site.homeBytes)} | ${kB(site.homeGzip)} |`)
  }
}

if (evidenceRow) console.log(`\n${evidenceTable(evidenceRow)}`)

const range = (s: Spread) => `${fmt(s.median)} (${fmt(s.min)} à ${fmt(s.max)})`
const ratioRange = (s: Spread) => `${s.median.toFixed(2)}x (${s.min.toFixed(2)}x à ${s.max.toFixed(2)}x)`
const cpuCells = (p: Paired) => (p.cpu ? `${range(p.cpu.a)} | ${range(p.cpu.b)} | ${p.cpu.ratio.toFixed(2)}x` : '– | – | –')
console.log(`\n| processus entiers, ${pairRuns} paires alternées | référence : médiane (min à max) | commande : médiane (min à max) | rapport des médianes | temps processeur (user+sys) de la référence | de la commande | rapport |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |`)
const processLine = (name: string, p: Paired) => console.log(`| ${name} | ${range(p.a)} | ${range(p.b)} | ${p.ratio.toFixed(2)}x | ${cpuCells(p)} |`)
processLine('node -e 0 puis registry --help', help)
const floorName = existsSync(sharedFloor) ? 'plancher (../shared/bench/floor.cjs)' : 'plancher (measure.ts floor)'
if (corpusRun) {
  const c = corpusRun
  processLine(`corpus réel : ${floorName} puis registry validate`, c.validate)
  processLine(`corpus réel compilable (828 fiches) : ${floorName} puis build sans le site (REGISTRY_SITE=0 : flux et API)`, c.build)
  processLine(`corpus réel compilable (828 fiches) : ${floorName} puis build avec le site`, c.buildSite)
  console.log(`\nAnalyse YAML dans un même processus, corpus réel : ${fmt(c.parseMs)} contre ${fmt(c.yaml4Ms)} pour js-yaml 4`)
}
if (prRows.length > 0) {
  const total = spread(prRows.map((r) => r.ms))
  console.log(`\nJob de vérification d'une pull request (ci.yml, job validate), du clone au fichier de rapport, cache npm chaud : ${range(total)} sur ${prRows.length} exécutions`)
  for (const [i, step] of prRows[0]!.steps.entries()) console.log(`  ${step.name} : ${fmt(median(prRows.map((r) => r.steps[i]!.ms)))}`)
}

if (editorRow) {
  const firsts = spread(editorRow.visits.map((v) => v.firstCheckMs))
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} Ko`
  console.log(`\nL’éditeur, corpus réel, Chromium en « 4G rapide » (9 Mbit/s, 170 ms), ${editorRow.visits.length} premières visites de editer/?fiche=${editorRow.fiche} (${kB(editorRow.ficheBytes)}) :`)
  console.log(`  première vérification affichée : ${range(firsts)} ; téléchargé en tout (gzip) : ${kB(median(editorRow.visits.map((v) => v.fetchedBytes)))} ; script avant la première vérification : ${kB(editorRow.visits[0]!.scriptBytes)} ; puis l’aperçu : ${kB(editorRow.previewBytes)}`)
  const ms = (xs: number[], p: number) => (xs.length ? `${percentile(xs, p).toFixed(1)} ms` : '–')
  console.log(`  vérification et messages après une pause (${editorRow.pauses.length} pauses) : médiane ${ms(editorRow.pauses, 50)}, 95e centile ${ms(editorRow.pauses, 95)} ; puis l’aperçu (tâche suivante) : médiane ${ms(editorRow.previews, 50)}, 95e centile ${ms(editorRow.previews, 95)}`)
}

// How far the standards warnings can be trusted (issue 26): precision per rule on the labelled
// evaluation set of real warnings, recall on the known misses. Not a time: it runs once, after the
// timings (loaded only then: the bench's process stays small while it times processes).
const { evaluationRow } = await import('./standards-evaluation-main.ts')
const { evaluationTable } = await import('./standards-evaluation.ts')
const evaluation = await evaluationRow()
if (evaluation) console.log(`\nPrécision des avertissements de standards sur le corpus réel (jeu d'évaluation) :\n\n${evaluationTable(evaluation)}`)

/**
 * Every target of issues 14 and 25 (and issue 4's that still hold): its value (a median, or null
 * while not measured, with why), its limit and its spread (the runs' fastest and slowest, or why
 * there is none: a count of bytes is the same at every run). `atLeast`: a floor, not a ceiling.
 */
const targets: { name: string; value: number | null; limit: number; unit: string; why?: string; atLeast?: boolean; spread?: string }[] = []
const noCorpus = 'corpus absent (../shared)'
const big = rows.find((r) => r.startups === 50000)
const five = rows.find((r) => r.startups === 5000)
const no50k = 'pas de registre de 50k (BENCH_SIZES)'
const same = 'le même à chaque exécution (octets)'
const pairSpread = (p: Paired) => `${range(p.b)} / ${range(p.a)}${p.cpu ? ` ; processeur ${p.cpu.ratio.toFixed(2)}x : ${range(p.cpu.b)} / ${range(p.cpu.a)}` : ''}`
const c = corpusRun
targets.push({ name: 'validate / plancher, corpus réel, processus entiers (paires alternées)', value: c ? c.validate.ratio : null, limit: 1.5, unit: 'x', why: noCorpus, spread: c && pairSpread(c.validate) })
targets.push({ name: 'build sans le site (flux et API) / plancher, corpus réel compilable, processus entiers (paires alternées)', value: c ? c.build.ratio : null, limit: 3.0, unit: 'x', why: noCorpus, spread: c && pairSpread(c.build) })
targets.push({ name: 'build avec le site / plancher, corpus réel compilable, processus entiers (paires alternées)', value: c ? c.buildSite.ratio : null, limit: 4.0, unit: 'x', why: noCorpus, spread: c && pairSpread(c.buildSite) })
const realRow = rows.find((r) => r.name.startsWith('corpus'))
// The site stage per page (see docs/performance.md for the limit): its pages made and written, in one process.
targets.push({ name: 'site : pages faites et écrites, ms par page, corpus réel', value: realRow?.site ? realRow.site.perPage.median : null, limit: SITE_MS_PER_PAGE, unit: ' ms', why: noCorpus, spread: realRow?.site && `${realRow.site.perPage.min.toFixed(2)} à ${realRow.site.perPage.max.toFixed(2)} ms (${runs} exécutions, ${realRow.site.pages} pages)` })
targets.push({ name: 'job de vérification d’une pull request, du clone au rapport (s)', value: prRows.length > 0 ? median(prRows.map((r) => r.ms)) / 1000 : null, limit: 10, unit: ' s', why: 'BENCH_PR_RUNS=0', spread: prRows.length > 0 ? `${fmt(Math.min(...prRows.map((r) => r.ms)))} à ${fmt(Math.max(...prRows.map((r) => r.ms)))} (${prRows.length} exécutions)` : undefined })
targets.push({ name: 'analyse YAML / js-yaml 4 (schéma core), corpus réel, même processus', value: c ? c.parseMs / c.yaml4Ms : null, limit: 1.3, unit: 'x', why: noCorpus, spread: c && `par exécution : ${ratioRange(c.parseRatios)}` })
targets.push({ name: '--help / node -e 0 (paires alternées)', value: help.ratio, limit: 1.5, unit: 'x', spread: pairSpread(help) })
targets.push({ name: 'validate --changed / validation complète, 50k', value: big?.changedMs !== undefined && big.validateMs ? big.changedMs / big.validateMs : null, limit: 0.05, unit: 'x', why: no50k, spread: big?.changedRuns && big.validateRuns && `${range(big.changedRuns)} / ${range(big.validateRuns)}` })
// Issue 25: at 50k, the build against what it cannot avoid: reading and parsing the fiches (the floor) and writing its bytes (the same files, written plainly).
targets.push({ name: 'build / (plancher + écriture seule des mêmes octets), 50k, même processus', value: big ? big.buildMs / (big.floorMs + (big.stages.writeFloor ?? 0)) : null, limit: 2, unit: 'x', why: no50k, spread: big && `par exécution : ${ratioRange(big.writeRatioRuns)} ; build ${range(big.buildRuns)}, plancher ${range(big.floorRuns)}` })
targets.push({ name: 'mémoire max à 50k (Mio)', value: big ? big.peakMiB : null, limit: 1536, unit: ' Mio', why: no50k, spread: big && `${big.peakRuns.min.toFixed(0)} à ${big.peakRuns.max.toFixed(0)} Mio (${runs} exécutions ; la plus haute est la mesure)` })
targets.push({ name: 'coût par fiche 50k / 5k', value: big && five ? big.perFicheMs / five.perFicheMs : null, limit: 1.3, unit: 'x', why: 'il faut les registres de 5k et de 50k (BENCH_SIZES)', spread: big && five ? `build 50k ${range(big.buildRuns)}, 5k ${range(five.buildRuns)}` : undefined })
// The lint and history stages.
const lintSpread = (r: Row | undefined) => r?.lint && `par paire : ${ratioRange(spread(r.lint.pairRatios))} (la mesure : le plus rapide de 15 de chacun)`
targets.push({ name: 'lint / validate, corpus réel (même processus)', value: realRow?.lint ? realRow.lint.lintMs / realRow.lint.validateMs : null, limit: 1.3, unit: 'x', why: noCorpus, spread: lintSpread(realRow) })
if (big?.lint) targets.push({ name: 'lint / validate, 50k (même processus)', value: big.lint.lintMs / big.lint.validateMs, limit: 1.3, unit: 'x', spread: lintSpread(big) })
const worstHistory = historyRows.length > 0 ? historyRows.reduce((a, b) => (b.ratio > a.ratio ? b : a)) : undefined
targets.push({ name: 'champs d’historique / git log --name-only (le pire)', value: worstHistory ? worstHistory.ratio : null, limit: 1.5, unit: 'x', why: 'pas d’historique git à mesurer', spread: worstHistory && `${worstHistory.name} : champs ${fmt(worstHistory.historyFieldsRange[0])} à ${fmt(worstHistory.historyFieldsRange[1])}, git log ${fmt(worstHistory.gitLogRange[0])} à ${fmt(worstHistory.gitLogRange[1])}` })
// The site (issue 12): the home page of the real corpus, as a browser downloads it (fonts and icons aside, cached).
targets.push({ name: 'page d’accueil, HTML+CSS+JS compressés (gzip), corpus réel (Ko)', value: realRow?.site ? realRow.site.homeGzip / 1024 : null, limit: 160, unit: ' Ko', why: noCorpus, spread: same })
// Issue 22: the list in pages keeps the home page small whatever the registry's size.
const row10k = rows.find((r) => r.startups === 10_000)
targets.push({ name: 'page d’accueil, HTML+CSS+JS compressés (gzip), 10 000 startups synthétiques (Ko)', value: row10k?.site ? row10k.site.homeGzip / 1024 : null, limit: 200, unit: ' Ko', why: 'pas de registre de 10 000 startups dans BENCH_SIZES (ou BENCH_SITE_MAX plus petit)', spread: same })
// Issue 25: the editor, on the real corpus, as a first visit over a throttled "fast 4G" link.
const fetched = editorRow && spread(editorRow.visits.map((v) => v.fetchedBytes / 1024))
targets.push({ name: 'éditeur : première vérification affichée, 4G rapide, corpus réel (ms)', value: editorRow ? median(editorRow.visits.map((v) => v.firstCheckMs)) : null, limit: 1500, unit: ' ms', why: editorWhy, spread: editorRow && range(spread(editorRow.visits.map((v) => v.firstCheckMs))) })
targets.push({ name: 'éditeur : téléchargé en tout pour ouvrir une fiche, gzip (Ko)', value: fetched ? fetched.median : null, limit: 400, unit: ' Ko', why: editorWhy, spread: fetched && `${fetched.min.toFixed(0)} à ${fetched.max.toFixed(0)} Ko (${editorRow!.visits.length} visites)` })
targets.push({ name: 'éditeur : vérification après une pause, plus grande fiche réelle, 95e centile (ms)', value: editorRow?.pauses.length ? percentile(editorRow.pauses, 95) : null, limit: 16, unit: ' ms', why: editorWhy, spread: editorRow?.pauses.length ? `médiane ${median(editorRow.pauses).toFixed(1)} ms, min ${Math.min(...editorRow.pauses).toFixed(1)} ms, max ${Math.max(...editorRow.pauses).toFixed(1)} ms` : undefined })
targets.push({ name: 'éditeur : script avant la première vérification, gzip (Ko)', value: editorRow ? editorRow.visits[0]!.scriptBytes / 1024 : null, limit: 120, unit: ' Ko', why: editorWhy, spread: same })
// Issue 25: the test suite as CI runs it, on a fresh clone (npm test, no ../shared).
const suiteMs = suiteRows.map((r) => r.ms)
targets.push({ name: `suite de tests (npm test), clone neuf, ${os.availableParallelism()} cœurs (s)`, value: suiteRows.length > 0 ? median(suiteMs) / 1000 : null, limit: 180, unit: ' s', why: 'BENCH_SUITE_RUNS=0', spread: suiteRows.length > 0 ? `${fmt(Math.min(...suiteMs))} à ${fmt(Math.max(...suiteMs))} ; processeur ${suiteRows.map((r) => (Number.isNaN(r.cpuMs) ? '?' : fmt(r.cpuMs))).join(', ')} ; ${suiteRows[0]!.passed} tests passés, ${suiteRows[0]!.skipped} sautés` : undefined })
// The online evidence (issue 24): a run finishes in minutes; a week later with nothing changed, GitHub counts only what cannot be asked conditionally (missing repositories answer 404 without an ETag).
const noEvidence = 'BENCH_EVIDENCE=0'
targets.push({ name: 'preuves en ligne, 2 000 pages et 300 dépôts à 200 ms (s)', value: evidenceRow ? evidenceRow.first.ms / 1000 : null, limit: 300, unit: ' s', why: noEvidence, spread: evidenceRow && `une exécution (environ 90 s) ; la semaine suivante : ${fmt(evidenceRow.second.ms)}` })
targets.push({ name: 'requêtes GitHub décomptées la semaine suivante, hors dépôts introuvables', value: evidenceRow ? evidenceRow.second.githubCounted - evidenceRow.missingRepositories : null, limit: 0, unit: '', why: noEvidence, spread: evidenceRow && 'un compte, le même à chaque exécution' })
// Issue 26: the standards warnings' precision on the evaluation set, and recall on its known misses.
const rulePrecisions = evaluation ? Object.values(evaluation.rules).map((r) => r.precision).filter((p): p is number => p !== null) : []
const counted = 'un compte sur le jeu d’évaluation, le même à chaque exécution'
targets.push({ name: 'précision des avertissements de standards, ensemble (jeu d’évaluation, %)', value: evaluation?.overall.precision != null ? 100 * evaluation.overall.precision : null, limit: 95, unit: ' %', why: noCorpus, atLeast: true, spread: counted })
targets.push({ name: 'précision de la règle la moins précise (jeu d’évaluation, %)', value: rulePrecisions.length ? 100 * Math.min(...rulePrecisions) : null, limit: 90, unit: ' %', why: noCorpus, atLeast: true, spread: counted })
targets.push({ name: 'manques connus rattrapés (rappel, %)', value: evaluation?.misses.recall != null ? 100 * evaluation.misses.recall : null, limit: 100, unit: ' %', why: noCorpus, atLeast: true, spread: counted })
console.log('\n| objectif | mesuré (médiane) | limite | tenu | dispersion (min à max) |\n| --- | ---: | ---: | --- | --- |')
for (const t of targets) {
  const met = t.value === null ? '–' : (t.atLeast ? t.value >= t.limit : t.value <= t.limit) ? 'oui' : 'NON'
  console.log(`| ${t.name} | ${t.value === null ? `non mesuré : ${t.why}` : `${t.value.toFixed(2)}${t.unit}`} | ${t.atLeast ? '≥ ' : ''}${t.limit}${t.unit} | ${met} | ${t.spread ?? '–'} |`)
}

mkdirSync(path.join(repo, 'bench-results'), { recursive: true })
const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` }
writeFileSync(path.join(repo, 'bench-results/latest.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, runs: defaultRuns, pairs: pairRuns, uptime: os.loadavg(), help, corpus: corpusRun, prCheck: prRows, testSuite: suiteRows, editor: editorRow, rows, history: historyRows, evidence: evidenceRow ?? null, standardsEvaluation: evaluation, targets }, null, 2)}\n`)
console.error('Résultats écrits dans bench-results/latest.json')
