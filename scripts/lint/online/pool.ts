/**
 * Runs `work` over `items` with at most `limit` calls in flight, and at most
 * `perGroup` in flight for items of the same group (the same host: a
 * politeness limit), and returns the results in the items' order. A task
 * starts only when a slot of its group is free, so waiting for a busy host
 * never eats into a task's own time limits. Groups take turns; each start
 * and each end costs constant time, however many items share a group.
 */
export interface Grouping<T> {
  groupOf: (item: T) => string
  perGroup: number
}

interface Group {
  pending: number[]
  next: number
  active: number
  ready: boolean
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
  const groups = new Map<string, Group>()
  const ready: Group[] = [] // groups with pending items and a free slot, in turn
  let readyHead = 0
  for (let index = 0; index < items.length; index++) {
    const key = grouping ? grouping.groupOf(items[index]!) : ''
    let group = groups.get(key)
    if (!group) {
      group = { pending: [], next: 0, active: 0, ready: true }
      groups.set(key, group)
      ready.push(group)
    }
    group.pending.push(index)
  }
  const hasWork = (g: Group): boolean => g.next < g.pending.length && g.active < perGroup
  let running = 0
  let finished = 0
  return new Promise((resolve, reject) => {
    let failed = false
    const pump = (): void => {
      while (!failed && running < lanes && readyHead < ready.length) {
        const group = ready[readyHead++]!
        group.ready = false
        const index = group.pending[group.next++]!
        group.active++
        running++
        if (hasWork(group)) {
          group.ready = true
          ready.push(group)
        }
        work(items[index]!).then(
          (result) => {
            results[index] = result
            running--
            finished++
            group.active--
            if (!group.ready && hasWork(group)) {
              group.ready = true
              ready.push(group)
            }
            if (finished === items.length) resolve(results)
            else pump()
          },
          (error: unknown) => {
            failed = true
            reject(error)
          },
        )
      }
    }
    if (items.length === 0) resolve(results)
    else pump()
  })
}
