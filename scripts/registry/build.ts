/**
 * `build`: checks the registry, then compiles the JSON feed (API v1 and
 * v2.7), the files computed from git history and the public site into the
 * output folder, replaced atomically. Nothing is written when a fiche has an
 * error: the previous output stays intact.
 */
import { execFile } from 'node:child_process'
import { promises as fsp } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { editorScripts } from '../bundle/editor-script.ts'
import { feedFiles, feedIndex, STARTUP_FILES_DIR, type BuildMeta } from '../compile/build-feed.ts'
import { CompileThread } from '../compile/compile-thread.ts'
import type { Content, LazyFiles } from '../compile/output.ts'
import { writeOutput, type Finish, type SideWriter } from '../compile/write-output.ts'
import { UsageError } from '../errors.ts'
import { headDate } from '../git/head-date.ts'
import { GitError } from '../history/git.ts'
import { gitProblem, historyFields, type HistoryResult } from '../history/history-fields.ts'
import { historyFiles, mainLine, parsedBlobs } from '../history/history-files.ts'
import type { LogCommit } from '../history/log.ts'
import { RULE_CATALOGUE } from '../lint/rule-catalogue.ts'
import { runRules } from '../lint/run-rules.ts'
import { feedStandards } from '../compile/feed-standards.ts'
import type { RegistryConfig } from '../load/config.ts'
import type { Diagnostic, Lang, Problem, Summary } from '../report/diagnostic.ts'
import { finalize } from '../report/finalize.ts'
import { bothWriters, copyWriter, siteAssets } from '../site/assets.ts'
import { DATA_FILES } from '../site/pages/data.ts'
import { siteContext, sitePages, type SiteInput } from '../site/site.ts'
import { SiteThread } from '../site/site-thread.ts'
import { FROM_SOURCES } from '../tool-root.ts'
import { evidenceResults } from '../evidence/types.ts'
import { applyRenamedValues } from '../validate/renamed-values.ts'
import { Timings } from './timings.ts'
import { runValidation } from './check.ts'
import { readEvidence } from './evidence-file.ts'

export interface BuildOptions {
  root: string
  config: RegistryConfig
  lang: Lang
  /** The output folder, replaced wholesale: it must not hold the registry. */
  out: string
  /** The date (YYYY-MM-DD) of each startup's current phase and of the standards rules; default: HEAD's commit date. */
  asOf?: string
  /** Warnings refuse the build too. */
  strict?: boolean
  /** Writes the public site and its editor (default true); false: the feed and the APIs only. */
  site?: boolean
  /** Reads the git history: dates, changes.json, changes.atom, trends.json (default true); false: no git, no notice. */
  history?: boolean
  /**
   * Writes the v2.7 and per-startup files from a worker thread; default: from 1,000 startups on a
   * machine with two cores or more. Below, on such a machine, the site's pages are made and written
   * by a worker thread instead (false: no thread at all). The bytes are the same.
   */
  thread?: boolean
  /**
   * Makes and writes startups' pages from a worker thread while this one writes the feed (see
   * site-thread.ts); default: from the bundled command (not from the TypeScript sources, where the
   * worker would first compile them), on a machine with two cores or more, when there is a site
   * and no compile thread. Never with `thread: false`. The bytes are the same.
   */
  siteThread?: boolean
  /**
   * The evidence file of the scheduled online checks (what `evidence()` writes):
   * published as api/v1/evidence.json, read by the standards' online rules
   * (their last known results: never the network) and shown on the site,
   * with its trends in trends.json. Read and checked before anything else: a
   * file that is missing or is not evidence is a ConfigError.
   */
  evidence?: string
  timings?: Timings
  /** false: the validation's diagnostics carry no fix (`Diagnostic.fix`), which spares resolving them; default true. */
  fixes?: boolean
}

export interface BuildResult {
  /** The validation's diagnostics (a build with an error writes nothing). */
  diagnostics: Diagnostic[]
  summary: Summary
  /** Every file's text, for code frames. */
  texts: Map<string, string>
  /** How many files were written; undefined when the build was refused (errors, or warnings with `strict`). */
  written?: number
  /** About the registry as a whole (no git history, say), worded like diagnostics without a position: they never refuse a build. */
  notices: Diagnostic[]
}

/** From how many startup fiches the v2.7 files are written by a worker thread (below, starting it costs more than it saves). */
export const THREAD_MIN_STARTUPS = 1000

/** Checks then compiles the registry at `root` into `out`: what `registry build` does. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  checkOut(options.out, options.root, options.config, options.lang)
  const timings = options.timings ?? new Timings()
  // Started first, so that it loads its modules while the fiches are read and checked.
  // The as-of date (HEAD's commit date or asOf) decides each startup's current phase and the standards rules.
  const [threaded, head] = await Promise.all([useThread(options.root, options.config, options.thread), options.asOf === undefined ? headDate(options.root) : undefined])
  const asOf = options.asOf ?? head ?? undefined
  const thread = threaded ? new CompileThread(options.out, options.config, {}, asOf) : undefined
  // The second core goes to the compile thread from THREAD_MIN_STARTUPS on, to the site's pages below.
  const siteThread = useSiteThread(options, threaded) ? new SiteThread() : undefined
  try {
    return await compile({ ...options, asOf }, timings, thread, siteThread)
  } finally {
    await thread?.stop()
    await siteThread?.stop()
  }
}

async function compile(options: BuildOptions, timings: Timings, thread: CompileThread | undefined, siteThread: SiteThread | undefined): Promise<BuildResult> {
  const { root, config, lang } = options
  const evidence = options.evidence === undefined ? undefined : await readEvidence(options.evidence, lang)
  const asOf = options.asOf ?? (await headDate(root)) ?? undefined
  // git runs while the fiches are read, parsed and checked (none of that waits for it); its dates
  // are added to each record before the worker sees it.
  let history: HistoryResult | undefined
  const none: HistoryResult = { files: null, problems: [], state: { kind: 'none' } }
  const ready = (options.history === false ? Promise.resolve(none) : historyFields(root, config)).then((h) => (history = h))
  ready.catch(() => {})
  // changes.json, changes.atom and trends.json: a second git log (first parents), run while the fiches are parsed and checked.
  const line = ready.then((h) => (h.files ? mainLine(root, config) : null))
  line.catch(() => {})
  const { records, diagnostics, summary, texts } = await runValidation(root, config, lang, undefined, timings, { asOf }, undefined, { fixes: options.fixes })
  if (summary.errors > 0 || (options.strict && summary.warnings > 0)) return { diagnostics, summary, texts, notices: [] }
  // A value the configuration declares renamed (a warning) is published under its new name.
  applyRenamedValues(records, config.renamedValues, asOf)
  // The worker gets the records once they are all checked and dated. Streaming them while they
  // were parsed made the parse wait for git first, then share both cores with the worker: at 50k
  // fiches, 16.3 s in all against 12.7 s this way (same bytes written).
  await timings.measureAsync('history', () => ready)
  for (const r of records) {
    const h = history!.files?.get(r.file)
    if (h) r.history = h
    thread?.send(r)
  }
  // Notices when there is no history: they never refuse the build.
  const problems: Problem[] = [...history!.problems]
  const commit = await sourceCommit(root)
  // The standards blocks of the feed: the whole lint, as of HEAD's commit date or asOf, with each
  // warning's explanation; the online rules read the evidence's last known results when there is
  // evidence (never the network).
  const lint = timings.measure('lint', () => runRules(records, { config, asOf, explain: true, ...(evidence ? { online: evidenceResults(evidence) } : {}) }))
  const standards = timings.measure('lint', () => feedStandards(lint.records, asOf, config, evidence !== undefined, lang))
  // The main line also dates the published files (index.json).
  let commits: LogCommit[] | null = null
  const extra = await timings.measureAsync('history', async () => {
    try {
      commits = await line
      return commits ? await historyFiles(root, config, commits, parsedBlobs(records), true, evidence) : []
    } catch (err) {
      if (!(err instanceof GitError)) throw err
      problems.push(gitProblem(err))
      return []
    }
  })
  const meta: BuildMeta = { commit, worker: Boolean(thread), standards, extra, asOf, commits, ...(evidence ? { evidence } : {}) }
  const feed = feedFiles(records, config, meta)
  const assets = options.site === false ? undefined : timings.measure('site', siteAssets)
  const editor = assets ? await timings.measureAsync('site', editorScripts) : undefined
  if (assets && editor) assets.texts.push(...editor.files)
  // The site is in French whatever --lang says: its checks' explanations too.
  const siteInput = (dataFiles: string[]): SiteInput => ({
    records,
    config,
    standards: lang === 'fr' ? standards : feedStandards(lint.records, asOf, config, evidence !== undefined, 'fr'),
    problems: lint.problems,
    extra,
    asOf,
    dataFiles,
    ...(evidence ? { evidence } : {}),
    ...(editor ? { editorScripts: editor.scripts } : {}),
  })
  const files = assets
    ? withSite(feed, assets.texts, (dataFiles) => {
        if (thread) dataFiles.push(...DATA_FILES.filter((f) => f.file.startsWith('api/v2.7/')).map((f) => f.file), ...records.filter((r) => r.collection === 'startups').map((r) => `${STARTUP_FILES_DIR}/${r.id}.json`))
        const context = siteContext(siteInput(dataFiles))
        // With the site's thread, the startups' pages it has not made yet.
        return siteThread ? siteThread.pages(context) : sitePages(context)
      }, timings)
    : feed
  // Only the data page reads the list of the feed's files, and the main thread makes it: the thread gets none.
  const sitePagesWriter = assets && siteThread?.writer(() => siteInput([]))
  const siteBefore = timings.totals.site ?? 0
  const written = await compileAndWrite(options.out, files, timings, bothWriters(bothWriters(thread?.writer(records), assets && copyWriter(assets.copies)), sitePagesWriter), feedIndex(records, config, meta))
  // The site's pages are produced inside the writer's loop: their time is the site stage's, not compile's.
  timings.add('compile', -((timings.totals.site ?? 0) - siteBefore))
  return { diagnostics, summary, texts, written, notices: finalize(problems, new Map(), config, lang, RULE_CATALOGUE) }
}

/**
 * build replaces its output folder wholesale: refuse a folder that holds the
 * registry or one of its collection folders (`out` = the root would delete the fiches).
 */
function checkOut(out: string, root: string, config: RegistryConfig, lang: Lang): void {
  const holds = (dir: string) => {
    const rel = path.relative(out, dir)
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
  }
  if ([root, ...Object.values(config.collections).map((c) => path.resolve(root, c))].some(holds)) {
    throw new UsageError(
      lang === 'fr'
        ? `Le dossier de sortie ${out} contient le registre ou ses fiches : build le remplacerait entièrement. Choisissez un dossier dédié, par exemple --out dist.`
        : `The output folder ${out} holds the registry or its fiches: build would replace it entirely. Choose a dedicated folder, for example --out dist.`,
    )
  }
}

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

/** Whether a build makes startups' pages from a worker thread too (BuildOptions.siteThread). */
function useSiteThread(options: BuildOptions, threaded: boolean): boolean {
  if (threaded || options.site === false || options.thread === false) return false
  return options.siteThread ?? (!FROM_SOURCES && availableParallelism() >= 2)
}

/**
 * Whether a build uses a worker thread: `forced` decides when given; otherwise,
 * when the machine has two cores or more and the registry enough startups
 * (counted from the folder's entries, before anything is read).
 */
export async function useThread(root: string, config: RegistryConfig, forced?: boolean): Promise<boolean> {
  if (forced !== undefined) return forced
  if (availableParallelism() < 2) return false
  const names = await fsp.readdir(path.join(root, config.collections.startups)).catch(() => [])
  return names.length >= THREAD_MIN_STARTUPS
}

/**
 * Compiling is streamed into writing: the time spent producing files and their
 * chunks counts as `compile`, the rest of writeOutput as `write`.
 */
export async function compileAndWrite(out: string, files: LazyFiles, timings: Timings, side?: SideWriter, finish?: Finish): Promise<number> {
  const compiled = (function* (): Generator<[string, Content]> {
    for (const [file, content] of timings.timed('compile', files)) yield [file, typeof content === 'string' ? content : timings.timed('compile', content)]
  })()
  const before = timings.totals.compile ?? 0
  const start = performance.now()
  const count = await writeOutput(out, compiled, side, finish && ((manifest) => timings.timed('compile', finish(manifest))))
  timings.add('write', performance.now() - start - ((timings.totals.compile ?? 0) - before))
  return count
}

/**
 * The feed's files, then the site's (its static texts and its pages, timed as
 * the site stage). The pages are made once the feed has gone by, from the
 * list of the feed's files (for the data page).
 */
function* withSite(feed: LazyFiles, texts: readonly [string, string][], pages: (dataFiles: string[]) => Iterable<[string, string]>, timings: Timings): Generator<[string, Content]> {
  const dataFiles: string[] = []
  for (const entry of feed) {
    dataFiles.push(entry[0])
    yield entry
  }
  yield* texts
  yield* timings.timed('site', pages(dataFiles))
}
