import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareBytes } from '../../scripts/load/byte-order.ts'

/** The definition: code point by code point (a lone surrogate counts as its own code point). */
function byCodePoints(a: string, b: string): number {
  const ca = [...a].map((c) => c.codePointAt(0)!)
  const cb = [...b].map((c) => c.codePointAt(0)!)
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) if (ca[i] !== cb[i]) return ca[i]! - cb[i]!
  return ca.length - cb.length
}

describe('compareBytes', () => {
  it.each([
    ['a', 'b', -1],
    ['a', 'a.md', -1],
    ['Z', 'a', -1],
    ['é', 'z', 1],
    ['\uffff', '🚀', -1],
    ['\ue000', '\ud83d\ude80', -1],
    ['x\ud83d', 'x\ud83d\ude80', -1],
    ['\ud83d\udc00', '\ud83d\ue000', 1],
    ['same', 'same', 0],
    ['\ud800🚀', '𐊀', -1],
  ])('orders %j and %j', (a, b, sign) => {
    expect(Math.sign(compareBytes(a, b))).toBe(sign)
    expect(Math.sign(compareBytes(b, a)) || 0).toBe(-sign || 0)
  })

  it('is the UTF-8 byte order for well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareBytes(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))))
      }),
      { numRuns: 3000, seed: 3 },
    )
  })

  it('is the code point order for any string, lone surrogates included', () => {
    const units = fc.string({ unit: fc.constantFrom('a', 'é', '\ud83d', '\ude80', '\udc00', '\ue000', '\uffff', '\ud800'), maxLength: 6 })
    fc.assert(
      fc.property(units, units, (a, b) => {
        expect(Math.sign(compareBytes(a, b))).toBe(Math.sign(byCodePoints(a, b)))
      }),
      { numRuns: 5000, seed: 5 },
    )
  })
})
