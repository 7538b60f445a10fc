/**
 * `tsx scripts/bench/standards-evaluation-main.ts [--unjudged] [corpus]`: lints the real corpus
 * (../shared/corpus/beta.gouv.fr by default, with config/beta.gouv.fr.config.json, as of the
 * evaluation set's date) and prints the precision of each rule on the evaluation set and the recall
 * on its known misses (standards-evaluation.ts). `--unjudged` prints instead, one JSON line each,
 * the sampled warnings that have no verdict yet, with what a judge needs to read in the fiche.
 * bench.ts prints the same table in its run (`evaluationRow`).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseConfig, validateSources } from '../registry.ts'
import { readRecords } from '../load/read-records.ts'
import { runRules } from '../lint/run-rules.ts'
import { evaluate, evaluationTable, warningOf, type Evaluation, type EvaluationSet, type Warning } from './standards-evaluation.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../..')
export const EVALUATION_FILE = path.join(here, 'standards-evaluation.json')
export const REAL_CORPUS = path.resolve(repo, '../shared/corpus/beta.gouv.fr')
export const CORPUS_CONFIG = path.join(repo, 'config/beta.gouv.fr.config.json')

export function readEvaluationSet(file = EVALUATION_FILE): EvaluationSet {
  return JSON.parse(readFileSync(file, 'utf8')) as EvaluationSet
}

/** The standards warnings of the real corpus as of `asOf`, with the records they were found in. */
export async function corpusWarnings(asOf: string, corpus = REAL_CORPUS) {
  const config = parseConfig(readFileSync(CORPUS_CONFIG, 'utf8'), CORPUS_CONFIG)
  const { records } = validateSources(await readRecords(corpus, config), config, 'fr')
  const result = runRules(records, { config, asOf })
  return { warnings: result.problems.map(warningOf), problems: result.problems, result }
}

/** The bench's row: the evaluation of today's rules on the real corpus, or null without the corpus. */
export async function evaluationRow(corpus = REAL_CORPUS): Promise<Evaluation | null> {
  if (!existsSync(corpus)) return null
  const set = readEvaluationSet()
  return evaluate(set, (await corpusWarnings(set.asOf, corpus)).warnings)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const corpus = args.find((a) => !a.startsWith('--')) ?? REAL_CORPUS
  if (!existsSync(corpus)) {
    process.stderr.write(`Corpus absent : ${corpus}\n`)
    process.exit(2)
  }
  const set = readEvaluationSet()
  const { warnings, problems } = await corpusWarnings(set.asOf, corpus)
  const e = evaluate(set, warnings)
  if (args.includes('--unjudged')) {
    const byKey = new Map(problems.map((p) => [JSON.stringify(warningOf(p)), p]))
    for (const w of e.unjudged) process.stdout.write(`${JSON.stringify({ ...w, data: byKey.get(JSON.stringify(w satisfies Warning))?.data })}\n`)
  } else {
    process.stdout.write(`${evaluationTable(e)}\n`)
  }
}
