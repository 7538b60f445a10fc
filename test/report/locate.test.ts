/**
 * Where a JSON Pointer sits in a YAML text (pointerMap), and offsets → line
 * and column (LineIndex, columns in characters). Each row gives the key and
 * the value as [line, column, text covered].
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapePointer, findSpan, LineIndex, parentPointer, pointerMap } from '../../scripts/report/locate.ts'

type At = [number, number, string]

/** The key and value spans of a pointer, as [line, column, covered text]. */
function spanOf(yaml: string, pointer: string): { key?: At; value: At } | undefined {
  const span = pointerMap(yaml).get(pointer)
  if (!span) return undefined
  const lines = new LineIndex(yaml)
  const at = (start: number, end: number): At => {
    const { line, column } = lines.position(start)
    return [line, column, yaml.slice(start, end)]
  }
  return span.keyStart === undefined ? { value: at(span.start, span.end) } : { key: at(span.keyStart, span.keyEnd!), value: at(span.start, span.end) }
}

describe('pointerMap', () => {
  it.each([
    ['a plain value', 'title: Exemple\n', '/title', { key: [1, 1, 'title'], value: [1, 8, 'Exemple'] }],
    ['a single-quoted empty value (quotes included)', "a: 1\nlink: ''\n", '/link', { key: [2, 1, 'link'], value: [2, 7, "''"] }],
    ['a double-quoted value', 'a: "x y"\n', '/a', { key: [1, 1, 'a'], value: [1, 4, '"x y"'] }],
    ['a single-quoted key (quotes included)', "'quoted key': v\n", '/quoted key', { key: [1, 1, "'quoted key'"], value: [1, 15, 'v'] }],
    ['a double-quoted key with a / (escaped ~1)', '"a/b": 1\n', '/a~1b', { key: [1, 1, '"a/b"'], value: [1, 8, '1'] }],
    ['a key with a ~ (escaped ~0)', 'a~b: 1\n', '/a~0b', { key: [1, 1, 'a~b'], value: [1, 6, '1'] }],
    ['an empty value: the key', 'link:\ntitle: x\n', '/link', { key: [1, 1, 'link'], value: [1, 1, 'link'] }],
    ['an empty value in a nested mapping: its key', 'fast:\n  promotion:\n', '/fast/promotion', { key: [2, 3, 'promotion'], value: [2, 3, 'promotion'] }],
    ['an item after an empty item', 'list:\n  -\n  - b\n', '/list/1', { value: [3, 5, 'b'] }],
    ['a flow sequence (at its bracket)', 'flow: [a, "b", {c: d}]\n', '/flow', { key: [1, 1, 'flow'], value: [1, 7, ''] }],
    ['a flow sequence item', 'flow: [a, "b", {c: d}]\n', '/flow/0', { value: [1, 8, 'a'] }],
    ['a quoted flow sequence item', 'flow: [a, "b", {c: d}]\n', '/flow/1', { value: [1, 11, '"b"'] }],
    ['a flow mapping in a flow sequence', 'flow: [a, "b", {c: d}]\n', '/flow/2', { value: [1, 16, ''] }],
    ['a flow mapping member', 'flow: [a, "b", {c: d}]\n', '/flow/2/c', { key: [1, 17, 'c'], value: [1, 20, 'd'] }],
    ['an empty flow sequence', 'sponsors: []\n', '/sponsors', { key: [1, 1, 'sponsors'], value: [1, 11, ''] }],
    ['a block mapping (at its first key)', 'fast:\n  promotion: 15\n', '/fast', { key: [1, 1, 'fast'], value: [2, 3, ''] }],
    ['a nested member', 'fast:\n  promotion: 15\n', '/fast/promotion', { key: [2, 3, 'promotion'], value: [2, 14, '15'] }],
    ['a mapping in a block sequence (after the dash)', 'phases:\n  - name: x\n    start: 2023-01-02\n', '/phases/0', { value: [2, 5, ''] }],
    ['a member of a mapping in a sequence', 'phases:\n  - name: x\n    start: 2023-01-02\n', '/phases/0/start', { key: [3, 5, 'start'], value: [3, 12, '2023-01-02'] }],
    ['accents count as one column', 'nom: Île\n', '/nom', { key: [1, 1, 'nom'], value: [1, 6, 'Île'] }],
    ['an emoji counts as one column', 'emoji: [😀, é, x]\n', '/emoji/2', { value: [1, 15, 'x'] }],
    ['after a literal block', 'a: |\n  ligne 1\n  ligne 2\nb: 1\n', '/b', { key: [4, 1, 'b'], value: [4, 4, '1'] }],
    ['an alias (at the *)', 'a: &x 1\nb: *x\n', '/b', { key: [2, 1, 'b'], value: [2, 4, '*x'] }],
    ['after a complex key', '? [a, b]\n: c\nd: 1\n', '/d', { key: [3, 1, 'd'], value: [3, 4, '1'] }],
    ['a field not overwritten by a complex key that contains it', 'title: Exemple\n? {title: x}\n: y\n', '/title', { key: [1, 1, 'title'], value: [1, 8, 'Exemple'] }],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n', '/b', { key: [2, 1, 'b'], value: [2, 4, '2'] }],
    ['the root mapping', 'a: 1\n', '', { value: [1, 1, ''] }],
    ['the root mapping after a comment', '# note\na: 1\n', '', { value: [2, 1, ''] }],
  ] as [string, string, string, ReturnType<typeof spanOf>][])('%s', (_case, yaml, pointer, expected) => {
    expect(spanOf(yaml, pointer)).toEqual(expected)
  })

  it.each([
    ['an empty list item has no place of its own (its list key is used)', 'list:\n  -\n  - b\n', '/list/0'],
    ['a pointer that does not exist', 'a: 1\n', '/b'],
    ['a member of a complex key is not a member of the mapping', '? [a, b]\n: c\n', '/0'],
  ])('%s', (_case, yaml, pointer) => {
    expect(pointerMap(yaml).has(pointer)).toBe(false)
  })

  it('gives an empty map for YAML it cannot parse', () => {
    expect(pointerMap('a: [\n').size).toBe(0)
  })

  it('lists every pointer of a small document', () => {
    expect([...pointerMap('a: 1\nb:\n  - x\n  - c: 2\n').keys()]).toEqual(['', '/a', '/b', '/b/0', '/b/1', '/b/1/c'])
  })
})

describe('LineIndex', () => {
  // a b \n | c d \n | \n | É é 😀 x \r \n | y
  // 0 1 2    3 4 5    6    7 8 9,10 11 12 13  14
  const text = 'ab\ncd\n\nÉé😀x\r\ny'
  const index = new LineIndex(text)
  it.each([
    [0, 1, 1],
    [1, 1, 2],
    [2, 1, 3], // the \n itself ends its line
    [3, 2, 1],
    [6, 3, 1], // an empty line
    [7, 4, 1],
    [8, 4, 2], // after É
    [9, 4, 3], // after é
    [11, 4, 4], // after the emoji (two UTF-16 units, one column)
    [12, 4, 5], // the \r of a CRLF line end
    [14, 5, 1],
    [15, 5, 2], // the end of the text
    [100, 5, 2], // clamped to the end
    [-5, 1, 1], // clamped to the start
  ])('offset %i → line %i, column %i', (offset, line, column) => {
    expect(index.position(offset)).toEqual({ line, column })
  })

  it('places offset 0 of an empty text at 1:1', () => {
    expect(new LineIndex('').position(0)).toEqual({ line: 1, column: 1 })
  })

  it('scans only as far as asked, and answers the same in any order of offsets (lazy line starts)', () => {
    // Lines of every kind (empty, CRLF, astral characters, one longer than a column block), offsets asked backwards and at random.
    const long = `${'é😀'.repeat(400)}x`
    const sample = ['ab', '', 'cd\r', long, '😀', '', 'fin'].join('\n')
    const eager = (o: number) => {
      const before = sample.slice(0, Math.max(0, Math.min(o, sample.length)))
      const line = before.split('\n').length
      const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1
      return { line, column }
    }
    const offsets = Array.from({ length: sample.length + 3 }, (_, i) => i - 1)
    const backwards = new LineIndex(sample)
    for (const o of [...offsets].reverse()) expect(backwards.position(o), `offset ${o}`).toEqual(eager(o))
    const shuffled = new LineIndex(sample)
    for (const o of [...offsets].sort((a, b) => ((a * 7919) % 101) - ((b * 7919) % 101))) expect(shuffled.position(o), `offset ${o}`).toEqual(eager(o))
  })
})

describe('pointer helpers', () => {
  it.each([
    ['a/b', 'a~1b'],
    ['a~b', 'a~0b'],
    ['~/', '~0~1'],
    ['plain', 'plain'],
  ])('escapePointer(%j) = %j', (key, escaped) => {
    expect(escapePointer(key)).toBe(escaped)
  })

  it.each([
    ['', undefined],
    ['/a', ''],
    ['/a/0/b', '/a/0'],
    ['/a~1b/c', '/a~1b'],
  ])('parentPointer(%j) = %j', (pointer, parent) => {
    expect(parentPointer(pointer)).toBe(parent)
  })

  const map = pointerMap('a:\n  b: 1\n')
  it.each([
    ['/a/b', '/a/b', true],
    ['/a/c', '/a', false],
    ['/x/y', '', false],
  ])('findSpan(%j) finds %j (exact: %s)', (pointer, found, exact) => {
    expect(findSpan(map, pointer)).toEqual({ span: map.get(found), exact })
  })

  it('finds nothing in an empty map', () => {
    expect(findSpan(new Map(), '/a')).toEqual({ exact: false })
  })
})

describe('LineIndex on long lines', () => {
  // Long lines use precomputed columns every 256 code units: the result is the
  // same as counting the code points from the start of the line, pairs that
  // straddle a block boundary and lone surrogates included.
  it('gives the same column as counting the characters from the start of the line', () => {
    const unit = fc.oneof({ arbitrary: fc.constant('\n'), weight: 1 }, { arbitrary: fc.constantFrom('a', 'é', '🚀', '\ud800', '\udc00', '中'), weight: 300 })
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 1500 }).map((a) => a.join('')), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (text, offsets) => {
        const index = new LineIndex(text)
        for (const raw of offsets) {
          const offset = raw % (text.length + 1)
          const lineStart = text.lastIndexOf('\n', offset - 1) + 1
          const line = text.slice(0, offset).split('\n').length
          expect(index.position(offset)).toEqual({ line, column: [...text.slice(lineStart, offset)].length + 1 })
        }
      }),
      { numRuns: 300, seed: 8 },
    )
  })
})
