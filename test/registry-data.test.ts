// The repository's own fiches: valid without a single warning, covering every
// phase, and compiling into a feed that matches its published schemas.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildFeed } from '../scripts/compile/build-feed.ts'
import { runRules } from '../scripts/lint/run-rules.ts'
import { feedStandards } from '../scripts/compile/feed-standards.ts'
import { FEED_FILES, feedSchema } from '../scripts/compile/feed-schema.ts'
import { DEFAULT_CONFIG } from '../scripts/load/config.ts'
import { readRecords } from '../scripts/load/read-records.ts'
import { createAjv, FICHE_SCHEMAS } from '../scripts/validate/ajv.ts'
import { validateRegistry } from '../scripts/validate/validate-registry.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

describe("the repository's registry", async () => {
  const read = await readRecords(root, DEFAULT_CONFIG)
  const { records, problems } = validateRegistry(read.sources, read.entries, DEFAULT_CONFIG)

  it('has no error and no warning', () => {
    expect([...read.problems, ...problems]).toEqual([])
  })

  it('has at least 8 startups, 6 organisations and 3 incubators', () => {
    const count = (c: string) => records.filter((r) => r.collection === c).length
    expect(count('startups')).toBeGreaterThanOrEqual(8)
    expect(count('organisations')).toBeGreaterThanOrEqual(6)
    expect(count('incubators')).toBeGreaterThanOrEqual(3)
  })

  it('has a startup currently in every phase', () => {
    const current = new Set(records.filter((r) => r.collection === 'startups').map((r) => (r.data.phases as { name: string }[]).at(-1)!.name))
    expect([...current].sort()).toEqual([...FICHE_SCHEMAS.startups.$defs.phase.properties.name.enum].sort())
  })

  it('has the "Produits @ beta.gouv.fr" fiche', () => {
    const fiche = records.find((r) => r.file === 'startups/produits-beta-gouv-fr.md')
    expect(fiche?.data).toMatchObject({ title: 'Produits @ beta.gouv.fr', incubator: 'dinum', contact: 'transverse@beta.gouv.fr', phases: [{ name: 'investigation', start: '2022-01-01' }] })
  })

  it.each(FEED_FILES)('compiles %s valid against its published schema', (name) => {
    const standards = feedStandards(runRules(records, { config: DEFAULT_CONFIG, asOf: '2026-01-01' }).records, '2026-01-01', DEFAULT_CONFIG)
    const files = buildFeed(records, DEFAULT_CONFIG, { commit: null, standards })
    const validate = createAjv().compile(feedSchema(name, ''))
    const targets = name === 'startup' ? [...files.keys()].filter((k) => k.startsWith('api/v1/startups/')) : [`api/v1/${name}.json`]
    expect(targets.length).toBeGreaterThan(0)
    for (const target of targets) expect(validate(JSON.parse(files.get(target)!)), `${target} ${JSON.stringify(validate.errors)}`).toBe(true)
  })
})
