/**
 * Time spent per stage of a job, for the benchmark (the API's `timings` option).
 * The jobs add to it when it is given; nothing is measured otherwise.
 */
export class Timings {
  readonly totals: Record<string, number> = {}

  add(stage: string, ms: number): void {
    this.totals[stage] = (this.totals[stage] ?? 0) + ms
  }

  measure<T>(stage: string, fn: () => T): T {
    const start = performance.now()
    try {
      return fn()
    } finally {
      this.add(stage, performance.now() - start)
    }
  }

  async measureAsync<T>(stage: string, fn: () => Promise<T>): Promise<T> {
    const start = performance.now()
    try {
      return await fn()
    } finally {
      this.add(stage, performance.now() - start)
    }
  }

  /** An iterable whose production time (each `next()`) counts for `stage`. */
  *timed<T>(stage: string, items: Iterable<T>): Generator<T> {
    const iterator = items[Symbol.iterator]()
    for (;;) {
      const start = performance.now()
      const next = iterator.next()
      this.add(stage, performance.now() - start)
      if (next.done) return
      yield next.value
    }
  }
}
