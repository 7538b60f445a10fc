import type { Timings } from '../registry/timings.ts'

/** What a command may touch of the process: given by bin/registry.mjs, faked by tests. */
export interface Io {
  stdout: (s: string) => void
  stderr: (s: string) => void
  env: Record<string, string | undefined>
  cwd: string
  isTTY: boolean
  /** At a terminal: asks a question and returns the answer (registry new asks for what is not given). */
  ask?: (question: string) => Promise<string>
  /** When given, commands add the time of each stage to it (the benchmark does). */
  timings?: Timings
}

export { UsageError } from '../errors.ts'

/** Exit code shared by validate and lint: errors, --strict, --max-warnings. */
export function exitCode(summary: { errors: number; warnings: number }, options: { strict: boolean; maxWarnings?: number }): number {
  if (summary.errors > 0) return 1
  if (options.strict && summary.warnings > 0) return 1
  if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) return 1
  return 0
}

/** The message when --max-warnings is exceeded (stderr). */
export function tooManyWarnings(warnings: number, max: number, lang: 'fr' | 'en'): string {
  return lang === 'fr' ? `${warnings} avertissements, plus que --max-warnings ${max}.\n` : `${warnings} warnings, more than --max-warnings ${max}.\n`
}
