/**
 * Opt-in: the site of the real corpus (../shared/corpus/beta.gouv.fr, with
 * config/beta.gouv.fr.config.json), skipped when ../shared is absent. The
 * corpus has 3 errors, so `registry build` refuses it; the site is made here
 * from the same stages (validation, standards lint, pages), in memory.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runValidation } from '../../scripts/registry/check.ts'
import { Timings } from '../../scripts/registry/timings.ts'
import { parseConfig } from '../../scripts/registry/config.ts'
import { runRules } from '../../scripts/lint/run-rules.ts'
import { feedStandards } from '../../scripts/compile/feed-standards.ts'
import { siteContext, sitePages } from '../../scripts/site/site.ts'
import { REPO } from '../cli/run.ts'

const CORPUS = path.resolve(REPO, '../shared/corpus/beta.gouv.fr')

describe.skipIf(!existsSync(CORPUS))('the site of the real corpus', () => {
  it('has one page per startup (662), all listed on the pages of the list and in the search index', async () => {
    const file = path.join(REPO, 'config/beta.gouv.fr.config.json')
    const config = parseConfig(readFileSync(file, 'utf8'), file)
    const { records } = await runValidation(CORPUS, config, 'fr', undefined, new Timings())
    const asOf = '2026-11-01'
    const lint = runRules(records, { config, asOf })
    const standards = feedStandards(lint.records, asOf, config)
    const pages = new Map(sitePages(siteContext({ records, config, standards, problems: lint.problems, asOf, dataFiles: [] })))
    const startupPages = [...pages.keys()].filter((p) => /^startups\/[^/]+\/index\.html$/.test(p))
    expect(startupPages).toHaveLength(662)
    const listPages = [...pages.keys()].filter((p) => p === 'index.html' || /^page\/\d+\/index\.html$/.test(p))
    expect(listPages).toHaveLength(14)
    expect(listPages.reduce((n, p) => n + pages.get(p)!.match(/<li class="startup"/g)!.length, 0)).toBe(662)
    expect(JSON.parse(pages.get('recherche.json')!).startups).toHaveLength(662)
    // Edit links point at the corpus repository.
    expect(pages.get(startupPages[0]!)).toContain('href="https://github.com/betagouv/beta.gouv.fr/edit/master/content/_startups/')
  }, 60_000)
})
