import { execFile } from 'node:child_process'
import { promises as fsp } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { feedFiles, feedIndex, STARTUP_FILES_DIR, type BuildMeta } from '../../compile/build-feed.ts'
import type { Content, LazyFiles } from '../../compile/output.ts'
import { Timings } from '../timings.ts'
import { CompileThread } from '../../compile/compile-thread.ts'
import { writeOutput, type Finish, type SideWriter } from '../../compile/write-output.ts'
import { FORMATTERS } from '../../report/formatters/index.ts'
import type { RegistryConfig } from '../../load/config.ts'
import type { Options } from '../main.ts'
import { runValidation } from '../run-validation.ts'
import { headDate } from '../../git/head-date.ts'
import { runRules } from '../../lint/run-rules.ts'
import { feedStandards } from '../../lint/standards-report.ts'
import { gitProblem, historyFields, type HistoryResult } from '../../history/history-fields.ts'
import { GitError } from '../../history/git.ts'
import { historyFiles, mainLine, parsedBlobs } from '../../history/history-files.ts'
import type { LogCommit } from '../../history/log.ts'
import { printNotices } from '../notices.ts'
import type { ParsedRecord } from '../../load/parse-record.ts'
import { bothWriters, copyWriter, siteAssets } from '../../site/assets.ts'
import { siteContext, sitePages } from '../../site/site.ts'
import { DATA_FILES } from '../../site/pages/data.ts'
import { EDITOR_SCRIPT } from '../../site/pages/editor.ts'
import { editorScript } from '../../bundle/editor-script.ts'
import { readPreviousEvidence, EvidenceFileError } from '../../evidence/evidence-files.ts'
import { evidenceResults, type EvidenceFile } from '../../evidence/types.ts'
import { ConfigError } from '../../load/config.ts'

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

/** From how many startup fiches the v2.7 files are written by a worker thread (below, starting it costs more than it saves). */
export const THREAD_MIN_STARTUPS = 1000

/**
 * Whether a build uses a worker thread: REGISTRY_THREADS=0 or 1 decides;
 * otherwise, when the machine has two cores or more and the registry enough
 * startups (counted from the folder's entries, before anything is read).
 */
export async function useThread(root: string, config: RegistryConfig, env: Record<string, string | undefined>): Promise<boolean> {
  const forced = env.REGISTRY_THREADS
  if (forced === '0' || forced === '1') return forced === '1'
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
export function* withSite(feed: LazyFiles, texts: readonly [string, string][], pages: (dataFiles: string[]) => Iterable<[string, string]>, timings: Timings): Generator<[string, Content]> {
  const dataFiles: string[] = []
  for (const entry of feed) {
    dataFiles.push(entry[0])
    yield entry
  }
  yield* texts
  yield* timings.timed('site', pages(dataFiles))
}

export async function buildCommand(options: Options): Promise<number> {
  const timings = options.io.timings ?? new Timings()
  // Started first, so that it loads its modules while the fiches are read and checked.
  // The as-of date (HEAD's commit date or --as-of) decides each startup's current phase and the standards rules.
  const [threaded, head] = await Promise.all([useThread(options.root, options.config, options.io.env), options.asOf === undefined ? headDate(options.root) : undefined])
  const asOf = options.asOf ?? head ?? undefined
  const thread = threaded ? new CompileThread(options.out, options.config, {}, asOf) : undefined
  try {
    return await build({ ...options, asOf }, timings, thread)
  } finally {
    await thread?.stop()
  }
}

/** The evidence file given with --evidence, checked before anything is built (a file that is not evidence stops the build). */
async function readEvidence(file: string | undefined, lang: 'fr' | 'en'): Promise<EvidenceFile | undefined> {
  if (file === undefined) return undefined
  try {
    const evidence = await readPreviousEvidence(file, Date.now())
    if (!evidence) throw new ConfigError(lang === 'fr' ? `--evidence : le fichier ${file} n’existe pas.` : `--evidence: the file ${file} does not exist.`)
    return evidence
  } catch (err) {
    throw err instanceof EvidenceFileError ? new ConfigError(err.say(lang)) : err
  }
}

async function build(options: Options, timings: Timings, thread: CompileThread | undefined): Promise<number> {
  const { io, lang } = options
  const evidence = await readEvidence(options.evidenceFile, lang)
  const asOfForValidate = options.asOf ?? (await headDate(options.root)) ?? undefined
  // git runs while the fiches are read, parsed and checked (none of that waits for it); its dates
  // are added to each record before the worker sees it.
  let history: HistoryResult | undefined
  // REGISTRY_HISTORY=0: no history at all (no git, no notice), for a quick local build.
  const none: HistoryResult = { files: null, problems: [], state: { kind: 'none' } }
  const ready = (io.env.REGISTRY_HISTORY === '0' ? Promise.resolve(none) : historyFields(options.root, options.config)).then((h) => (history = h))
  ready.catch(() => {})
  // changes.json, changes.atom and trends.json: a second git log (first parents), run while the fiches are parsed and checked.
  const line = ready.then((h) => (h.files ? mainLine(options.root, options.config) : null))
  line.catch(() => {})
  const { records, diagnostics, summary, texts } = await runValidation(options.root, options.config, lang, undefined, timings, { asOf: asOfForValidate })
  const failed = summary.errors > 0 || (options.strict && summary.warnings > 0)
  if (diagnostics.length > 0 || options.format === 'json') {
    io.stdout(FORMATTERS[options.format](diagnostics, { summary, lang, texts, color: options.color }))
  }
  if (failed) {
    io.stderr(lang === 'fr' ? 'Compilation annulée : corrigez les erreurs ci-dessus. Rien n’a été écrit.\n' : 'Build cancelled: fix the errors above. Nothing was written.\n')
    return 1
  }
  // The worker gets the records once they are all checked and dated. Streaming them while they
  // were parsed made the parse wait for git first, then share both cores with the worker: at 50k
  // fiches, 16.3 s in all against 12.7 s this way (same bytes written).
  await timings.measureAsync('history', () => ready)
  for (const r of records) {
    const h = history!.files?.get(r.file)
    if (h) r.history = h
    thread?.send(r)
  }
  // One notice when there is no history: it never changes the exit code.
  printNotices(history!.problems, options)
  const commit = await sourceCommit(options.root)
  // The standards blocks of the feed: the whole lint (field evidence only), as of HEAD's commit date or --as-of.
  const asOf = asOfForValidate
  // With the evidence (--evidence), the online rules read its last known results: never the network.
  const lint = timings.measure('lint', () => runRules(records, { config: options.config, asOf, ...(evidence ? { online: evidenceResults(evidence) } : {}) }))
  const standards = timings.measure('lint', () => feedStandards(lint.records, asOf, options.config, evidence !== undefined))
  // The main line also dates the published files (index.json).
  let commits: LogCommit[] | null = null
  const extra = await timings.measureAsync('history', async () => {
    try {
      commits = await line
      return commits ? await historyFiles(options.root, options.config, commits, parsedBlobs(records), true, evidence) : []
    } catch (err) {
      if (!(err instanceof GitError)) throw err
      printNotices([gitProblem(err)], options)
      return []
    }
  })
  const meta: BuildMeta = { commit, worker: Boolean(thread), standards, extra, asOf, commits, ...(evidence ? { evidence } : {}) }
  const feed = feedFiles(records, options.config, meta)
  // REGISTRY_SITE=0: the feed and the APIs only, without the site (docs/site.md).
  const assets = io.env.REGISTRY_SITE === '0' ? undefined : timings.measure('site', siteAssets)
  if (assets) assets.texts.push([EDITOR_SCRIPT, await timings.measureAsync('site', editorScript)])
  const files = assets ? withSite(feed, assets.texts, (dataFiles) => {
    if (thread) dataFiles.push(...DATA_FILES.filter((f) => f.file.startsWith('api/v2.7/')).map((f) => f.file), ...records.filter((r) => r.collection === 'startups').map((r) => `${STARTUP_FILES_DIR}/${r.id}.json`))
    return sitePages(siteContext({ records, config: options.config, standards, problems: lint.problems, extra, asOf, dataFiles, ...(evidence ? { evidence } : {}) }))
  }, timings) : feed
  const siteBefore = timings.totals.site ?? 0
  const count = await compileAndWrite(options.out, files, timings, bothWriters(thread?.writer(records), assets && copyWriter(assets.copies)), feedIndex(records, options.config, meta))
  // The site's pages are produced inside the writer's loop: their time is the site stage's, not compile's.
  timings.add('compile', -((timings.totals.site ?? 0) - siteBefore))
  const rel = path.relative(io.cwd, options.out) || '.'
  io.stderr(lang === 'fr' ? `${count} fichiers écrits dans ${rel}/.\n` : `${count} files written to ${rel}/.\n`)
  return 0
}
