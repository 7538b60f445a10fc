/**
 * A fix shown as people read a correction: the whole lines it touches,
 * before and after (the PR comment's `diff` block, `registry fix --dry-run`).
 * Invisible characters are named (`⟨U+200B⟩`), or a line that loses one would
 * look unchanged. Pure.
 */
import type { Fix } from './diagnostic.ts'

export interface FixLines {
  /** The first line touched (1-based, in the text before). */
  line: number
  before: string[]
  after: string[]
}

/** The lines of `text` that `fix` touches, before and after it; carriage returns dropped. */
export function fixLines(text: string, fix: Fix): FixLines {
  const [start, end] = fix.range
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const next = text.indexOf('\n', Math.max(end, start))
  const lineEnd = next === -1 ? text.length : next
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < lineStart; i = text.indexOf('\n', i + 1)) line++
  const lines = (s: string) => s.split('\n').map((l) => reveal(l.replace(/\r$/, '')))
  return { line, before: lines(text.slice(lineStart, lineEnd)), after: lines(text.slice(lineStart, start) + fix.text + text.slice(end, lineEnd)) }
}

const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g

/** Invisible characters written as their code point. */
export function reveal(line: string): string {
  return line.replace(INVISIBLE, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`)
}
