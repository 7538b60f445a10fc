import { visibleLine } from '../inert-markdown.ts'
import { isLintRule } from '../messages.ts'
import type { Fix } from '../diagnostic.ts'
import { docsLink, type Formatter } from './formatter.ts'

/**
 * SARIF 2.1.0 for GitHub code scanning (no cap on annotations): one run, the
 * rules that occur as its driver's rules, one result per diagnostic.
 */
export const sarif: Formatter = (diagnostics, ctx) => {
  const RULES = ctx.rules.rules
  const ids = [...new Set(diagnostics.map((d) => d.ruleId))].sort()
  const index = new Map(ids.map((id, i) => [id, i]))
  // The repository's address and its rules' docs when known (both optional in SARIF): never an invented one.
  const repository = ctx.repository
  const help = (id: string) => (repository ? { helpUri: docsLink(repository, isLintRule(ctx.rules, id) ? `rules/${id}.md` : 'regles.md') } : {})
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'registry',
            ...(repository ? { informationUri: repository.url } : {}),
            rules: ids.map((id) => ({
              id,
              shortDescription: { text: RULES[id]?.description ?? id },
              ...help(id),
              defaultConfiguration: { level: RULES[id]?.severity === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        results: diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: index.get(d.ruleId),
          level: d.severity === 'error' ? 'error' : 'warning',
          message: { text: sarifText(`${d.message} → ${d.hint}`) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file },
                region: { startLine: d.line, startColumn: d.column, endLine: Math.max(d.endLine, d.line), endColumn: d.endLine > d.line || d.endColumn > d.column ? d.endColumn : d.column + 1 },
              },
            },
          ],
          ...(d.fix && { fixes: [sarifFix(d.file, d.fix, d.hint)] }),
        })),
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

/**
 * A diagnostic's fix as a SARIF fix (§3.55): one replacement in the file,
 * its deleted region given by character offsets (SARIF counts UTF-16 code
 * units by default, as the fix's offsets do).
 */
function sarifFix(file: string, fix: Fix, hint: string) {
  const [start, end] = fix.range
  return {
    description: { text: sarifText(hint) },
    artifactChanges: [{ artifactLocation: { uri: file }, replacements: [{ deletedRegion: { charOffset: start, charLength: end - start }, insertedContent: { text: fix.text } }] }],
  }
}

/**
 * A SARIF plain-text message (§3.11.3): its only markup is the embedded link
 * `[text](target)` (§3.11.6), which code scanning turns into a link, so
 * brackets and backslashes from a value are escaped as the specification
 * says; controls and bidirectional characters become U+FFFD, as in markdown.
 */
export function sarifText(s: string): string {
  return visibleLine(s).replace(/[\\[\]]/g, '\\$&')
}
