/**
 * How far the standards warnings can be trusted, measured on real fiches: a
 * labelled evaluation set (standards-evaluation.json) of warnings the lint
 * gave on the real corpus, each judged right or wrong against the policy of
 * docs/standards.md, plus the known misses (warnings the lint must give).
 *
 * The sample is drawn per rule with a fixed seed, and stays stable when the
 * rules change: each warning gets a rank, the hash of the seed and of the
 * warning (file, rule, message, location), and the sample of a rule is its
 * `perRule` warnings of lowest rank. A warning keeps its rank from one run to
 * the next; when a rule stops giving some warnings, the next ones by rank join
 * the sample and must be judged (the evaluation lists them as unjudged).
 *
 * Precision per rule is measured on the current sample only (a random sample
 * of what the rules give today); judged cases that are no longer given stay in
 * the set as history: a wrong one is a fix, a right one a loss of recall.
 * Pure: warnings in, figures out (the corpus is read by standards-evaluation-main.ts).
 */
import { createHash } from 'node:crypto'
import type { Problem } from '../report/diagnostic.ts'

export type Verdict = 'right' | 'wrong'

/** One warning, as the evaluation names it. */
export interface Warning {
  file: string
  rule: string
  /** The message id (a rule's kinds of report: missing, nonConforme…). */
  message: string
  /** The JSON Pointer it points at, or `body` for a report in the text. */
  location: string
}

export interface JudgedCase extends Warning {
  verdict: Verdict
  /** The policy line of docs/standards.md that decides it (`comite-2`). */
  policy: string
  /** Why, in a few words (short quotes of the fiche at most). */
  note: string
  /** Which draw first brought the case into the sample (1: before the rules of issue 26 changed). */
  draw: number
}

/** A warning the lint must give (a miss of an earlier rule set). */
export interface KnownMiss extends Warning {
  policy: string
  note: string
}

export interface EvaluationSet {
  /** The corpus the cases come from (source repository and commit). */
  corpus: string
  asOf: string
  seed: string
  perRule: number
  cases: JudgedCase[]
  misses: KnownMiss[]
}

export interface RuleFigures {
  /** Warnings the rule gives on the corpus. */
  warnings: number
  sampled: number
  right: number
  wrong: number
  /** right / (right + wrong) over the judged sample; null when nothing is judged. */
  precision: number | null
}

export interface Evaluation {
  rules: Record<string, RuleFigures>
  overall: { sampled: number; right: number; wrong: number; precision: number | null }
  /** Sampled warnings without a verdict yet: judge them and add them to the set. */
  unjudged: Warning[]
  /** Known misses: how many the rules catch now. */
  misses: { total: number; caught: number; recall: number | null; missed: KnownMiss[] }
  /**
   * Judged cases no longer given. Nothing of the rule at the same place any more: a wrong one is a
   * fix, a right one a loss. Another message of the rule at the same place: reworded (the new
   * warning is judged when the draw brings it into the sample).
   */
  fixed: JudgedCase[]
  lost: JudgedCase[]
  reworded: JudgedCase[]
}

/** The warning a lint problem is. */
export function warningOf(p: Problem): Warning {
  const data = p.data ?? {}
  return { file: p.file, rule: p.ruleId, message: String(data.messageId ?? ''), location: p.path ?? 'body' }
}

export const keyOf = (w: Warning): string => `${w.file}\t${w.rule}\t${w.message}\t${w.location}`

function rank(seed: string, w: Warning): string {
  return createHash('sha256').update(`${seed}\n${keyOf(w)}`).digest('hex')
}

/** Per rule, the `perRule` warnings of lowest rank (duplicates counted once), in rule then rank order. */
export function drawSample(warnings: readonly Warning[], seed: string, perRule: number): Warning[] {
  const byRule = new Map<string, Map<string, Warning>>()
  for (const w of warnings) {
    let m = byRule.get(w.rule)
    if (!m) byRule.set(w.rule, (m = new Map()))
    m.set(keyOf(w), w)
  }
  const out: Warning[] = []
  for (const rule of [...byRule.keys()].sort()) {
    const ranked = [...byRule.get(rule)!.values()].map((w) => [rank(seed, w), w] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1))
    out.push(...ranked.slice(0, perRule).map(([, w]) => w))
  }
  return out
}

const ratio = (right: number, wrong: number) => (right + wrong === 0 ? null : right / (right + wrong))

export function evaluate(set: EvaluationSet, warnings: readonly Warning[]): Evaluation {
  const judged = new Map(set.cases.map((c) => [keyOf(c), c]))
  const given = new Set(warnings.map(keyOf))
  const rules: Record<string, RuleFigures> = {}
  for (const w of warnings) (rules[w.rule] ??= { warnings: 0, sampled: 0, right: 0, wrong: 0, precision: null }).warnings++
  const unjudged: Warning[] = []
  for (const w of drawSample(warnings, set.seed, set.perRule)) {
    const figures = rules[w.rule]!
    figures.sampled++
    const c = judged.get(keyOf(w))
    if (!c) unjudged.push(w)
    else figures[c.verdict]++
  }
  let right = 0
  let wrong = 0
  for (const f of Object.values(rules)) {
    f.precision = ratio(f.right, f.wrong)
    right += f.right
    wrong += f.wrong
  }
  const missed = set.misses.filter((m) => !given.has(keyOf(m)))
  const place = (w: Warning) => `${w.file}\t${w.rule}\t${w.location}`
  const places = new Set(warnings.map(place))
  const gone = set.cases.filter((c) => !given.has(keyOf(c)) && !places.has(place(c)))
  return {
    rules: Object.fromEntries(Object.keys(rules).sort().map((k) => [k, rules[k]!])),
    overall: { sampled: right + wrong + unjudged.length, right, wrong, precision: ratio(right, wrong) },
    unjudged,
    misses: { total: set.misses.length, caught: set.misses.length - missed.length, recall: set.misses.length ? (set.misses.length - missed.length) / set.misses.length : null, missed },
    fixed: gone.filter((c) => c.verdict === 'wrong'),
    lost: gone.filter((c) => c.verdict === 'right'),
    reworded: set.cases.filter((c) => !given.has(keyOf(c)) && places.has(place(c))),
  }
}

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)} %`)

/** The bench row: precision per rule on the sample, recall on the known misses (markdown, in French). */
export function evaluationTable(e: Evaluation): string {
  const rows = Object.entries(e.rules).map(([rule, f]) => `| \`${rule}\` | ${f.warnings} | ${f.sampled} | ${f.right} | ${f.wrong} | ${f.sampled - f.right - f.wrong} | ${pct(f.precision)} |`)
  const o = e.overall
  return [
    '| règle | avertissements | échantillon | justes | faux | non jugés | précision |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    `| **ensemble** | ${Object.values(e.rules).reduce((n, f) => n + f.warnings, 0)} | ${o.sampled} | ${o.right} | ${o.wrong} | ${e.unjudged.length} | ${pct(o.precision)} |`,
    '',
    `Manques connus rattrapés : ${e.misses.caught} sur ${e.misses.total} (rappel ${pct(e.misses.recall)}). Cas jugés qui ne sont plus signalés : ${e.fixed.length} faux (corrigés), ${e.lost.length} justes (perdus) ; ${e.reworded.length} signalés autrement au même endroit.`,
  ].join('\n')
}
