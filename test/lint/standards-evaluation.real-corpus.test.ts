/**
 * Opt-in (skipped when ../shared is absent): the standards warnings on the real corpus, as of
 * 2026-08-20, against the labelled evaluation set (scripts/bench/standards-evaluation.json, judged
 * against the policy of docs/standards.md): every sampled warning is judged, precision is at least
 * 95 % overall and 90 % for every rule, and every known miss is caught. And what the feed shows:
 * no ended product has a failing standard, every check explains itself, and the accessibility
 * hints, applied as written to the real fiches, close their warnings.
 */
import { existsSync, readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { corpusWarnings, readEvaluationSet, REAL_CORPUS } from '../../scripts/bench/standards-evaluation-main.ts'
import { evaluate, type Evaluation, type EvaluationSet } from '../../scripts/bench/standards-evaluation.ts'
import { parseRecord, type ParsedRecord } from '../../scripts/load/parse-record.ts'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { HYGIENE } from '../../scripts/lint/catalogue.ts'
import { ENDED_PHASES } from '../../scripts/lint/phase.ts'
import accessibilityStatus from '../../scripts/lint/rules/accessibility-status.ts'
import { runRules, type LintResult } from '../../scripts/lint/run-rules.ts'
import { feedStandards } from '../../scripts/compile/feed-standards.ts'
import { finalize } from '../../scripts/report/finalize.ts'
import { RULE_CATALOGUE } from '../../scripts/lint/rule-catalogue.ts'

const DOC = new URL('../../docs/standards.md', import.meta.url)

describe.skipIf(!existsSync(REAL_CORPUS))('standards warnings on the real corpus', () => {
  let set: EvaluationSet
  let e: Evaluation
  let problems: Awaited<ReturnType<typeof corpusWarnings>>['problems']
  let result: LintResult
  beforeAll(async () => {
    set = readEvaluationSet()
    const corpus = await corpusWarnings(set.asOf)
    problems = corpus.problems
    result = corpus.result
    e = evaluate(set, corpus.warnings)
  }, 60_000)

  it('has at least 150 judged cases in its sample, every sampled warning judged', () => {
    expect(e.unjudged, 'judge these and add them to standards-evaluation.json (tsx scripts/bench/standards-evaluation-main.ts --unjudged)').toEqual([])
    expect(e.overall.right + e.overall.wrong).toBeGreaterThanOrEqual(150)
  })

  it('is right at least 95 % of the time overall, and 90 % for every rule', () => {
    expect(e.overall.precision!).toBeGreaterThanOrEqual(0.95)
    for (const [rule, f] of Object.entries(e.rules)) expect(f.precision ?? 1, rule).toBeGreaterThanOrEqual(0.9)
  })

  it('catches every known miss', () => {
    expect(e.misses.missed).toEqual([])
    expect(e.misses.total).toBeGreaterThanOrEqual(16)
    // The template sections are named in the report.
    for (const id of ['monitor-fil-cril', 'resana', 'agreste', 'france-transfert']) {
      const p = problems.find((x) => x.ruleId === 'body-sections' && x.file === `content/_startups/${id}.md`)
      expect((p?.data?.template as string[] | undefined)?.length, id).toBeGreaterThan(0)
    }
  })

  it('judges each case by a policy line that docs/standards.md has', () => {
    const doc = readFileSync(DOC, 'utf8')
    for (const c of [...set.cases, ...set.misses]) expect(doc, c.policy).toContain(`**[${c.policy}]**`)
    for (const c of set.cases) expect(['right', 'wrong']).toContain(c.verdict)
  })

  it('records no failing standard for an ended product, and no check at all ([termine-1])', () => {
    const { blocks } = feedStandards(runRules(result.records.map((r) => r.record), { config: DEFAULT_CONFIG, asOf: set.asOf, explain: true }).records, set.asOf, DEFAULT_CONFIG)
    let ended = 0
    for (const r of result.records) {
      if (r.record.collection !== 'startups' || r.phase === undefined || !ENDED_PHASES.has(r.phase)) continue
      ended++
      expect(r.outcomes.filter((o) => o.rule.category !== HYGIENE), r.record.file).toEqual([])
      expect((blocks.get(r.record.id) as { categories: object }).categories, r.record.file).toEqual({})
    }
    expect(ended).toBeGreaterThan(100)
  })

  it('explains every check of the feed in words', () => {
    const { blocks } = feedStandards(runRules(result.records.map((r) => r.record), { config: DEFAULT_CONFIG, asOf: set.asOf, explain: true }).records, set.asOf, DEFAULT_CONFIG)
    let checks = 0
    for (const block of blocks.values()) {
      for (const c of Object.values((block as { categories: Record<string, { checks: { explanation: string }[] }> }).categories)) {
        for (const check of c.checks) {
          checks++
          expect(check.explanation).toMatch(/^\S.{15,}[.»]$/s)
          expect(check.explanation).not.toMatch(/undefined|\[object|NaN|La preuve attendue manque/)
        }
      }
    }
    expect(checks).toBeGreaterThan(3000)
  })

  it('closes every accessibility warning when its hint is applied as written ([a11y-4])', () => {
    const records = new Map(result.records.map((r) => [r.record.file, r.record]))
    const warned = problems.filter((p) => p.ruleId === 'accessibility-status')
    expect(warned.length).toBeGreaterThan(50)
    const files = new Map<string, ParsedRecord>([...records])
    for (const d of finalize(warned, files, DEFAULT_CONFIG, 'fr', RULE_CATALOGUE)) {
      const record = records.get(d.file)!
      const values = [...d.hint.matchAll(/« accessibility_status: ([a-z ]+?) »/g)].map((m) => m[1]!)
      expect(values.length, d.hint).toBeGreaterThan(0)
      for (const v of values) {
        const text = record.data.accessibility_status === undefined ? record.text.replace(/^---\n/, `---\naccessibility_status: ${v}\n`) : record.text.replace(/^accessibility_status: .*$/m, `accessibility_status: ${v}`)
        const fixed = parseRecord({ file: record.file, collection: 'startups', id: record.id, text }, DEFAULT_CONFIG.limits).record!
        const after = runRules([fixed], { config: DEFAULT_CONFIG, asOf: set.asOf, rules: [accessibilityStatus] })
        expect(after.problems, `${d.file}: « ${v} »`).toEqual([])
      }
    }
  })
})
