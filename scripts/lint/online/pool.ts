/**
 * Runs `work` over `items` with at most `limit` calls in flight, and at most
 * `perGroup` in flight for items of the same group (the same host: a
 * politeness limit), and returns the results in the items' order. A task
 * starts only when a slot of its group is free, so waiting for a busy host
 * never eats into a task's own time limits.
 */
export interface Grouping<T> {
  groupOf: (item: T) => string
  perGroup: number
}

export function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  grouping?: Grouping<T>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  const lanes = Math.max(1, Math.floor(limit) || 1)
  const perGroup = grouping ? Math.max(1, Math.floor(grouping.perGroup) || 1) : Infinity
  const groups = items.map((item) => (grouping ? grouping.groupOf(item) : ''))
  const pending = items.map((_, index) => index)
  const active = new Map<string, number>()
  let running = 0
  return new Promise((resolve, reject) => {
    let failed = false
    const pump = (): void => {
      if (failed) return
      if (pending.length === 0 && running === 0) return resolve(results)
      for (let i = 0; i < pending.length && running < lanes; ) {
        const index = pending[i]!
        const group = groups[index]!
        const busy = active.get(group) ?? 0
        if (busy >= perGroup) {
          i++
          continue
        }
        pending.splice(i, 1)
        running++
        active.set(group, busy + 1)
        work(items[index]!).then(
          (result) => {
            results[index] = result
            running--
            active.set(group, active.get(group)! - 1)
            pump()
          },
          (error: unknown) => {
            failed = true
            reject(error)
          },
        )
      }
    }
    pump()
  })
}
