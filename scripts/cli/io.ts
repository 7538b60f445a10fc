import type { Timings } from './timings.ts'

/** What a command may touch of the process: given by bin/registry.mjs, faked by tests. */
export interface Io {
  stdout: (s: string) => void
  stderr: (s: string) => void
  env: Record<string, string | undefined>
  cwd: string
  isTTY: boolean
  /** When given, commands add the time of each stage to it (the benchmark does). */
  timings?: Timings
}

export class UsageError extends Error {}
