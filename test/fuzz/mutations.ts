// Mutations of valid fiches for the fuzz tests (pipeline.test.ts, fast-yaml.test.ts): each
// deletes, duplicates, retypes, corrupts, inserts into or re-indents one line.
import fc from 'fast-check'

export const VALUES = ['', "''", '0', '-1', '3.5', 'true', 'null', '~', '[]', '{}', '[a, b]', '{a: 1}', '2023-02-30', '2024-13-01', '"\\u0000"', '"é\\t\\n"', '&a x', '*a', '!!js/function f', '<<: *a', "'unterminated", '"', '- x', ': :', '|\n  bloc', '>-\n  plié', '🚀', 'ج', '\u202e', '__proto__', 'constructor']

export const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), at: fc.nat(), value: fc.constantFrom(...VALUES) }),
  fc.record({ kind: fc.constant('corrupt-key' as const), at: fc.nat(), char: fc.constantFrom('x', ' ', ':', '\t', '-', '#', '"', '\u00a0') }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 8 }) }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
)
export type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never

export function apply(text: string, m: Mutation): string {
  const lines = text.split('\n')
  const i = m.at % lines.length
  switch (m.kind) {
    case 'delete-line':
      lines.splice(i, 1)
      return lines.join('\n')
    case 'duplicate-line':
      lines.splice(i, 0, lines[i]!)
      return lines.join('\n')
    case 'retype': {
      const line = lines[i]!
      const colon = line.indexOf(':')
      lines[i] = colon === -1 ? `${line} ${m.value}` : `${line.slice(0, colon + 1)} ${m.value}`
      return lines.join('\n')
    }
    case 'corrupt-key': {
      const line = lines[i]!
      const pos = line.length === 0 ? 0 : m.at % line.length
      lines[i] = line.slice(0, pos) + m.char + line.slice(pos)
      return lines.join('\n')
    }
    case 'insert': {
      const pos = m.at % (text.length + 1)
      return text.slice(0, pos) + m.text + text.slice(pos)
    }
    case 'indent':
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '')
      return lines.join('\n')
  }
}
