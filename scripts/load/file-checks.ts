import type { Problem } from '../report/diagnostic.ts'

/*
 * What the read stage says of a fiche from its name and size alone, as pure
 * functions: for read-records.ts, and for the editor, which checks a text
 * typed in the browser as if it were that file.
 */

/**
 * A fiche larger than the configuration allows (`limits.maxFileBytes`), as
 * `file/too-large`: `size` in bytes (UTF-8).
 */
export function fileTooLarge(file: string, size: number, limit: number): Problem | undefined {
  return size > limit ? { file, ruleId: 'file/too-large', offset: 0, data: { size, limit } } : undefined
}

/** A fiche whose name does not end in `.md` (still read, as the fiche named by the whole name): `file/extension`. */
export function missingExtension(file: string): Problem | undefined {
  const name = file.slice(file.lastIndexOf('/') + 1)
  return name.endsWith('.md') ? undefined : { file, ruleId: 'file/extension', severity: 'warning', offset: 0, data: { id: name } }
}
