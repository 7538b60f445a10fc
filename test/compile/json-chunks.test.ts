import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BATCH_ITEMS, jsonChunks, LazyList } from '../../scripts/compile/json-chunks.ts'

const joined = (value: unknown, levels?: number) => [...jsonChunks(value, levels)].join('')
const reference = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

describe('jsonChunks', () => {
  it.each([
    ['an empty object', {}],
    ['an empty array', []],
    ['a scalar', 'é"\\\n\t🚀'],
    ['null', null],
    ['a list envelope', { $schema: 'x', count: 2, startups: [{ id: 'a', body: 'l1\nl2' }, { id: 'b', tags: [] }] }],
    ['nested empties', { a: [], b: {}, c: [{}], d: [[]] }],
    ['keys JSON.stringify skips', { a: undefined, b: 1, c: () => 1 }],
    ['array holes JSON.stringify turns into null', [undefined, 1]],
    ['a __proto__ key', JSON.parse('{"__proto__": {"x": 1}, "y": [1]}')],
  ])('is byte-identical to JSON.stringify for %s', (_, value) => {
    expect(joined(value)).toBe(reference(value))
  })

  it('is byte-identical to JSON.stringify for random JSON values, at every streaming depth', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.integer({ min: 0, max: 4 }), (value, levels) => {
        expect(joined(value, levels)).toBe(reference(value))
      }),
      { numRuns: 300, seed: 7 },
    )
  })

  it('yields a large list in batches of items, never the whole document', () => {
    const doc = { items: Array.from({ length: 1000 }, (_, i) => ({ i, text: 'x'.repeat(100) })) }
    const parts = [...jsonChunks(doc)]
    expect(parts.length).toBeGreaterThan(1000 / BATCH_ITEMS)
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(BATCH_ITEMS * 200)
    expect(parts.join('')).toBe(reference(doc))
  })

  it.each([0, 1, 2, 3])('is byte-identical to JSON.stringify for lists of batch size ± 1 at depth %i', (depth) => {
    for (const length of [BATCH_ITEMS - 1, BATCH_ITEMS, BATCH_ITEMS + 1, 2 * BATCH_ITEMS + 1]) {
      let value: unknown = Array.from({ length }, (_, i) => (i % 3 === 0 ? { i, s: 'a\nb', l: [i, []] } : i % 3 === 1 ? [i, { x: null }] : 'é'))
      for (let d = 0; d < depth; d++) value = d % 2 ? [value] : { key: value }
      expect(joined(value, depth + 1)).toBe(reference(value))
    }
  })
})

describe('LazyList', () => {
  it('serialises like the array it stands for, making each batch of items only when it is written', () => {
    const made: number[] = []
    const length = 3 * BATCH_ITEMS
    const list = new LazyList(length, (i) => {
      made.push(i)
      return { i, text: `item ${i}` }
    })
    const doc = { links: { self: 'x' }, data: list, empty: new LazyList(0, () => 1) }
    const plain = { links: { self: 'x' }, data: Array.from({ length }, (_, i) => ({ i, text: `item ${i}` })), empty: [] }
    const iterator = jsonChunks(doc)[Symbol.iterator]()
    let out = ''
    let checked = false
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      out += next.value
      if (!checked && out.includes('"item 0"')) {
        expect(made).toEqual(Array.from({ length: BATCH_ITEMS }, (_, i) => i))
        checked = true
      }
    }
    expect(checked).toBe(true)
    expect(out).toBe(reference(plain))
    expect(JSON.stringify(doc, null, 2)).toBe(JSON.stringify(plain, null, 2))
  })
})
