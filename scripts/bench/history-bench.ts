/**
 * The history stage of the bench: on a registry with a git history, the
 * history fields (historyFields: one `git log -z -M --raw` and its parsing,
 * renames followed) against a plain `git log --name-only` over the same
 * folders (target: at most 1.5x); and the first and cached runs of the
 * trends and change files (historyFiles, with a cache in a temporary file).
 * Self-contained: bench.ts calls `historyStage` for each registry with a
 * history and `cloneHistoryBundle` for the real one.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { historyFields, collectionFolders } from '../history/history-fields.ts'
import { readLog } from '../history/log.ts'
import { computeTrends } from '../history/trends.ts'
import { trendsMetrics } from '../history/history-files.ts'
import { DEFAULT_CONFIG, type RegistryConfig } from '../load/config.ts'
import { parseConfig } from '../registry/config.ts'

export interface HistoryRow {
  name: string
  commits: number
  gitLogMs: number
  historyFieldsMs: number
  /** The fastest and slowest of the runs of each. */
  gitLogRange: [number, number]
  historyFieldsRange: [number, number]
  ratio: number
  trendsFirstMs: number
  trendsCachedMs: number
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** Every run's time of `fn` (ms). */
async function times(runs: number, fn: () => unknown): Promise<number[]> {
  const all: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    all.push(performance.now() - t)
  }
  return all
}

const time = async (runs: number, fn: () => unknown): Promise<number> => median(await times(runs, fn))
const range = (xs: number[]): [number, number] => [Math.min(...xs), Math.max(...xs)]

/** A clone of the real history bundle in `work`, or null where ../shared is absent. */
export function cloneHistoryBundle(bundle: string, work: string): string | null {
  if (!existsSync(bundle)) return null
  const root = path.join(work, 'history-bundle')
  execFileSync('git', ['clone', '-q', bundle, root])
  return root
}

export async function historyStage(name: string, root: string, configFile: string, runs: number): Promise<HistoryRow> {
  const config: RegistryConfig = configFile === '-' ? DEFAULT_CONFIG : parseConfig(readFileSync(configFile, 'utf8'), configFile)
  const folders = collectionFolders(config)
  const gitLogs = await times(runs, () => execFileSync('git', ['-C', root, 'log', '--name-only', '--format=%H %ct', '--', ...folders], { maxBuffer: 1 << 30 }))
  const fields = await times(runs, async () => {
    if (!(await historyFields(root, config)).files) throw new Error(`no usable history in ${root}`)
  })
  const gitLogMs = median(gitLogs)
  const historyFieldsMs = median(fields)
  const log = await readLog(root, folders, { firstParent: true, reverse: true })
  const commits = log.length
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-trends-'))
  try {
    const cache = path.join(dir, 'cache.json')
    const t = performance.now()
    await computeTrends(root, config.collections.startups, log, trendsMetrics(config), cache)
    const trendsFirstMs = performance.now() - t
    const trendsCachedMs = await time(runs, () => computeTrends(root, config.collections.startups, log, trendsMetrics(config), cache))
    return { name, commits, gitLogMs, historyFieldsMs, gitLogRange: range(gitLogs), historyFieldsRange: range(fields), ratio: historyFieldsMs / gitLogMs, trendsFirstMs, trendsCachedMs }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function historyTable(rows: readonly HistoryRow[]): string {
  const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`)
  return [
    '| historique | commits | git log --name-only | champs d’historique | ratio | tendances (1er calcul) | tendances (avec cache) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${r.commits} | ${fmt(r.gitLogMs)} | ${fmt(r.historyFieldsMs)} | ${r.ratio.toFixed(2)}x | ${fmt(r.trendsFirstMs)} | ${fmt(r.trendsCachedMs)} |`),
  ].join('\n')
}
