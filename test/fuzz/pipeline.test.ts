// Fuzzing the pipeline with fast-check: random and mutated fiches never crash
// it, every diagnostic points inside its file, and every accepted fiche
// compiles into a feed that validates against the published schema.
// A fixed seed keeps `npm test` reproducible; FUZZ_RUNS=5000 runs longer,
// FUZZ_SEED=<n> explores other inputs.
import fc from 'fast-check'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildFeed } from '../../scripts/compile/build-feed.ts'
import { feedSchema } from '../../scripts/compile/feed-schema.ts'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { decode } from '../../scripts/load/read-records.ts'
import type { Diagnostic } from '../../scripts/report/diagnostic.ts'
import { MAX_DIAGNOSTICS_PER_FILE } from '../../scripts/report/finalize.ts'
import { createAjv } from '../../scripts/validate/ajv.ts'
import { validateRegistry } from '../../scripts/validate/validate-registry.ts'
import { lintRecords } from '../../scripts/lint/lint-registry.ts'
import { feedStandards } from '../../scripts/compile/feed-standards.ts'
import { BASE, check, sources } from '../helpers.ts'
import { apply, mutation as baseMutation } from './mutations.ts'

const runs = Number(process.env.FUZZ_RUNS ?? 150)
const seed = Number(process.env.FUZZ_SEED ?? 20261123)
const params = { numRuns: runs, seed }
/** Longer runs (FUZZ_RUNS) get more time than vitest's default: about 20 ms a run on a busy machine. */
const timeout = Math.max(30_000, runs * 20)

const FILE = 'startups/exemple.md'
const repoFiches = readdirSync(new URL('../../startups/', import.meta.url)).map((name) => readFileSync(new URL(`../../startups/${name}`, import.meta.url), 'utf8'))
const seeds = [BASE[FILE]!, ...repoFiches]

/** Every diagnostic of `file` is inside it: a real line, a column at most one past the line's end. */
function assertInside(diagnostics: readonly Diagnostic[], text: string, file = FILE): void {
  const lines = text.split('\n')
  for (const d of diagnostics.filter((x) => x.file === file)) {
    expect(d.line, JSON.stringify(d)).toBeGreaterThanOrEqual(1)
    expect(d.line, JSON.stringify(d)).toBeLessThanOrEqual(lines.length)
    expect(d.column, JSON.stringify(d)).toBeGreaterThanOrEqual(1)
    expect(d.column, JSON.stringify(d)).toBeLessThanOrEqual([...lines[d.line - 1]!].length + 1)
    expect(d.message.length).toBeGreaterThan(0)
    expect(d.hint.length).toBeGreaterThan(0)
  }
}

/** The hardening classes: escaped control characters and lone surrogates, long values, huge flow mappings. */
const HOSTILE = [
  '"\\ud800"',
  '"a\\udc00b"',
  '"\\ud83d\\ude80 fusée"',
  '"\\x00"',
  '"\\e[31m"',
  '"\\x85"',
  '"\\x7f"',
  '"a\\rb"',
  '"\\t tab"',
  `"${'a@a.'.repeat(3000)}"`,
  `https://${' '.repeat(5000)}x`,
  'x'.repeat(12_000),
  `{${Array.from({ length: 900 }, (_, i) => `k${i}: ${i}`).join(', ')}}`,
  `[${Array.from({ length: 400 }, (_, i) => `{name: idee, start: 2020-01-01, z${i}: 1}`).join(', ')}]`,
]

/** The base mutations plus the hardening classes: control characters, lone surrogates, long values, huge flow mappings. */
const mutation = fc.oneof(
  baseMutation,
  fc.record({ kind: fc.constant('retype' as const), at: fc.nat(), value: fc.constantFrom(...HOSTILE) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('\u0000', '\u001b', '\u0085', '\u2028', '\ufeff', '\r') }),
)

/** Every key and string in `value` is well-formed UTF-16 without control characters other than tab and newline. */
function expectValidText(value: unknown): void {
  if (typeof value === 'string') {
    expect(value, JSON.stringify(value)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
  } else if (Array.isArray(value)) {
    value.forEach(expectValidText)
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      expectValidText(k)
      expectValidText(v)
    }
  }
}

let accepted = 0
const startupsValidator = createAjv().compile(feedSchema('startups', ''))

describe('fuzzing the pipeline', () => {
  it('never crashes on random text, and locates every diagnostic inside the file', { timeout }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }).map((s) => `---\n${s}\n---\n`)), (text) => {
        const diagnostics = check({ [FILE]: text })
        assertInside(diagnostics, text)
      }),
      params,
    )
  })

  it('never crashes on mutated valid fiches, and every accepted one compiles into a valid feed', { timeout }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seedText, mutations) => {
        const text = mutations.reduce(apply, seedText)
        const diagnostics = check({ [FILE]: text })
        assertInside(diagnostics, text)
        expect(diagnostics.filter((d) => d.file === FILE).length).toBeLessThanOrEqual(MAX_DIAGNOSTICS_PER_FILE + 1)
        // The standards rules never crash either, even on fiches the schema rejects, and locate inside the file.
        const all = sources({ ...BASE, [FILE]: text })
        const { records } = validateRegistry(all, all, DEFAULT_CONFIG)
        const lint = lintRecords(records, DEFAULT_CONFIG, 'fr', '2024-06-01')
        assertInside(lint.diagnostics.filter((d) => d.file === FILE), text)
        if (diagnostics.some((d) => d.severity === 'error')) return
        accepted++
        const standards = feedStandards(lint.records, '2024-06-01', DEFAULT_CONFIG)
        const feed = JSON.parse(buildFeed(records, DEFAULT_CONFIG, { commit: null, standards }).get('api/v1/startups.json')!)
        expect(startupsValidator(feed), JSON.stringify(startupsValidator.errors)).toBe(true)
        const record = records.find((r) => r.file === FILE)!
        const item = feed.startups.find((s: { id: string }) => s.id === 'exemple')
        for (const [key, value] of Object.entries(record.data)) expect(item[key]).toEqual(value)
        expect(item.standards).toEqual(standards.blocks.get('exemple'))
        expect(item.body).toBe(record.body)
        // Valid text only: what an accepted fiche puts in the feed is well-formed, without control characters.
        expectValidText(record.data)
      }),
      params,
    )
  })

  it('never crashes on random bytes at decoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const result = decode(bytes)
        if (typeof result !== 'string') expect(result.offset).toBeGreaterThanOrEqual(0)
      }),
      params,
    )
  })

  it('never pollutes Object.prototype, whatever the keys', () => {
    fc.assert(
      fc.property(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'), fc.constantFrom('{polluted: 1}', '[1]', 'x'), (key, value) => {
        check({ [FILE]: BASE[FILE]!.replace('title: Exemple', `${key}: ${value}\ntitle: Exemple`) })
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
        expect(Object.prototype.toString).toBe(Object.prototype.toString)
      }),
      { ...params, numRuns: Math.min(runs, 20) },
    )
  })
})

describe('the mutation fuzzer', () => {
  it('produced accepted fiches too, so the round-trip property was exercised', () => {
    expect(accepted).toBeGreaterThan(0)
  })
})
