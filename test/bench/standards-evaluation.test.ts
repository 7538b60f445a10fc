/**
 * The evaluation set's arithmetic (scripts/bench/standards-evaluation.ts), on made-up warnings: a
 * draw per rule that stays stable when other warnings come and go, precision on the judged sample,
 * recall on the known misses, and what happened to judged cases that are no longer given.
 */
import { describe, expect, it } from 'vitest'
import { drawSample, evaluate, evaluationTable, keyOf, warningOf, type EvaluationSet, type JudgedCase, type Warning } from '../../scripts/bench/standards-evaluation.ts'

const w = (file: string, rule = 'budget-missing', message = 'missing', location = '/budget_url'): Warning => ({ file, rule, message, location })
const many = (n: number, rule?: string) => Array.from({ length: n }, (_, i) => w(`startups/f${i}.md`, rule))
const judged = (x: Warning, verdict: 'right' | 'wrong'): JudgedCase => ({ ...x, verdict, policy: 'liens-1', note: '', draw: 1 })
const set = (cases: JudgedCase[], misses: EvaluationSet['misses'] = []): EvaluationSet => ({ corpus: 'test', asOf: '2026-08-20', seed: 's', perRule: 3, cases, misses })

describe('drawSample', () => {
  it('takes perRule warnings of each rule, all of a rule that has fewer', () => {
    const sample = drawSample([...many(10), ...many(2, 'link-missing')], 's', 3)
    expect(sample.filter((x) => x.rule === 'budget-missing')).toHaveLength(3)
    expect(sample.filter((x) => x.rule === 'link-missing')).toHaveLength(2)
  })
  it('is fixed by the seed, and changes with it', () => {
    expect(drawSample(many(20), 's', 3)).toEqual(drawSample([...many(20)].reverse(), 's', 3))
    expect(drawSample(many(20), 's', 3)).not.toEqual(drawSample(many(20), 't', 3))
  })
  it('keeps its draw when warnings outside it come and go, and draws the next one when one of it goes', () => {
    const all = many(20)
    const first = drawSample(all, 's', 3)
    const outside = all.filter((x) => !first.some((y) => keyOf(y) === keyOf(x)))
    expect(drawSample([...first, ...outside.slice(5)], 's', 3)).toEqual(first)
    const without = drawSample(all.filter((x) => keyOf(x) !== keyOf(first[0]!)), 's', 3)
    expect(without.slice(0, 2)).toEqual(first.slice(1))
    expect(without).toHaveLength(3)
  })
  it('counts a warning given twice once', () => {
    expect(drawSample([w('a'), w('a')], 's', 3)).toEqual([w('a')])
  })
})

describe('evaluate', () => {
  it('measures precision per rule and overall on the judged sample, and lists what is not judged yet', () => {
    const all = many(5)
    const sample = drawSample(all, 's', 3)
    const e = evaluate(set([judged(sample[0]!, 'right'), judged(sample[1]!, 'wrong')]), all)
    expect(e.rules['budget-missing']).toEqual({ warnings: 5, sampled: 3, right: 1, wrong: 1, precision: 0.5 })
    expect(e.overall).toEqual({ sampled: 3, right: 1, wrong: 1, precision: 0.5 })
    expect(e.unjudged).toEqual([sample[2]])
  })
  it('measures recall on the known misses', () => {
    const e = evaluate(set([], [{ ...w('a'), policy: 'liens-2', note: '' }, { ...w('b'), policy: 'liens-2', note: '' }]), [w('a')])
    expect(e.misses).toMatchObject({ total: 2, caught: 1, recall: 0.5 })
    expect(e.misses.missed.map((m) => m.file)).toEqual(['b'])
  })
  it('tells fixed wrong cases, lost right ones, and cases reworded at the same place', () => {
    const e = evaluate(set([judged(w('gone-wrong'), 'wrong'), judged(w('gone-right'), 'right'), judged(w('reworded', 'budget-missing', 'old'), 'right')]), [w('reworded', 'budget-missing', 'selfLink')])
    expect(e.fixed.map((c) => c.file)).toEqual(['gone-wrong'])
    expect(e.lost.map((c) => c.file)).toEqual(['gone-right'])
    expect(e.reworded.map((c) => c.file)).toEqual(['reworded'])
  })
  it('prints one row per rule, in French', () => {
    const e = evaluate(set([judged(w('a'), 'right')]), [w('a')])
    expect(evaluationTable(e)).toContain('| `budget-missing` | 1 | 1 | 1 | 0 | 0 | 100.0 % |')
    expect(evaluationTable(e)).toContain('Manques connus rattrapés : 0 sur 0')
  })
})

it('names a lint problem as a warning: its pointer, or the body', () => {
  expect(warningOf({ file: 'f', ruleId: 'r', path: '/x', data: { messageId: 'm' } })).toEqual({ file: 'f', rule: 'r', message: 'm', location: '/x' })
  expect(warningOf({ file: 'f', ruleId: 'r', offset: 3, data: { messageId: 'm' } }).location).toBe('body')
})
