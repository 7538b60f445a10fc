/** Runs `fn` on every item with at most `limit` calls in flight (file descriptors are finite). */
export async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/** How many file operations the readers and writers keep in flight. */
export const IO_CONCURRENCY = 32
