import { describe, expect, it } from 'vitest'
import { mapBounded } from '../../../scripts/lint/online/pool.ts'

/** Work that finishes when the test says, recording what runs at once. */
function gate() {
  const running = new Set<string>()
  let max = 0
  const maxByGroup = new Map<string, number>()
  const work = async (item: string): Promise<string> => {
    running.add(item)
    max = Math.max(max, running.size)
    const group = item[0]!
    const inGroup = [...running].filter((r) => r[0] === group).length
    maxByGroup.set(group, Math.max(maxByGroup.get(group) ?? 0, inGroup))
    await new Promise((resolve) => setImmediate(resolve))
    running.delete(item)
    return item.toUpperCase()
  }
  return { work, max: () => max, maxByGroup }
}

describe('mapBounded', () => {
  it('keeps the order of the items and the global limit', async () => {
    const g = gate()
    const items = ['a1', 'a2', 'b1', 'c1', 'a3', 'b2']
    expect(await mapBounded(items, 3, g.work)).toEqual(items.map((i) => i.toUpperCase()))
    expect(g.max()).toBe(3)
  })

  it('keeps the limit per group, and lets other groups pass a busy one', async () => {
    const g = gate()
    const items = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2']
    await mapBounded(items, 4, g.work, { groupOf: (i) => i[0]!, perGroup: 1 })
    expect(g.maxByGroup).toEqual(new Map([['a', 1], ['b', 1]]))
    expect(g.max()).toBe(2)
  })

  it('many items on one busy group are scheduled without rescanning them (linear work)', async () => {
    let calls = 0
    const items = Array.from({ length: 50_000 }, (_, i) => (i % 1000 === 0 ? `b${i}` : `a${i}`))
    let scans = 0
    const results = await mapBounded(items, 8, async (i) => {
      calls++
      return i.length
    }, { groupOf: (i) => (scans++, i[0]!), perGroup: 2 })
    expect(calls).toBe(items.length)
    expect(results[49_999]).toBe('a49999'.length)
    expect(scans).toBe(items.length) // each item's group is asked once
  })

  it('resolves at once without items, and rejects when work rejects', async () => {
    expect(await mapBounded([], 4, async () => 1)).toEqual([])
    await expect(mapBounded([1, 2], 1, async (n) => { if (n === 2) throw new Error('boom'); return n })).rejects.toThrow('boom')
  })
})
