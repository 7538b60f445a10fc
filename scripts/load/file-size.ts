import type { Problem } from '../report/diagnostic.ts'

/**
 * A fiche larger than the configuration allows (`limits.maxFileBytes`), as
 * `file/too-large`: `size` in bytes (UTF-8). Pure, for the read stage and for
 * the editor, which checks a text typed in the browser the same way.
 */
export function fileTooLarge(file: string, size: number, limit: number): Problem | undefined {
  return size > limit ? { file, ruleId: 'file/too-large', offset: 0, data: { size, limit } } : undefined
}
