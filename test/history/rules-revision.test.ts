// RULES_REVISION (scripts/lint/rules-version.ts) tags the trends and the change reports with the
// rule set that computed them; it must be raised by hand when a standards rule's check changes.
// This test makes that a decision rather than something forgotten: it fails when the sources of
// the rules (and of what runs them) change while the revision stays the same.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { RULES_REVISION } from '../../scripts/history/past-standards.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const RULES_DIR = 'scripts/lint/rules'
/** What decides an outcome besides the rules themselves. */
const ALSO = ['scripts/lint/run-rules.ts', 'scripts/lint/kit.ts', 'scripts/lint/phase.ts', 'scripts/lint/exemptions.ts', 'scripts/history/vocabulary.ts']

/**
 * The revision and the digest of the sources it was recorded for. Raised to 2 by issue 26: the
 * standards rules follow docs/standards.md's policy (ended products, live, committees, accessibility,
 * body sections, repositories, evidence links, contacts, phases), so their outcomes changed.
 */
// Kept at 2 by issue 21: a misspelt key no longer doubles as a missing field's diagnostic (outcomes
// unchanged: the standard still fails), frontmatter-in-body is also reported by validate, words only.
// Raised to 3 by issue 21's vocabulary fix: history read transfer as transfere and success as
// consolidation, where the bot commits made most of them perennisation (then consolidation) and
// transfere; past fiches' outcomes change, so trends computed before must not be reused.
// Kept at 3 by issue 25: vocabulary-case and repository-not-forge declare the fields of the other
// fiches they read (registryFields, what the editor ships of them); what they report is unchanged.
// Raised to 4 on 2026-12-08: body-sections no longer reads « suite » in a long lead-in as what comes
// next (« La Suite contient… : »), so a fiche like suite-numerique's fails again; its message also
// changed its wording (« la suite (…) » instead of « la suite : … »).
const RECORDED = { revision: 4, digest: 'b90114919e0a0276' }

function sourcesDigest(): string {
  const files = [...fs.readdirSync(path.join(ROOT, RULES_DIR)).filter((f) => f.endsWith('.ts')).sort().map((f) => `${RULES_DIR}/${f}`), ...ALSO]
  const hash = createHash('sha256')
  // Line endings normalised: a checkout with CRLF is the same source.
  for (const file of files) hash.update(`${file}\0${fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\r\n/g, '\n')}\0`)
  return hash.digest('hex').slice(0, 16)
}

describe('RULES_REVISION', () => {
  it('is raised, or consciously kept, when the standards rules change', () => {
    const digest = sourcesDigest()
    const advice =
      `The sources of the standards rules changed (digest ${digest}). If what a rule reports changed, raise RULES_REVISION in ` +
      `scripts/lint/rules-version.ts (trends computed before are then labelled with another rule set); in any case, record ` +
      `{ revision: RULES_REVISION, digest: '${digest}' } as RECORDED in test/history/rules-revision.test.ts.`
    expect({ revision: RULES_REVISION, digest }, advice).toEqual(RECORDED)
  })
})
