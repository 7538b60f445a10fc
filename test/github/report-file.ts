// Report data for the comment workflow's tests (schemas/report.schema.json).

/** Report data with one error in startups/exemple.md (schemas/report.schema.json). */
export function reportFile(message: string) {
  const empty = { total: 0, items: [] }
  const item = { file: 'startups/exemple.md', line: 4, column: 12, endLine: 4, endColumn: 17, ruleId: 'ref/unknown-incubator', severity: 'error', message, hint: 'Écrivez l’identifiant d’un incubateur existant.' }
  return {
    version: 1,
    base: 'origin/main',
    changed: ['startups/exemple.md'],
    summary: { files: 5, errors: 1, warnings: 0 },
    byRule: [{ ruleId: 'ref/unknown-incubator', severity: 'error', changed: 1, other: 0 }],
    groups: { changedErrors: { total: 1, items: [item] }, changedWarnings: empty, otherErrors: empty, otherWarnings: empty },
    lint: null,
  }
}
