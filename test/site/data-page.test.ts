/**
 * donnees/, the readable API page, made from the contract: every published
 * file with its fields (type, description, example), the vocabularies with
 * their meanings and renames, code examples; no script, no inline style.
 */
import { describe, expect, it } from 'vitest'
import { feedFiles } from '../../scripts/compile/build-feed.ts'
import { ENDPOINTS } from '../../scripts/compile/openapi.ts'
import { VOCABULARIES } from '../../scripts/compile/vocabularies.ts'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { runRules } from '../../scripts/lint/run-rules.ts'
import { feedStandards } from '../../scripts/compile/feed-standards.ts'
import { escapeHtml } from '../../scripts/site/html.ts'
import { frenchDate } from '../../scripts/site/components.ts'
import { API_VERSION, CONTRACT_RELEASED } from '../../scripts/compile/feed-schema.ts'
import { dataMain } from '../../scripts/site/pages/data.ts'
import { siteContext } from '../../scripts/site/site.ts'
import { validateRegistry } from '../../scripts/validate/validate-registry.ts'
import { sources } from '../helpers.ts'
import { SITE_FILES } from './site-fixture.ts'
import type { EvidenceFile } from '../../scripts/evidence/types.ts'
import { runOf, runs, WEEK } from '../evidence/helpers.ts'

const AS_OF = '2026-11-01'

/** A small evidence file: api/v1/evidence.json is published (and presented) only with one. */
const EVIDENCE = runs([runOf(WEEK[0]!, [['url', 'https://exemple.beta.gouv.fr/', 'ok']])])

function page(history: boolean, siteUrl = 'https://registre.example.org', evidence?: EvidenceFile) {
  const config = { ...DEFAULT_CONFIG, siteUrl }
  const srcs = sources(SITE_FILES)
  const { records } = validateRegistry(srcs, srcs, config)
  const lint = runRules(records, { config, asOf: AS_OF })
  const standards = feedStandards(lint.records, AS_OF, config)
  const extra: [string, string][] = history ? [['api/v1/changes.json', '{}'], ['api/v1/changes.atom', '<feed/>'], ['api/v1/trends.json', '{"snapshots": []}']] : []
  const dataFiles = [...feedFiles(records, config, { commit: null, standards, extra, asOf: AS_OF, ...(evidence ? { evidence } : {}) })].map(([file]) => file)
  return String(dataMain(siteContext({ records, config, standards, problems: lint.problems, extra, asOf: AS_OF, dataFiles, ...(evidence ? { evidence } : {}) })))
}

describe('the data page', () => {
  const text = page(true, undefined, EVIDENCE)

  it('presents every file of the contract, grouped by API, each with its schema', () => {
    for (const e of ENDPOINTS) expect(text, e.path).toContain(`id="${e.operationId}"`)
    for (const id of ['api-v1', 'api-v3', 'api-v2-7', 'api-contrat']) expect(text).toContain(`id="${id}"`)
    expect(text).toContain('href="../api/v3/schemas/startup.schema.json"')
    expect(text).toContain('href="../api/openapi.json"')
    // The contract's version and its day, written for readers (« du 7 décembre 2026 », not 2026-12-07).
    expect(text).toContain(`(OpenAPI 3.1, version ${API_VERSION} du <time datetime="${CONTRACT_RELEASED}">${frenchDate(CONTRACT_RELEASED)}</time>)`)
    expect(frenchDate(CONTRACT_RELEASED)).toMatch(/^\d{1,2}(?:er)? [a-zéû]+ \d{4}$/)
  })

  it('leaves out the history files when the build has no history, and evidence.json when it has no evidence', () => {
    const without = page(false)
    expect(without).not.toContain('id="v1Changes"')
    expect(without).not.toContain('id="v1Evidence"')
    expect(without).not.toContain('href="../api/v1/trends.json"')
    expect(without).toContain('id="v1Index"')
  })

  it('lists each file’s fields with their type, presence, description and example', () => {
    expect(text).toContain('<dt><code>incubators</code></dt>')
    expect(text).toContain(escapeHtml('Tous les incubateurs du produit, toujours une liste'))
    expect(text).toMatch(/<dt><code>current_phase<\/code><\/dt>\n<dd><span class="data-type">texte, <a href="#vocabulaire-phases">vocabulaire ouvert<\/a> · facultatif/)
    expect(text).toContain('Exemple : <code>&quot;produits-beta-gouv-fr&quot;</code>')
    expect(text).toContain('Chaque élément de <code>startups</code>')
    expect(text).toContain('Chaque élément de <code>published</code>')
    // An object described once is linked to afterwards, not repeated.
    expect(text.match(/<dt><code>body<\/code><\/dt>/g)!.length).toBeLessThan(4)
    expect(text).toContain('Mêmes champs que <a href="#champs-v1Startups-startups">Chaque élément de <code>startups</code></a>')
  })

  it('explains every value of the open vocabularies and the renamed phases', () => {
    for (const v of Object.values(VOCABULARIES)) {
      expect(text).toContain(`id="vocabulaire-${v.id}"`)
      for (const value of v.values) expect(text).toContain(`<dt><code>${value}</code></dt><dd>${escapeHtml(v.meanings[value]!)}</dd>`)
    }
    expect(text).toContain('<dt><code>alumni</code> → <code>abandon-investigation</code> ou <code>abandon</code></dt>')
    expect(text).toContain('un programme qui lit ces données doit accepter une valeur qu’il ne connaît pas')
  })

  it('gives code examples for curl and jq, JavaScript and Python, with the site’s address', () => {
    expect(text).toContain('curl -s https://registre.example.org/api/v1/startups.json')
    expect(text).toContain('| jq -r')
    expect(text).toContain('await fetch(&#39;https://registre.example.org/api/v3/startups/')
    expect(text).toContain('urllib.request.urlopen(&#39;https://registre.example.org/api/v1/index.json&#39;)')
    expect(page(true, '')).toContain('https://adresse-du-site/api/v1/startups.json')
  })

  it('has no script and no inline style', () => {
    expect(text).not.toMatch(/<script|style=/)
  })
})
