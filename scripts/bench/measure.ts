/**
 * One measurement, in its own process so that peak memory is its own:
 *   floor <root> <config>  read + parse the front matter of every fiche with js-yaml, nothing else
 *   stages <root> <config> <out>  the pipeline stage by stage (the output held in memory between compile and write, to time them apart)
 *   build <root> <config> <out>  `registry build` as the command line runs it (output streamed), in process
 * Prints one JSON line: {stages: {name: ms}, total, maxRssBytes, files, errors}.
 */
import { mkdirSync, promises as fsp, writeFileSync } from 'node:fs'
import path from 'node:path'
import { load } from 'js-yaml'
import { main } from '../cli/main.ts'
import { buildFeed } from '../compile/build-feed.ts'
import { writeOutput } from '../compile/write-output.ts'
import { COLLECTIONS, DEFAULT_CONFIG, parseConfig, type RegistryConfig } from '../load/config.ts'
import { parseRecord, splitFrontMatter, type ParsedRecord } from '../load/parse-record.ts'
import { forEachLimit, IO_CONCURRENCY } from '../load/pool.ts'
import { readRecords } from '../load/read-records.ts'
import type { Problem } from '../report/diagnostic.ts'
import { finalize, type LocatableFile } from '../report/finalize.ts'
import { checkIds, checkReferences } from '../validate/references.ts'
import { validateRecord } from '../validate/validate-record.ts'

const [mode, root, configFile, out] = process.argv.slice(2)

async function config(): Promise<RegistryConfig> {
  return configFile && configFile !== '-' ? parseConfig(await fsp.readFile(configFile, 'utf8'), configFile) : DEFAULT_CONFIG
}

async function floor(cfg: RegistryConfig) {
  const start = performance.now()
  let files = 0
  for (const c of COLLECTIONS) {
    const dir = path.join(root!, cfg.collections[c])
    const names = await fsp.readdir(dir)
    // Same concurrency as the registry's reader: the floor is the same I/O.
    await forEachLimit(names, IO_CONCURRENCY, async (name) => {
      const text = await fsp.readFile(path.join(dir, name), 'utf8')
      const split = splitFrontMatter(text)
      if (typeof split !== 'string') load(text.slice(split.yamlStart, split.yamlEnd))
      files++
    })
  }
  return { stages: {}, total: performance.now() - start, files, errors: 0 }
}

async function build(cfg: RegistryConfig) {
  const stages: Record<string, number> = {}
  let t = performance.now()
  const start = t
  const lap = (name: string) => {
    const now = performance.now()
    stages[name] = now - t
    t = now
  }
  for (const c of COLLECTIONS) await fsp.readdir(path.join(root!, cfg.collections[c]), { withFileTypes: true })
  lap('list')
  const read = await readRecords(root!, cfg)
  lap('read')
  const records: ParsedRecord[] = []
  const problems: Problem[] = [...read.problems]
  for (const source of read.sources) {
    const parsed = parseRecord(source, cfg.limits)
    problems.push(...parsed.problems)
    if (parsed.record) records.push(parsed.record)
  }
  lap('parse')
  for (const r of records) problems.push(...validateRecord(r))
  problems.push(...checkIds(read.entries), ...checkReferences(records, read.entries, cfg))
  const locatable = new Map<string, LocatableFile>(read.sources.map((s) => [s.file, { text: s.text }]))
  for (const r of records) locatable.set(r.file, r)
  const diagnostics = finalize(problems, locatable, cfg, 'fr')
  lap('validate')
  const files = buildFeed(records, cfg, { commit: null })
  lap('compile')
  // (the command line streams compile into write instead; see `build`)
  await writeOutput(out!, files)
  lap('write')
  // The same files written plainly into a fresh folder, nothing else: what the disk costs.
  const plain = `${out}.plain`
  await fsp.rm(plain, { recursive: true, force: true })
  const start2 = performance.now()
  for (const [rel, content] of files) {
    const target = path.join(plain, rel)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, content)
  }
  stages.writeFloor = performance.now() - start2
  await fsp.rm(plain, { recursive: true, force: true })
  return { stages, total: Object.entries(stages).filter(([k]) => k !== 'writeFloor').reduce((a, [, v]) => a + v, 0), files: read.entries.length, errors: diagnostics.filter((d) => d.severity === 'error').length }
}

/** The real command, in process: what a contributor or CI waits for, minus Node's start. */
async function cli() {
  const start = performance.now()
  const args = ['build', '--root', root!, '--out', out!, '--format', 'json']
  if (configFile && configFile !== '-') args.push('--config', configFile)
  let errors = 0
  const code = await main(args, { stdout: () => {}, stderr: () => {}, env: {}, cwd: process.cwd(), isTTY: false })
  if (code === 1) errors = 1
  else if (code !== 0) throw new Error(`registry build exited with ${code}`)
  return { stages: {}, total: performance.now() - start, files: 0, errors }
}

const cfg = await config()
const result = mode === 'floor' ? await floor(cfg) : mode === 'stages' ? await build(cfg) : await cli()
process.stdout.write(`${JSON.stringify({ ...result, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`)
