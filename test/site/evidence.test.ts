/** The online evidence on the site, page by page, from hand-made evidence (pure; the browser test runs the real thing). */
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import type { SiteContext, StandardsAggregate, StartupItem } from '../../scripts/site/context.ts'
import { declaredAndProven, declaredAndProvenTable, evidenceSection, evidenceSummary, startupEvidence } from '../../scripts/site/evidence.ts'
import { evidenceMain } from '../../scripts/site/pages/evidence.ts'
import { runOf, runs, WEEK } from '../evidence/helpers.ts'

const S = 'https://exemple.beta.gouv.fr'
const item = (fields: Record<string, unknown>): StartupItem => ({ id: 'exemple', file: 'startups/exemple.md', title: 'Exemple', incubator_ids: [], sponsor_ids: [], status: 'active', body: '', ...fields })
const evidence = runs([
  runOf(WEEK[0]!, [['url', S, 'ok'], ['url', `${S}/stats`, 'ok'], ['repository', 'https://github.com/a/b', 'ok']]),
  runOf(WEEK[1]!, [['url', S, 'ok'], ['url', `${S}/stats`, 'dead', { status: 404 }], ['repository', 'https://github.com/a/b', 'repo-archived']]),
])
const context = (extra: Partial<SiteContext> = {}) => ({ config: DEFAULT_CONFIG, evidence, startups: [], ...extra }) as unknown as SiteContext

describe('a startup’s evidence', () => {
  it('lists the checked fields in a fiche’s order, each with its evidence; an address not checked yet has none', () => {
    const s = item({ repository: 'https://github.com/a/b', link: S, stats_url: ` ${S}/stats `, budget_url: `${S}/budget`, dashlord_url: 'pas une adresse' })
    expect(startupEvidence(context(), s).map((f) => [f.field, f.url, f.target?.result ?? null])).toEqual([
      ['link', S, 'ok'],
      ['stats_url', `${S}/stats`, 'dead'],
      ['budget_url', `${S}/budget`, null],
      ['repository', 'https://github.com/a/b', 'repo-archived'],
    ])
  })

  it('leaves out a link reserved to agents, and the fields of a rule turned off', () => {
    const config = { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, 'repository-unavailable': 'off' as const } }
    const s = item({ link: S, is_private_url: true, repository: 'https://github.com/a/b' })
    expect(startupEvidence(context({ config }), s)).toEqual([])
  })

  it.each([
    [[], 'none'],
    [[['url', S, 'ok']], 'holds'],
    [[['url', S, 'ok'], ['url', `${S}/stats`, 'dead']], 'fails'],
  ] as const)('summary of %j: %s', (entries, tone) => {
    const e = runs([runOf(WEEK[0]!, entries.map(([k, u, o]) => [k, u, o] as const) as never)])
    expect(evidenceSummary(startupEvidence(context({ evidence: e }), item({ link: S, stats_url: `${S}/stats` }))).tone).toBe(tone)
  })

  it('the section says what was found and when, what to do, and escapes what comes from the fiche', () => {
    const text = evidenceSection(context(), item({ link: S, stats_url: `${S}/stats`, budget_url: `${S}/"><script>alert(1)</script>` }), 'startups/exemple/').value
    expect(text).toContain('La page répond : vérifié le 14 septembre 2026.')
    expect(text).toContain('Page introuvable depuis le 14 septembre 2026 : le serveur répond « page introuvable » (erreur 404).')
    expect(text).toContain('<strong>Que faire :</strong> Si la page a déménagé')
    expect(text).toContain('Cette adresse n’était pas dans la fiche à la dernière vérification (le 14 septembre 2026)')
    expect(text).not.toContain('<script>')
    expect(text).toContain('href="../../preuves/"')
  })

  it('without evidence, or without any address, the section says so', () => {
    expect(evidenceSection(context({ evidence: undefined }), item({ link: S }), 'startups/exemple/').value).toContain('Les preuves en ligne n’ont pas été vérifiées pour cette compilation.')
    expect(evidenceSection(context(), item({}), 'startups/exemple/').value).toContain('La fiche ne donne aucune adresse à vérifier en ligne')
  })
})

describe('the standards page counts declared and verified online apart', () => {
  it('per category, from the rules’ evidence kind', () => {
    const counts = (applicable: number, passed: number) => ({ applicable, passed, failing: applicable - passed, exempt: 0 })
    const agg = { rules: {
      'stats-missing': { category: 'transparence', evidence: 'field', standards: [], ...counts(10, 8) },
      'budget-missing': { category: 'transparence', evidence: 'field', standards: [], ...counts(10, 5) },
      'page-unreachable': { category: 'transparence', evidence: 'online', standards: [], ...counts(12, 9) },
      'contact-missing': { category: 'équipe', evidence: 'field', standards: [], ...counts(3, 3) },
    } } as unknown as StandardsAggregate
    expect(declaredAndProven(agg)).toEqual([
      ['transparence', { declared: counts(20, 13), proven: counts(12, 9) }],
      ['équipe', { declared: counts(3, 3), proven: counts(0, 0) }],
    ])
  })

  it('with online evidence, a column of what was verified online (a category without online rule says so); without, one column and one sentence', () => {
    const counts = (applicable: number, passed: number) => ({ applicable, passed, failing: applicable - passed, exempt: 0 })
    const rules = {
      'page-unreachable': { category: 'transparence', evidence: 'online', standards: [], ...counts(12, 9) },
      'contact-missing': { category: 'équipe', evidence: 'field', standards: [], ...counts(3, 3) },
    }
    const proven = declaredAndProvenTable({ rules, online_evidence: { checked_at: '2026-12-07' } } as unknown as StandardsAggregate, 'standards/').value
    expect(proven).toContain('<th scope="col">Vérifiées en ligne</th>')
    expect(proven).toContain('9/12 (75 %)')
    expect(proven).toContain('aucune vérification en ligne dans cette catégorie')
    const declared = declaredAndProvenTable({ rules } as unknown as StandardsAggregate, 'standards/').value
    expect(declared).not.toContain('Vérifiées en ligne</th>')
    expect(declared).toContain('Ce site a été compilé sans preuves en ligne')
    expect(declared.match(/<tr>/g)).toHaveLength(3)
  })
})

describe('the online evidence page', () => {
  it('without evidence, says the build had none', () => {
    expect(evidenceMain(context({ evidence: undefined })).value).toContain('Les preuves en ligne n’ont pas été vérifiées pour cette compilation')
  })
})
