import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COLLECTIONS, DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { parseRecord, type ParsedRecord } from '../../scripts/load/parse-record.ts'
import { readRecords } from '../../scripts/load/read-records.ts'
import { runRules } from '../../scripts/lint/run-rules.ts'
import type { Problem } from '../../scripts/report/diagnostic.ts'
import { pointerOffsets } from '../../scripts/report/finalize.ts'
import { lineSpan } from '../../scripts/report/line-spans.ts'
import { pointerMap, type NodeSpan } from '../../scripts/report/locate.ts'
import { checkRecords, parseSources } from '../../scripts/validate/validate-registry.ts'
import { apply, mutation } from '../fuzz/mutations.ts'
import { record } from '../lint/rule-tester.ts'

const maps = new WeakMap<ParsedRecord, Map<string, NodeSpan>>()

/** Where finalize's pointer map (a re-parse of the YAML) puts a pointer: the reference. */
function reference(r: ParsedRecord, pointer: string, target?: 'key' | 'value'): [number, number] {
  let map = maps.get(r)
  if (!map) maps.set(r, (map = pointerMap(r.text.slice(r.yamlStart, r.yamlEnd))))
  return pointerOffsets(pointer, target, r.text, r.yamlStart, map)
}

/** Every pointer of a record (and a missing field at each level), with both targets: [pointer, target]. */
function pointers(r: ParsedRecord): [string, 'key' | 'value'][] {
  const all = [...pointerMap(r.text.slice(r.yamlStart, r.yamlEnd)).keys()].filter((p) => p !== '' && !p.includes('\u0000'))
  const missing = ['/absent', ...all.map((p) => `${p}/absent`), ...all.map((p) => `${p}/0`)]
  return [...all, ...missing].flatMap((p) => [[p, 'key'], [p, 'value']] as [string, 'key' | 'value'][])
}

/** Compares the line locator with the reference on every pointer of `r`; returns how many it located itself. */
function compareAll(r: ParsedRecord, label: string): number {
  let located = 0
  for (const [pointer, target] of pointers(r)) {
    const span = lineSpan(r, pointer, target)
    if (!span) continue
    expect(span, `${label} ${pointer} (${target})`).toEqual(reference(r, pointer, target))
    located++
  }
  return located
}

const located = (r: ParsedRecord, pointer: string, target?: 'key' | 'value') => lineSpan(r, pointer, target)

describe('lineSpan (locating pointers from the lines, without a re-parse)', () => {
  const text = [
    '---',
    'title: Exemple',
    "mission: '  Une mission entre guillemets '",
    'incubator: dinum # un commentaire',
    'contact: "equipe@exemple.fr"',
    'link: https://exemple.fr   ',
    'repository:',
    '  https://github.com/betagouv/exemple',
    'usertypes: [particulier, Entreprise,  collectivité ]',
    'thematiques:',
    '  - Santé',
    '  - "Emploi"',
    "  - 'Social d''abord'",
    'techno:',
    '- typescript',
    '- Node.js   ',
    'sponsors: ["/organisations/a", b]',
    'budget_url: >',
    '  https://exemple.fr/budget',
    'events:',
    '  - name: committee',
    '    date: 2024-01-01',
    'fast: [a, [b]]',
    'contact_dinum:',
    '  - x # commentaire',
    '  - y',
    'phases:',
    '  - name: investigation',
    '    start: 2023-01-02',
    '    end: 2023-06-30',
    '  - start: 2023-07-01',
    '    name: construction   ',
    '    comment: >',
    '      plié',
    'acronym: "é\\"t\\u00e9"',
    'short_description: \u00a0espace insécable\u00a0',
    '---',
    'Texte.',
    '',
  ].join('\n')
  const r = record('startups/exemple.md', text)

  it('lands where the pointer map puts every pointer it locates', () => {
    expect(compareAll(r, 'exemple')).toBeGreaterThan(40)
  })

  it('locates the shapes fiches are written in, and defers the others to the pointer map', () => {
    const at = (pointer: string, target?: 'key' | 'value') => {
      const span = located(r, pointer, target)
      return span && text.slice(span[0], span[1])
    }
    expect(at('/title')).toBe('Exemple')
    expect(at('/incubator')).toBe('dinum')
    expect(at('/link')).toBe('https://exemple.fr')
    expect(at('/mission')).toBe("'  Une mission entre guillemets '")
    expect(at('/acronym')).toBe('"é\\"t\\u00e9"')
    expect(at('/short_description')).toBe('\u00a0espace insécable\u00a0')
    expect(at('/repository', 'key')).toBe('repository')
    expect(at('/absent')).toBe('---')
    expect(at('/usertypes/2')).toBe('collectivité')
    expect(at('/thematiques/2')).toBe("'Social d''abord'")
    expect(at('/techno/1')).toBe('Node.js')
    expect(at('/phases/1/name')).toBe('construction')
    expect(at('/phases/0/end')).toBe('2023-06-30')
    expect(at('/phases/1/comment', 'key')).toBe('comment')
    expect(at('/events/0/date')).toBe('2024-01-01')
    expect(at('/contact_dinum/0')).toBe('x')
    // A value on the next lines, a folded value, a flow list with quotes or nesting, an item that is a mapping.
    for (const pointer of ['/repository', '/budget_url', '/sponsors/1', '/fast/0', '/phases/1/comment', '/phases/1', '/events/0']) expect(at(pointer), pointer).toBeUndefined()
  })

  it('defers a plain value that goes on after a blank line, and a field whose value goes on below', () => {
    const r2 = record('startups/b.md', ['---', 'title: Exemple', '', '  suite', 'phases:', '  - name: investigation', '    comment: un', '      deux', '    start: 2023-01-01', '---', ''].join('\n'))
    expect(r2.data.title).toBe('Exemple\nsuite')
    expect(located(r2, '/title')).toBeUndefined()
    expect(located(r2, '/phases/0/comment')).toBeUndefined()
    expect(located(r2, '/phases/0/name')).toBeDefined()
    compareAll(r2, 'b')
  })

  it('defers everything in a CRLF fiche or one whose root is not a block mapping at column 0', () => {
    const crlf = record('startups/c.md', '---\r\ntitle: Exemple\r\ntechno:\r\n  - a\r\n---\r\n')
    const flow = record('startups/d.md', '---\n{title: Exemple,\n  techno: [a]}\n---\n')
    for (const r3 of [crlf, flow]) {
      for (const pointer of ['/title', '/techno/0']) expect(located(r3, pointer)).toBeUndefined()
      compareAll(r3, r3.file)
    }
  })

  it('agrees with the pointer map on mutated fiches', () => {
    const base = readFileSync(new URL('../fixtures/good/startups/exemple.md', import.meta.url), 'utf8')
    let compared = 0
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const text2 = ms.reduce(apply, base)
        const { record: r4 } = parseRecord({ file: 'startups/m.md', collection: 'startups', id: 'm', text: text2 }, DEFAULT_CONFIG.limits)
        if (r4) compared += compareAll(r4, JSON.stringify(ms))
      }),
      { numRuns: 300, seed: 14 },
    )
    expect(compared).toBeGreaterThan(1000)
  })
})

/** Every problem the validation and the standards rules find in a registry, and its records. */
async function problemsOf(root: string): Promise<{ problems: Problem[]; records: ParsedRecord[] }> {
  const read = await readRecords(root, DEFAULT_CONFIG)
  const { records, problems } = parseSources(read.sources, DEFAULT_CONFIG)
  problems.push(...checkRecords(records, read.entries, DEFAULT_CONFIG), ...runRules(records, { config: DEFAULT_CONFIG, asOf: '2026-01-01' }).problems)
  return { problems, records }
}

describe("the fixtures' diagnostics", () => {
  it('are placed by the line locator exactly where the pointer map places them', async () => {
    const fixtures = new URL('../fixtures/', import.meta.url).pathname
    const roots = [`${fixtures}good`, ...readdirSync(`${fixtures}bad`).map((d) => `${fixtures}bad/${d}`)]
    let compared = 0
    let deferred = 0
    for (const root of roots) {
      const { problems, records } = await problemsOf(root)
      const byFile = new Map(records.map((r) => [r.file, r]))
      for (const p of problems) {
        const r = byFile.get(p.file)
        if (!r || p.offset !== undefined || p.path === undefined) continue
        const span = lineSpan(r, p.path, p.target)
        if (!span) {
          deferred++
          continue
        }
        expect(span, `${root} ${p.file} ${p.ruleId} ${p.path}`).toEqual(reference(r, p.path, p.target))
        compared++
      }
    }
    expect(compared).toBeGreaterThan(20)
    expect(compared).toBeGreaterThan(deferred)
  })
})

describe('the real corpus (opt-in: ../shared)', () => {
  it('has every pointer the line locator finds where the pointer map puts it', () => {
    const root = new URL('../../../shared/corpus/beta.gouv.fr/content/', import.meta.url)
    let names: string[]
    try {
      names = readdirSync(root)
    } catch {
      return // no corpus beside the checkout
    }
    let compared = 0
    for (const folder of names.filter((n) => n.startsWith('_'))) {
      for (const name of readdirSync(new URL(`${folder}/`, root)).filter((f) => f.endsWith('.md'))) {
        const collection = COLLECTIONS.find((c) => folder.includes(c.slice(0, 5))) ?? 'startups'
        const { record: r } = parseRecord({ file: `${collection}/${name}`, collection, id: name.slice(0, -3), text: readFileSync(new URL(`${folder}/${name}`, root), 'utf8') }, DEFAULT_CONFIG.limits)
        if (r) compared += compareAll(r, name)
      }
    }
    expect(compared).toBeGreaterThan(20000)
  })
})
