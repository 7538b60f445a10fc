import { describe, expect, it } from 'vitest'
import { compareFile, compareRecords, compareValues, type Difference } from '../../scripts/compat/compare.ts'
import { explain, KNOWN_DIFFERENCES, legacyCsvLine } from '../../scripts/compat/differences.ts'
import { classify, formatReport, isCompatible, preview } from '../../scripts/compat/report.ts'

const where = { file: 'startups.json', section: 'data', record: 'x' } as const
const kinds = (ds: Difference[]) => ds.map((d) => [d.kind, d.path])

describe('compareValues', () => {
  it('finds nothing between equal values, whatever their nesting', () => {
    expect(compareValues({ a: [1, { b: 'c' }], d: null }, { a: [1, { b: 'c' }], d: null }, where)).toEqual([])
  })

  it('reports changed, missing and extra values with a JSON pointer', () => {
    const ds = compareValues({ a: 1, b: { 'c/d': 'x' }, l: [1, 2] }, { a: 2, b: {}, e: true, l: [1, 2, 3] }, where)
    expect(kinds(ds)).toEqual([
      ['changed', '/a'],
      ['missing', '/b/c~1d'],
      ['extra', '/l/2'],
      ['extra', '/e'],
    ])
    expect(ds[0]).toMatchObject({ expected: 1, actual: 2 })
  })

  it('tells a type change apart: "1" is not 1, [] is not {}', () => {
    expect(kinds(compareValues({ a: '1', b: [] }, { a: 1, b: {} }, where))).toEqual([
      ['changed', '/a'],
      ['changed', '/b'],
    ])
  })

  it('reports the key order when the keys are the same', () => {
    const ds = compareValues({ a: 1, b: 2 }, { b: 2, a: 1 }, where)
    expect(ds).toEqual([{ ...where, path: '', kind: 'key-order', expected: ['a', 'b'], actual: ['b', 'a'] }])
  })
})

describe('compareRecords', () => {
  it('matches records by key, counts equal and different ones, and reports the record order', () => {
    const { count, differences } = compareRecords(
      'organisations.json',
      'organisations',
      [['a', 1], ['b', 2], ['c', 3]],
      [['b', 2], ['a', 1], ['d', 4]],
    )
    expect(count).toEqual({ section: 'organisations', compared: 4, equal: 2, different: 2 })
    expect(differences.map((d) => [d.kind, d.record])).toEqual([
      ['missing', 'c'],
      ['extra', 'd'],
      ['record-order', ''],
    ])
  })
})

const startups = (data: unknown[], self = 'https://beta.gouv.fr/startups') => JSON.stringify({ links: { self }, data, included: [] })

describe('compareFile', () => {
  it('compares startups.json record by record after parsing, whatever the layout', () => {
    const reference = `{ "links": { "self": "https://beta.gouv.fr/startups" }\n, "data": [ { "id": "a", "type": "startup" } ], "included": [] }`
    const c = compareFile('startups.json', reference, startups([{ id: 'a', type: 'startup' }]))
    expect(c.differences).toEqual([])
    expect(c.sections).toEqual([
      { section: 'data', compared: 1, equal: 1, different: 0 },
      { section: 'included', compared: 0, equal: 0, different: 0 },
      { section: '(racine)', compared: 1, equal: 1, different: 0 },
    ])
  })

  it('reports a difference in the envelope (links.self)', () => {
    const c = compareFile('startups.json', startups([]), startups([], '/startups'))
    expect(c.differences).toMatchObject([{ section: '(racine)', path: '/links/self', kind: 'changed', expected: 'https://beta.gouv.fr/startups', actual: '/startups' }])
  })

  it('keys incubators.json and sponsors.json by their object keys, organisations.json by id', () => {
    expect(compareFile('incubators.json', '{"a": {"startups": []}, "b": {}}', '{"b": {}, "a": {"startups": []}}').differences.map((d) => d.kind)).toEqual(['record-order'])
    const orgs = compareFile('organisations.json', '[{"id": "x", "name": "L&#39;A"}]', `[{"id": "x", "name": "L'A"}]`)
    expect(orgs.differences).toMatchObject([{ record: 'x', path: '/name', expected: 'L&#39;A', actual: "L'A" }])
    expect(compareFile('sponsors.json', '{"x": {"acronym": null}}', '{"x": {"acronym": ""}}').differences).toMatchObject([{ record: 'x', path: '/acronym', expected: null, actual: '' }])
  })

  it('reports a file that does not parse, on either side', () => {
    expect(compareFile('sponsors.json', '{"a": "tab\there"}', '{}').differences).toMatchObject([{ kind: 'invalid', expected: expect.any(String) }])
    expect(compareFile('startups.csv', 'a;b\n', 'a;"b\n').differences).toMatchObject([{ kind: 'invalid', actual: expect.any(String) }])
    expect(compareFile('startups.json', '[]', '[]').differences).toMatchObject([{ kind: 'changed', expected: 'structure attendue' }])
  })

  it('compares CSV rows by id, column by column, and empty lines apart', () => {
    const header = 'id;name;mission;start;status;incubator;stats;link;repository;accessibility;contact;incubators'
    const reference = `${header}\n\na;"A";"M";2024-01-01;construction;dinum;null;;null;"";a@b.fr;"dinum"\nb;"B";"M";2024-01-01;construction;dinum;null;https://b.fr;x;y;"";b@b.fr;"dinum"\n\n`
    const ours = `${header}\na;"A";"M2";2024-01-01;construction;dinum;null;;null;"";a@b.fr;"dinum"\nb;"B";"M";2024-01-01;construction;dinum;null;https://b.fr;"x;y";"";b@b.fr;"dinum"\n`
    const c = compareFile('startups.csv', reference, ours)
    expect(c.sections).toEqual([
      { section: 'en-tête', compared: 1, equal: 1, different: 0 },
      { section: 'startups', compared: 2, equal: 0, different: 2 },
      { section: 'lignes vides', compared: 2, equal: 0, different: 2 },
    ])
    expect(c.differences.map((d) => [d.section, d.record, d.path, d.kind])).toEqual([
      ['startups', 'a', 'mission', 'changed'],
      ['startups', 'b', '', 'changed'],
      ['lignes vides', 'ligne 2', '', 'missing'],
      ['lignes vides', 'ligne 5', '', 'missing'],
    ])
    // The broken row and the empty lines are documented differences; the changed mission is not.
    expect(c.differences.map((d) => explain(d)?.id)).toEqual([undefined, 'csv-field-escaping', 'csv-blank-lines', 'csv-blank-lines'])
  })
})

describe('documented differences', () => {
  it('have unique ids, a file, a summary and a reason', () => {
    expect(new Set(KNOWN_DIFFERENCES.map((k) => k.id)).size).toBe(KNOWN_DIFFERENCES.length)
    for (const k of KNOWN_DIFFERENCES) {
      expect(k.id).toMatch(/^[a-z0-9-]+$/)
      expect(k.summary.length).toBeGreaterThan(20)
      expect(k.reason.length).toBeGreaterThan(20)
    }
  })

  it('renders a row the way the current template does: four columns quoted, nothing escaped', () => {
    expect(legacyCsvLine(['a', 'b;c', 'd"e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n'])).toBe('a;"b;c";"d"e";f;g;h;i;j;k;"l";m;"n"')
  })

  it('csv-field-escaping explains a row only when the old template would give exactly the reference row', () => {
    const ours = ['a', 'A', 'M', '2024-01-01', 'construction', 'dinum', 'null', 'https://x.fr/a;b', 'null', '', 'a@b.fr', 'dinum']
    const broken = ['a', 'A', 'M', '2024-01-01', 'construction', 'dinum', 'null', 'https://x.fr/a', 'b', 'null', '', 'a@b.fr', 'dinum']
    const d = (expected: string[]): Difference => ({ file: 'startups.csv', section: 'startups', record: 'a', path: '', kind: 'changed', expected, actual: ours })
    expect(explain(d(broken))?.id).toBe('csv-field-escaping')
    expect(explain(d(broken.map((f) => (f === 'M' ? 'Autre' : f))))).toBeUndefined()
    expect(explain({ ...d(broken), file: 'startups.json' })).toBeUndefined()
  })

  it('csv-formula explains a field written with an apostrophe only when the reference field starts like a formula', () => {
    const header = 'id;name\n'
    const c = compareFile('startups.csv', `${header}a;=1+1\nb;x\n`, `${header}a;"'=1+1"\nb;'x\n`)
    expect(c.differences.map((x) => [x.record, x.path, explain(x)?.id])).toEqual([
      ['a', 'name', 'csv-formula'],
      ['b', 'name', undefined],
    ])
  })
})

describe('report', () => {
  const header = 'id;name\n'
  const comparisons = [
    classify(compareFile('sponsors.json', '{"x": {"name": "A"}}', '{"x": {"name": "A"}}')),
    classify(compareFile('startups.csv', `${header}\nx;"A"\n`, `${header}x;A\n`)),
  ]

  it('counts records per file and lists documented differences by id', () => {
    const input = { corpus: 'corpus', reference: 'ref', fiches: { read: 3, parsed: 3, errors: 1, warnings: 2 }, comparisons, schemaErrors: [] }
    expect(isCompatible(input)).toBe(true)
    const text = formatReport(input)
    expect(text).toContain('3 fiches lues, 3 compilées ; validation : 1 erreur, 2 avertissements')
    expect(text).toMatch(/✓ sponsors\.json\n {4}organisations +1 comparés +1 égaux +0 différents/)
    expect(text).toContain('≈ startups.csv')
    expect(text).toContain('différence voulue csv-blank-lines : 1 fois')
    expect(text).toContain('Différences non documentées : 0')
    expect(text).toContain('→ Compatible')
  })

  it('shows the first undocumented differences and says incompatible', () => {
    const bad = classify(compareFile('sponsors.json', '{"x": {"name": "A"}, "y": {}}', '{"x": {"name": "B"}}'))
    const input = { corpus: 'c', reference: 'r', fiches: { read: 1, parsed: 1, errors: 0, warnings: 0 }, comparisons: [bad], schemaErrors: [], limit: 1 }
    expect(isCompatible(input)).toBe(false)
    const text = formatReport(input)
    expect(text).toContain('✗ sponsors.json')
    expect(text).toContain('2 différences non documentées (les 1 premières) :')
    expect(text).toContain('organisations › x › /name : référence "A", nous "B"')
    expect(text).not.toContain('› y ›')
    expect(text).toContain('→ Incompatible')
  })

  it('fails on an output that breaks its schema', () => {
    expect(isCompatible({ comparisons, schemaErrors: [{ file: 'sponsors.json', errors: ['/x must be object'] }] })).toBe(false)
  })

  it('shortens long values', () => {
    expect(preview('x'.repeat(500), 20)).toHaveLength(20)
    expect(preview(undefined)).toBe('(absent)')
  })
})
