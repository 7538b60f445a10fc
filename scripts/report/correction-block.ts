/**
 * A correction shown in markdown as a ```diff block: the lines before (`-`)
 * and after (`+`). The lines are fiche text, so the block must stay inert: a
 * fenced code block shows its content as text (no link, mention, HTML or
 * markup; GitHub skips `<pre>` when it looks for references), and nothing in
 * it can close it, because its fence is longer than any run of backticks in
 * the lines (CommonMark: a closing fence is at least as long as the opening
 * one). Controls and bidirectional characters become U+FFFD, as everywhere.
 * Pure.
 */
import type { Correction } from './report-data.ts'
import { visibleLine } from './inert-markdown.ts'

/** The correction as a fenced `diff` block, on lines of its own. */
export function correctionBlock(correction: Pick<Correction, 'before' | 'after'>): string {
  const lines = [...correction.before.map((l) => `-${visibleLine(l)}`), ...correction.after.map((l) => `+${visibleLine(l)}`)]
  let longest = 0
  for (const line of lines) for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return [`${fence}diff`, ...lines, fence].join('\n')
}
