/**
 * Opt-in tests' build of the real corpus: the history bundle of
 * ../shared/corpus (whose last commit is the corpus's content/) cloned into a
 * temporary folder, every readable fiche compiled (the corpus has 3 errors,
 * which `registry build` refuses; like `npm run compat`, they are compiled
 * all the same), with the stages of `registry build`: history fields, the
 * standards lint as of HEAD's date, changes and trends, every published file
 * in memory. Callers skip when ../shared is absent and call this in beforeAll.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { runValidation } from '../../scripts/registry/check.ts'
import { buildFeed } from '../../scripts/compile/build-feed.ts'
import type { OutputFiles } from '../../scripts/compile/output.ts'
import { headDate } from '../../scripts/git/head-date.ts'
import { historyFields } from '../../scripts/history/history-fields.ts'
import { historyFiles, mainLine, parsedBlobs } from '../../scripts/history/history-files.ts'
import { runRules } from '../../scripts/lint/run-rules.ts'
import { feedStandards } from '../../scripts/compile/feed-standards.ts'
import type { RegistryConfig } from '../../scripts/load/config.ts'
import { parseConfig } from '../../scripts/registry/config.ts'
import type { ParsedRecord } from '../../scripts/load/parse-record.ts'
import { REPO, tempDir } from '../cli/run.ts'

export const CORPUS = path.resolve(REPO, '../shared/corpus/beta.gouv.fr')
export const BUNDLE = path.resolve(REPO, '../shared/corpus/beta.gouv.fr-history.bundle')
export const hasRealCorpus = existsSync(CORPUS) && existsSync(BUNDLE)

export interface RealBuild {
  root: string
  config: RegistryConfig
  records: ParsedRecord[]
  files: OutputFiles
}

export async function realBuild(): Promise<RealBuild> {
  const root = path.join(tempDir('real-corpus-'), 'beta.gouv.fr')
  execFileSync('git', ['clone', '-q', BUNDLE, root], { stdio: 'pipe' })
  const file = path.join(REPO, 'config/beta.gouv.fr.config.json')
  const config = parseConfig(readFileSync(file, 'utf8'), file)
  const { records } = await runValidation(root, config, 'fr')
  const history = await historyFields(root, config)
  for (const r of records) {
    const h = history.files?.get(r.file)
    if (h) r.history = h
  }
  const asOf = (await headDate(root)) ?? undefined
  const commits = await mainLine(root, config)
  const standards = feedStandards(runRules(records, { config, asOf }).records, asOf, config)
  const extra = await historyFiles(root, config, commits, parsedBlobs(records))
  const commit = execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
  const files = buildFeed(records, config, { commit, standards, extra, asOf, commits })
  return { root, config, records, files }
}
