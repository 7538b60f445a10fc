/**
 * The lint's section of the pull-request report: new and fixed warnings of
 * the changed fiches (base against head, on real git repositories), standards
 * per category before and after, and the report's bound with a bot's volume.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ChangedLint } from '../../scripts/lint/changed-lint.ts'
import { lintData, lintSections } from '../../scripts/lint/lint-section.ts'
import type { Diagnostic } from '../../scripts/report/diagnostic.ts'
import { GITHUB_TEXT_LIMIT, prReport } from '../../scripts/report/pr-report.ts'
import { cleanTemps, copyRegistry, run, writeFiles } from '../cli/run.ts'
import { RULE_CATALOGUE } from '../../scripts/lint/rule-catalogue.ts'

afterEach(cleanTemps)

const EXEMPLE = 'startups/exemple.md'

function gitRepo(edit: (text: string) => string) {
  const root = copyRegistry()
  const git = (...args: string[]) => execFileSync('git', ['-C', root, '-c', 'user.email=t@example.org', '-c', 'user.name=T', ...args], { stdio: 'pipe' })
  const original = fs.readFileSync(path.join(root, EXEMPLE), 'utf8')
  writeFiles(root, { [EXEMPLE]: edit(original) })
  git('init', '-q', '-b', 'main')
  git('add', '.')
  git('commit', '-qm', 'init')
  git('checkout', '-qb', 'change')
  return { root, git, original }
}
const drop = (text: string, key: string) => {
  const out = text.replace(new RegExp(`^${key}:.*\\n`, 'm'), '')
  if (out === text) throw new Error(`${key} not in the fixture`)
  return out
}
/** The markdown between a section's title and the next one. */
const section = (md: string, title: RegExp) => {
  const at = md.search(title)
  if (at < 0) return undefined
  const next = md.indexOf('\n### ', at + 1)
  return md.slice(at, next < 0 ? undefined : next)
}

describe('registry report: the standards section', () => {
  it('lists the warning the change adds, not the old one, and the categories before and after', async () => {
    const { root, git } = gitRepo((t) => drop(t, 'contact'))
    writeFiles(root, { [EXEMPLE]: drop(fs.readFileSync(path.join(root, EXEMPLE), 'utf8'), 'repository') })
    git('commit', '-qam', 'change')
    const r = await run(['report', '--root', root, '--base', 'main', '--as-of', '2024-06-01'])
    expect(r.stderr).toBe('')
    const fresh = section(r.stdout, /### Standards : avertissements nouveaux \(\d+\)/)!
    expect(fresh).toContain('repository-missing')
    expect(fresh).not.toContain('contact-missing')
    expect(fresh).toMatch(/\*\*\d+ nouveaux?\*\*, \*\*0 corrigé\*\*/)
    const categories = section(r.stdout, /### Standards par catégorie, avant et après/)!
    expect(categories).toMatch(/Sur la fiche modifiée/)
    // A row whose "after" count of met standards went down.
    expect(categories).toMatch(/\| \d+\/\d+ \| \d+\/\d+ ↓ \|/)
  })

  it('counts a fixed warning, in English too', async () => {
    const { root, git, original } = gitRepo((t) => drop(t, 'contact'))
    writeFiles(root, { [EXEMPLE]: original })
    git('commit', '-qam', 'fix')
    const r = await run(['report', '--root', root, '--base', 'main', '--as-of', '2024-06-01', '--lang', 'en'])
    expect(section(r.stdout, /### Standards: new warnings \(0\)/)).toContain('No new warning')
    expect(section(r.stdout, /### Standards: warnings fixed or no longer applicable \(1\)/)).toContain('contact-missing')
    expect(section(r.stdout, /### Standards per category/)).toMatch(/↑/)
  })
})

describe('lintSections', () => {
  it('compares the standards met as shares: fewer applicable standards (an ended phase) is not a loss', () => {
    const outcomes = (category: string, met: number, failing: number) => [{
      record: {} as never, phase: undefined,
      outcomes: [...Array.from({ length: met }, () => ({ rule: { category } as never, result: 'passed' as const })), ...Array.from({ length: failing }, () => ({ rule: { category } as never, result: 'failing' as const }))],
    }]
    const lint = (before: [number, number], after: [number, number]): ChangedLint => ({
      fiches: ['startups/a.md'], added: [], deleted: [], introduced: [], fixed: [],
      base: { diagnostics: [], records: outcomes('transparence', ...before) },
      head: { diagnostics: [], records: outcomes('transparence', ...after) },
    })
    const row = (c: ChangedLint) => lintSections(lintData(c), 'fr', RULE_CATALOGUE).find((s) => s.title.startsWith('Standards par catégorie'))!.body.split('\n').find((l) => l.startsWith('| Transparence'))
    expect(row(lint([10, 10], [6, 2]))).toBe('| Transparence | 10/20 | 6/8 ↑ | 0 | 0 |')
    expect(row(lint([2, 2], [1, 2]))).toBe('| Transparence | 2/4 | 1/3 ↓ | 0 | 0 |')
    expect(row(lint([1, 1], [2, 2]))).toBe('| Transparence | 1/2 | 2/4 | 0 | 0 |')
  })

  it('a bot pull request with thousands of new warnings stays under GitHub’s limit', () => {
    const introduced: Diagnostic[] = Array.from({ length: 3000 }, (_, i) => ({
      file: `startups/produit-${i}.md`, line: 1, column: 1, endLine: 1, endColumn: 4, ruleId: 'contact-missing', severity: 'warning',
      message: 'Le contact de l’équipe n’est pas renseigné.', hint: 'Ajoutez contact: equipe@exemple.beta.gouv.fr',
    }))
    const lint: ChangedLint = { fiches: introduced.map((d) => d.file), added: [], deleted: [], head: { diagnostics: introduced, records: [] }, base: { diagnostics: [], records: [] }, introduced, fixed: [] }
    const sections = lintSections(lintData(lint), 'fr', RULE_CATALOGUE)
    expect(sections[0]!.body).toContain('… et 2960 autres : le journal de la vérification (onglet « Checks » de la pull request) les donne toutes ; dans un clone du dépôt, après `npm ci` : `npx registry lint --changed --base origin/main --new-only`.')
    const md = prReport({ rules: RULE_CATALOGUE, lang: 'fr', base: 'origin/main', changed: lint.fiches, diagnostics: [], summary: { files: 3000, errors: 0, warnings: 0 }, lint: lintData(lint) })
    expect(md.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT)
    expect(md).toContain('### Standards : avertissements nouveaux (3000)')
    // The lint's table comes before the long list of changed fiches, which is what the bound cuts.
    expect(md).toContain('… et 2960 autres')
    expect(md).toContain('Rapport tronqué')
  })
})
