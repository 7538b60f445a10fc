/**
 * `registry lint` end to end, and what the standards change for `validate`
 * and `build`: located warnings that never block, a fiche without phases that
 * builds, the ratchet, the formats, configuration, exemptions in the feed.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { feedSchema } from '../../scripts/compile/feed-schema.ts'
import { V2_7_SCHEMAS } from '../../scripts/compile/api-v2-7-schemas.ts'
import { createAjv } from '../../scripts/validate/ajv.ts'
import { cleanTemps, copyRegistry, hasStackTrace, parseReport, run, writeFiles } from './run.ts'

afterAll(cleanTemps)

const EXEMPLE = 'startups/exemple.md'
const read = (root: string, rel: string) => fs.readFileSync(path.join(root, rel), 'utf8')
const edit = (root: string, rel: string, from: string, to: string) => {
  const text = read(root, rel)
  if (!text.includes(from)) throw new Error(`${from} not in ${rel}`)
  fs.writeFileSync(path.join(root, rel), text.replace(from, to))
}
const PHASES = '  - name: investigation\n    start: 2023-01-02\n    end: 2023-06-30\n  - name: construction\n    start: 2023-07-01\n'

describe('validate: the standards fields the schema no longer requires', () => {
  it.each([
    ['contact', 'contact: equipe@exemple.beta.gouv.fr\n', 'contact-missing'],
    ['phases', `phases:\n${PHASES}`, 'phases-missing'],
    ['repository', 'repository: https://github.com/betagouv/exemple\n', 'repository-missing'],
  ])('removing %s gives a located warning and exit 0', async (_field, line, ruleId) => {
    const root = copyRegistry()
    edit(root, EXEMPLE, line, '')
    const r = await run(['validate', '--root', root, '--format', 'json', '--as-of', '2024-06-01'])
    expect(r.code).toBe(0)
    const report = parseReport(r.stdout)
    expect(report.diagnostics.map((d) => [d.file, d.ruleId, d.severity, d.line, d.column])).toEqual([[EXEMPLE, ruleId, 'warning', 1, 1]])
    expect(report.summary.errors).toBe(0)
  })

  it('--max-warnings 0 fails on them, --quiet hides them', async () => {
    const root = copyRegistry()
    edit(root, EXEMPLE, 'contact: equipe@exemple.beta.gouv.fr\n', '')
    const strict = await run(['validate', '--root', root, '--max-warnings', '0'])
    expect(strict.code).toBe(1)
    expect(strict.stderr).toContain('plus que --max-warnings 0')
    expect((await run(['validate', '--root', root, '--max-warnings', '1'])).code).toBe(0)
    const quiet = await run(['validate', '--root', root, '--quiet', '--format', 'json'])
    expect(parseReport(quiet.stdout).diagnostics).toEqual([])
    expect(parseReport(quiet.stdout).summary.warnings).toBe(1)
  })

  it.each([
    [['validate', '--max-warnings', 'beaucoup'], '--max-warnings attend un nombre entier'],
    [['validate', '--as-of', '2024-02-30'], '--as-of attend une date AAAA-MM-JJ qui existe'],
    [['validate', '--online'], '--online ne va qu’avec lint.'],
    [['build', '--fail-on-new'], '--fail-on-new ne va qu’avec lint.'],
  ])('%j is a usage error', async (argv, message) => {
    const r = await run(argv)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
  })
})

describe('build: a fiche without phases', () => {
  it('builds, without current_phase, and every output validates against its schema', async () => {
    const root = copyRegistry()
    edit(root, EXEMPLE, `phases:\n${PHASES}`, '')
    const r = await run(['build', '--root', root, '--as-of', '2024-06-01'])
    expect(r.code).toBe(0)
    const api = (f: string) => JSON.parse(read(root, `dist/api/${f}`))
    const item = api('v1/startups.json').startups.find((s: { id: string }) => s.id === 'exemple')
    expect(item.current_phase).toBeUndefined()
    expect(item.status).toBe('active')
    expect(item.standards.phase).toBeNull()
    const ajv = createAjv()
    for (const name of ['startups', 'startup', 'standards', 'index'] as const) {
      const file = name === 'startup' ? 'v1/startups/exemple.json' : `v1/${name}.json`
      const validate = ajv.compile(feedSchema(name, ''))
      expect(validate(api(file)), `${file} ${JSON.stringify(validate.errors)}`).toBe(true)
    }
    for (const [name, schema] of Object.entries(V2_7_SCHEMAS)) {
      if (name.endsWith('csv')) continue
      const validate = ajv.compile(schema)
      expect(validate(api(`v2.7/${name}.json`)), `${name} ${JSON.stringify(validate.errors)}`).toBe(true)
    }
  })

  it('writes the exemptions and their reasons in the standards block', async () => {
    const root = copyRegistry()
    edit(root, EXEMPLE, 'repository: https://github.com/betagouv/exemple\n', 'standards_exemptions:\n  - rule: repository-missing\n    reason: not-applicable\n    justification: Un service de conseil, sans code.\n')
    expect((await run(['build', '--root', root, '--as-of', '2024-06-01'])).code).toBe(0)
    const item = JSON.parse(read(root, 'dist/api/v1/startups.json')).startups.find((s: { id: string }) => s.id === 'exemple')
    const q = item.standards.categories['qualité-logicielle']
    expect(q).toMatchObject({ applicable: 1, passed: 0, failing: 0, exempt: 1, failing_rules: [] })
    expect(q.checks).toEqual([
      {
        rule: 'repository-missing',
        standards: ['l-open-source-et-les-communs-numeriques-sont-privilegies'],
        evidence: 'field',
        result: 'exempt',
        // What is lacking, in words; the exemption says why it is accepted.
        explanation: "Le produit est en construction, mais la fiche ne donne pas l’adresse de son code source (repository).",
        exemption: { reason: 'not-applicable', justification: 'Un service de conseil, sans code.' },
      },
    ])
    expect(item.standards.categories['équipe'].checks[0].explanation).toMatch(/^(Un comité|La fiche ne montre|La première phase)/)
    const aggregate = JSON.parse(read(root, 'dist/api/v1/standards.json'))
    expect(aggregate).toMatchObject({ catalogue: { version: '2.0' }, as_of: '2024-06-01', online_evidence: false })
    expect(aggregate.rules['repository-missing']).toMatchObject({ applicable: 1, exempt: 1 })
    expect(Object.keys(aggregate.phases)).toEqual(['construction'])
  })
})

describe('registry lint', () => {
  it('reports the standards with a per-category summary, and exits 0 on warnings', async () => {
    const root = copyRegistry()
    const r = await run(['lint', '--root', root, '--as-of', '2024-06-01'])
    expect(r.code).toBe(0)
    expect(hasStackTrace(r)).toBe(false)
    expect(r.stdout).toContain('Par catégorie de standards :')
    expect(r.stdout).toMatch(/Transparence\s+\d+/)
    expect(r.stdout).toContain('body-sections')
    // Labels in the reader's language, never slugs.
    const en = await run(['lint', '--root', root, '--as-of', '2024-06-01', '--lang', 'en'])
    expect(en.stdout).toContain('By standards category:')
    expect(en.stdout).toMatch(/Transparency\s+\d+/)
    expect(en.stdout).not.toMatch(/transparence|qualité-|vie-privée|sécurité|équipe/)
  })

  it('gives the same diagnostics as JSON, SARIF and markdown', async () => {
    const root = copyRegistry()
    const json = parseReport((await run(['lint', '--root', root, '--as-of', '2024-06-01', '--format', 'json'])).stdout)
    expect(json.diagnostics.length).toBeGreaterThan(0)
    expect(json.diagnostics.every((d) => d.severity === 'warning')).toBe(true)
    // In GitHub Actions, the docs are those of the repository and commit checked.
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'exemple/registre', GITHUB_SHA: 'a'.repeat(40) }
    const sarif = JSON.parse((await run(['lint', '--root', root, '--as-of', '2024-06-01', '--format', 'sarif'], { env })).stdout)
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0].results.map((x: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) => [x.ruleId, x.locations[0]!.physicalLocation.region.startLine])).toEqual(json.diagnostics.map((d) => [d.ruleId, d.line]))
    expect(sarif.runs[0].tool.driver.informationUri).toBe('https://github.com/exemple/registre')
    expect(sarif.runs[0].tool.driver.rules.every((rule: { helpUri: string }) => /^https:\/\/github\.com\/exemple\/registre\/blob\/a{40}\/docs\/(rules\/[a-z-]+|regles)\.md$/.test(rule.helpUri))).toBe(true)
    const md = (await run(['lint', '--root', root, '--as-of', '2024-06-01', '--format', 'markdown'], { env })).stdout
    expect(md).toContain('| Catégorie | Avertissements |')
    for (const d of json.diagnostics) expect(md).toContain(`[\`${d.ruleId}\`](https://github.com/exemple/registre/blob/${'a'.repeat(40)}/docs/rules/${d.ruleId}.md)`)
    // The configuration's repositoryUrl wins, at its branch.
    writeFiles(root, { 'registry.config.json': JSON.stringify({ repositoryUrl: 'https://github.com/betagouv/registre', repositoryBranch: 'principale' }) })
    const configured = JSON.parse((await run(['lint', '--root', root, '--as-of', '2024-06-01', '--format', 'sarif'], { env })).stdout)
    expect(configured.runs[0].tool.driver.informationUri).toBe('https://github.com/betagouv/registre')
    expect(configured.runs[0].tool.driver.rules[0].helpUri).toMatch(/^https:\/\/github\.com\/betagouv\/registre\/blob\/principale\/docs\//)
  })

  it('uses the configured severity and options, and refuses bad options', async () => {
    const root = copyRegistry()
    writeFiles(root, { 'registry.config.json': JSON.stringify({ rules: { 'body-sections': 'error', 'mission-too-long': ['warning', { maxLength: 20 }] } }) })
    const r = await run(['lint', '--root', root, '--as-of', '2024-06-01', '--format', 'json'])
    expect(r.code).toBe(1)
    const report = parseReport(r.stdout)
    expect(report.diagnostics.filter((d) => d.ruleId === 'body-sections').every((d) => d.severity === 'error')).toBe(true)
    expect(report.diagnostics.some((d) => d.ruleId === 'mission-too-long')).toBe(true)
    writeFiles(root, { 'registry.config.json': JSON.stringify({ rules: { 'mission-too-long': ['warning', { maxLength: 'court' }] } }) })
    const bad = await run(['lint', '--root', root])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("règle « mission-too-long » : l’option « maxLength » doit être un nombre entier.")
  })

  it('--max-warnings and --quiet apply to lint too; the baseline counts before --max-warnings', async () => {
    const root = copyRegistry()
    const strict = await run(['lint', '--root', root, '--as-of', '2024-06-01', '--max-warnings', '0'])
    expect(strict.code).toBe(1)
    expect(strict.stderr).toContain('plus que --max-warnings 0')
    const quiet = parseReport((await run(['lint', '--root', root, '--as-of', '2024-06-01', '--quiet', '--format', 'json'])).stdout)
    expect(quiet.diagnostics).toEqual([])
    expect(quiet.summary.warnings).toBeGreaterThan(0)
    await run(['lint', '--root', root, '--as-of', '2024-06-01', '--suppress-all'])
    expect((await run(['lint', '--root', root, '--as-of', '2024-06-01', '--max-warnings', '0'])).code).toBe(0)
  })
})

describe('the ratchet', () => {
  it('suppress-all gives 0 new; one added defect gives 1 new and exit 1; fixing and pruning shrinks the baseline', async () => {
    const root = copyRegistry()
    const lint = (...extra: string[]) => run(['lint', '--root', root, '--as-of', '2024-06-01', '--format', 'json', ...extra])
    const before = parseReport((await lint()).stdout).diagnostics
    expect(before.length).toBeGreaterThan(0)

    expect((await lint('--suppress-all')).code).toBe(0)
    const baseline = JSON.parse(read(root, 'registry-suppressions.json'))
    expect(baseline.version).toBe(1)
    const total = (b: { suppressions: Record<string, Record<string, { count: number }>> }) => Object.values(b.suppressions).flatMap((r) => Object.values(r)).reduce((s, x) => s + x.count, 0)
    expect(total(baseline)).toBe(before.length)

    const clean = await lint('--fail-on-new')
    expect(clean.code).toBe(0)
    expect(parseReport(clean.stdout).diagnostics).toEqual([])

    edit(root, EXEMPLE, 'contact: equipe@exemple.beta.gouv.fr', 'contact: camille.martin@gmail.com')
    const added = await lint('--fail-on-new')
    expect(added.code).toBe(1)
    expect(parseReport(added.stdout).diagnostics.map((d) => [d.file, d.ruleId])).toEqual([[EXEMPLE, 'contact-personal']])
    expect(added.stderr).toContain('1 avertissement nouveau par rapport')
    expect((await lint()).code).toBe(0)

    edit(root, EXEMPLE, 'contact: camille.martin@gmail.com', 'contact: equipe@exemple.beta.gouv.fr')
    const fixedOld = before.find((d) => d.file === EXEMPLE && d.ruleId === 'body-sections')!
    edit(root, EXEMPLE, 'Un texte.', '## Contexte\n\nUn problème.\n\n## Solution\n\nUn service.\n\n## Stratégie\n\nUn texte.')
    expect((await lint('--prune-suppressions')).code).toBe(0)
    const pruned = JSON.parse(read(root, 'registry-suppressions.json'))
    expect(total(pruned)).toBeLessThan(total(baseline))
    expect(pruned.suppressions[EXEMPLE]?.[fixedOld.ruleId]).toBeUndefined()

    // Pruning never grows the baseline: a new defect stays new.
    edit(root, EXEMPLE, 'contact: equipe@exemple.beta.gouv.fr', 'contact: camille.martin@gmail.com')
    await lint('--prune-suppressions')
    expect(total(JSON.parse(read(root, 'registry-suppressions.json')))).toBe(total(pruned))
    expect((await lint('--fail-on-new')).code).toBe(1)
  })

  it('refuses a corrupt baseline with a clear message', async () => {
    const root = copyRegistry()
    writeFiles(root, { 'registry-suppressions.json': '{"version": 2}' })
    const r = await run(['lint', '--root', root])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('format inattendu')
  })
})
