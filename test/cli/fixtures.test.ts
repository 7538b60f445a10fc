/**
 * Whole-file fixtures: each folder of test/fixtures/bad is a tiny complete
 * registry (one organisation, one incubator, one valid startup) plus one bad
 * startup fiche named after the case. The CLI must report exactly the
 * expected defects, in that fiche only, without a stack trace.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BAD, cleanTemps, copyRegistry, GOOD, hasStackTrace, parseReport, run } from './run.ts'

type Expected = { ruleId: string; line: number; column: number; /** The text found at line:column in the fixture. */ at: string }

const CASES: [name: string, expected: Expected[]][] = [
  // mission: Objectif: simplifier… — the second ": " makes a nested mapping.
  ['yaml-syntax', [{ ruleId: 'yaml/syntax', line: 3, column: 18, at: ': simplifier' }]],
  ['no-frontmatter', [{ ruleId: 'frontmatter/missing', line: 1, column: 1, at: '# Sans en-tête' }]],
  ['unterminated-frontmatter', [{ ruleId: 'frontmatter/unterminated', line: 1, column: 1, at: '---' }]],
  [
    'wrong-types',
    [
      { ruleId: 'schema/type', line: 5, column: 11, at: '/organisations/dinum' },
      { ruleId: 'schema/type', line: 7, column: 8, at: 'oui' },
    ],
  ],
  ['unknown-key', [{ ruleId: 'schema/unknown-key', line: 6, column: 1, at: 'reposiroty:' }]],
  ['impossible-date', [{ ruleId: 'schema/format', line: 8, column: 12, at: '2023-02-30' }]],
  ['unknown-phase', [{ ruleId: 'schema/enum', line: 9, column: 11, at: 'beta' }]],
  ['unknown-incubator', [{ ruleId: 'ref/unknown-incubator', line: 4, column: 12, at: 'dinun' }]],
  ['unknown-sponsor', [{ ruleId: 'ref/unknown-sponsor', line: 7, column: 5, at: '/organisations/ministere-inexistant' }]],
  ['phases-out-of-order', [{ ruleId: 'phases/order', line: 11, column: 12, at: '2022-07-01' }]],
]

const badFile = (name: string) => `startups/${name}.md`

/** The text of a fiche from `line:column` (1-based, columns in code points). */
function textAt(file: string, line: number, column: number): string {
  const l = fs.readFileSync(file, 'utf8').split('\n')[line - 1] ?? ''
  return [...l].slice(column - 1).join('')
}

afterAll(cleanTemps)

describe('the fixtures themselves', () => {
  it('has one folder per case, each a complete registry with exactly one bad fiche', () => {
    expect(fs.readdirSync(BAD).sort()).toEqual(CASES.map(([name]) => name).sort())
    for (const [name] of CASES) {
      const dir = path.join(BAD, name)
      expect(fs.readdirSync(dir).sort(), name).toEqual(['incubators', 'organisations', 'startups'])
      expect(fs.readdirSync(path.join(dir, 'startups')).sort(), name).toEqual(['exemple.md', `${name}.md`].sort())
      // The valid files are the good registry's files, unchanged.
      for (const rel of ['organisations/dinum.md', 'incubators/dinum.md', 'startups/exemple.md']) {
        expect(fs.readFileSync(path.join(dir, rel), 'utf8'), `${name}/${rel}`).toBe(fs.readFileSync(path.join(GOOD, rel), 'utf8'))
      }
    }
  })

  it.each(CASES)('%s: each expected position points at the defect in the fiche', (name, expected) => {
    for (const e of expected) {
      expect(textAt(path.join(BAD, name, badFile(name)), e.line, e.column).startsWith(e.at), `${e.ruleId} at ${e.line}:${e.column}`).toBe(true)
    }
  })
})

describe('validate on the good fixture', () => {
  it('exits 0 with no diagnostic', async () => {
    const r = await run(['validate', '--root', GOOD, '--format', 'json'])
    expect(r.code).toBe(0)
    expect(parseReport(r.stdout)).toEqual({ diagnostics: [], summary: { files: 3, errors: 0, warnings: 0 } })
    expect(r.stderr).toBe('')
  })
})

describe('validate on each bad fixture', () => {
  it.each(CASES)('%s', async (name, expected) => {
    const r = await run(['validate', '--root', path.join(BAD, name), '--format', 'json'])
    expect(r.code).toBe(1)
    expect(hasStackTrace(r)).toBe(false)
    expect(r.stderr).toBe('')
    const report = parseReport(r.stdout)
    expect(report.diagnostics.map((d) => ({ ruleId: d.ruleId, line: d.line, column: d.column }))).toEqual(expected.map(({ ruleId, line, column }) => ({ ruleId, line, column })))
    // Only the bad fiche is reported: the valid organisation, incubator and startup stay clean.
    expect(new Set(report.diagnostics.map((d) => d.file))).toEqual(new Set([badFile(name)]))
    expect(report.diagnostics.every((d) => d.severity === 'error' && d.message !== '' && d.hint !== '')).toBe(true)
    expect(report.summary).toEqual({ files: 4, errors: expected.length, warnings: 0 })
  })
})

describe('one bad fiche never hides the others', () => {
  it('reports both bad fiches of a registry that also holds a good one', async () => {
    const root = copyRegistry()
    for (const name of ['yaml-syntax', 'unknown-incubator']) {
      fs.copyFileSync(path.join(BAD, name, badFile(name)), path.join(root, badFile(name)))
    }
    const r = await run(['validate', '--root', root, '--format', 'json'])
    expect(r.code).toBe(1)
    const report = parseReport(r.stdout)
    expect(report.diagnostics.map((d) => [d.file, d.ruleId, d.line, d.column])).toEqual([
      ['startups/unknown-incubator.md', 'ref/unknown-incubator', 4, 12],
      ['startups/yaml-syntax.md', 'yaml/syntax', 3, 18],
    ])
    expect(report.summary).toEqual({ files: 5, errors: 2, warnings: 0 })
  })

  it('reports every defect when all the bad fiches sit in one registry', async () => {
    const root = copyRegistry()
    for (const [name] of CASES) fs.copyFileSync(path.join(BAD, name, badFile(name)), path.join(root, badFile(name)))
    const r = await run(['validate', '--root', root, '--format', 'json'])
    expect(r.code).toBe(1)
    expect(hasStackTrace(r)).toBe(false)
    const report = parseReport(r.stdout)
    const expected = CASES.flatMap(([name, list]) => list.map((e) => [badFile(name), e.ruleId, e.line, e.column]))
      .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0))
    expect(report.diagnostics.map((d) => [d.file, d.ruleId, d.line, d.column])).toEqual(expected)
    expect(report.summary).toEqual({ files: 3 + CASES.length, errors: expected.length, warnings: 0 })
  })
})
