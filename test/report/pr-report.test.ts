// The pull-request report: pure markdown from diagnostics, and `registry report` on real git repositories.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../scripts/report/diagnostic.ts'
import { summarize } from '../../scripts/report/diagnostic.ts'
import { github } from '../../scripts/report/formatters/github.ts'
import fc from 'fast-check'
import { GITHUB_TEXT_LIMIT, prReport, renderReport } from '../../scripts/report/pr-report.ts'
import { reportData } from '../../scripts/report/report-data.ts'
import { hostileString, sameElements } from './markdown-check.ts'
import { REPORT_MARKER } from '../../scripts/report/report-marker.ts'
import { cleanTemps, copyRegistry, run, tempDir, writeFiles } from '../cli/run.ts'
import { RULE_CATALOGUE } from '../../scripts/lint/rule-catalogue.ts'

afterEach(cleanTemps)

const diag = (file: string, severity: 'error' | 'warning', extra: Partial<Diagnostic> = {}): Diagnostic => ({
  file,
  line: 3,
  column: 1,
  endLine: 3,
  endColumn: 5,
  ruleId: severity === 'error' ? 'schema/format' : 'value/untrimmed',
  severity,
  message: `Un problème dans ${file}.`,
  hint: 'Écrivez la date sous la forme AAAA-MM-JJ, par exemple 2024-03-18.',
  ...extra,
})

describe('prReport', () => {
  it('starts with the marker, counts, and puts the changed fiches first', () => {
    const diagnostics = [diag('startups/a.md', 'error'), diag('startups/b.md', 'error'), diag('startups/a.md', 'warning')]
    const md = prReport({ rules: RULE_CATALOGUE, lang: 'fr', base: 'origin/main', changed: ['startups/a.md'], diagnostics, summary: summarize(diagnostics, 2) })
    expect(md.startsWith(`${REPORT_MARKER}\n## ❌`)).toBe(true)
    expect(md).toContain('**1 fiche modifiée** depuis `origin/main` · **2 erreurs** · **1 avertissement**')
    expect(md.indexOf('Erreurs dans les fiches modifiées (1)')).toBeLessThan(md.indexOf("Erreurs dans d’autres fiches (1)"))
    expect(md).not.toContain('[!NOTE]')
  })

  it('says when annotations were capped by GitHub', () => {
    const diagnostics = Array.from({ length: 12 }, (_, i) => diag(`startups/f${i}.md`, 'error'))
    const md = prReport({ rules: RULE_CATALOGUE, lang: 'fr', changed: [], diagnostics, summary: summarize(diagnostics, 12) })
    expect(md).toContain("GitHub n’affiche que 10 annotations d’erreur et 10 d’avertissement par étape : 2 erreurs et 0 avertissement ne sont visibles qu’ici")
  })

  it('a valid change says so', () => {
    const md = prReport({ rules: RULE_CATALOGUE, lang: 'en', changed: ['startups/a.md'], diagnostics: [], summary: { files: 1, errors: 0, warnings: 0 } })
    expect(md).toContain('## ✅')
    expect(md).toContain('No problem')
  })

  const bulk = () => {
    const changed = Array.from({ length: 400 }, (_, i) => `startups/fiche-${String(i).padStart(3, '0')}.md`)
    const diagnostics = changed.flatMap((f) => [diag(f, 'error'), diag(f, 'warning'), diag(f, 'warning', { line: 9 })])
    return { changed, diagnostics, summary: summarize(diagnostics, 400) }
  }

  it('a bot pull request of 400 fiches: a synthesis by rule, tables cut at 40 rows, under the limit', () => {
    const md = prReport({ rules: RULE_CATALOGUE, lang: 'fr', ...bulk() })
    expect(md.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT)
    expect(md).toContain('**400 fiches modifiées**')
    expect(md).toContain('| `schema/format` | erreur | 400 | 0 |')
    expect(md).toContain('| `value/untrimmed` | avertissement | 800 | 0 |')
    expect(md).toContain('… et 360 autres : le journal de la vérification (onglet « Checks » de la pull request) les donne toutes ; dans un clone du dépôt, après `npm ci` : `npx registry validate`.')
    expect(md).toContain('… et 760 autres')
    expect(md).not.toContain('Rapport tronqué')
  })

  it('when the tables alone exceed the limit, the report is cut line by line with a note', () => {
    const { changed, diagnostics, summary } = bulk()
    const long = diagnostics.map((d) => ({ ...d, message: 'm'.repeat(1900), hint: 'h'.repeat(1900) }))
    const md = prReport({ rules: RULE_CATALOGUE, lang: 'fr', changed, diagnostics: long, summary })
    expect(md.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT)
    expect(md).toContain('Rapport tronqué')
    expect(md).toContain('### Synthèse par règle')
    // Cut inside a <details>: it is closed.
    expect((md.match(/<details>/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length)
  })

  it('extra sections (the lint) come after the changed fiches, before the other fiches', () => {
    const diagnostics = [diag('startups/a.md', 'error'), diag('startups/b.md', 'error')]
    const lint = { fiches: 1, added: 0, introduced: { total: 0, items: [] }, fixed: { total: 0, items: [] }, categories: [] }
    const md = prReport({ rules: RULE_CATALOGUE, lang: 'fr', changed: ['startups/a.md'], diagnostics, summary: summarize(diagnostics, 2), lint })
    expect(md.indexOf('### Standards')).toBeGreaterThan(md.indexOf('### Erreurs dans les fiches modifiées'))
    expect(md.indexOf('### Standards')).toBeLessThan(md.indexOf("### Erreurs dans d’autres fiches"))
  })

  it('fiche-derived messages, hints and file names add no element and no GitHub reference to the report', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileString, hostileString, hostileString, fc.boolean()), { minLength: 1, maxLength: 6 }), (values) => {
        const make = (plain: boolean) => {
          const diagnostics = values.map(([file, message, hint, error], i) => diag(`startups/${i}${plain ? '' : file}.md`, error ? 'error' : 'warning', plain ? { message: 'x', hint: 'y' } : { message, hint }))
          return prReport({ rules: RULE_CATALOGUE, lang: 'fr', base: 'origin/main', changed: diagnostics.filter((_, i) => i % 2 === 0).map((d) => d.file), diagnostics, summary: summarize(diagnostics, values.length) })
        }
        expect(sameElements(make(false), make(true))).toEqual({ extra: [], references: [] })
      }),
      { numRuns: 150 },
    )
  })

  it('an image, a link, a mention and an issue reference in a message stay text', () => {
    const diagnostics = [diag('startups/a.md', 'error', { message: 'Titre ![](https://evil.example/p.png) [cliquez](https://evil.example) @betagouv/admins #1 owner/repo#2' })]
    const md = prReport({ rules: RULE_CATALOGUE, lang: 'fr', changed: ['startups/a.md'], diagnostics, summary: summarize(diagnostics, 1) })
    expect(md).toContain('`![](https://evil.example/p.png)` `[cliquez](https://evil.example)`')
    expect(md).toContain('`@betagouv/admins` `#1` `owner/repo#2`')
  })
})

describe('the corrections of the changed fiches', () => {
  const TEXT = '---\ntitle: Exemple\ncontact: \'equipe@exemple.fr  \'\n---\n'
  const at = TEXT.indexOf('fr  ') + 2
  const fixable = diag('startups/a.md', 'warning', { line: 3, fix: { range: [at, at + 2], text: '' } })

  it('shows each certain fix of a changed fiche as a diff block, and says that registry fix applies it', () => {
    const other = { ...fixable, file: 'startups/b.md' }
    const diagnostics = [fixable, other]
    const md = prReport({ rules: RULE_CATALOGUE, lang: 'fr', changed: ['startups/a.md'], diagnostics, summary: summarize(diagnostics, 2), texts: new Map([['startups/a.md', TEXT], ['startups/b.md', TEXT]]) })
    expect(md).toContain(
      [
        '### Corrections automatiques (1)',
        '',
        'Ces corrections sont sûres : `npx registry fix` les applique (en ne changeant que ces caractères), puis vérifie à nouveau les fiches ; `npx registry fix --dry-run` les montre sans rien écrire. Sans git : sur la page du produit, « Modifier dans l’éditeur (sans git) » ouvre la fiche, et le bouton « Appliquer » de chaque message y fait la même correction.',
        '',
        '`startups/a.md`, ligne 3 (`value/untrimmed`) : Un problème dans `startups/a.md.`',
        '',
        '```diff',
        "-contact: 'equipe@exemple.fr  '",
        "+contact: 'equipe@exemple.fr'",
        '```',
      ].join('\n'),
    )
    // Not for the fiches the change does not touch.
    expect(md.match(/```diff/g)).toHaveLength(1)
  })

  it('has no such section when nothing can be fixed', () => {
    const diagnostics = [diag('startups/a.md', 'error')]
    const md = prReport({ rules: RULE_CATALOGUE, lang: 'en', changed: ['startups/a.md'], diagnostics, summary: summarize(diagnostics, 1), texts: new Map([['startups/a.md', TEXT]]) })
    expect(md).not.toContain('Automatic fixes')
  })

  it('keeps fiche text inert in the block: a fence, a mention, HTML or a bidi control in the lines change nothing but the text', () => {
    const report = (before: string, after: string) => {
      const data = reportData({ changed: ['startups/a.md'], diagnostics: [fixable], summary: summarize([fixable], 1), texts: new Map([['startups/a.md', TEXT]]) })
      data.groups.changedWarnings.items[0]!.correction = { line: 3, before: [before], after: [after] }
      return renderReport(data, 'fr', { rules: RULE_CATALOGUE })
    }
    fc.assert(
      fc.property(hostileString, hostileString, (a, b) => {
        const line = (s: string) => s.replace(/[\r\n]/g, ' ')
        expect(sameElements(report(line(a), line(b)), report('x', 'y'))).toEqual({ extra: [], references: [] })
      }),
      { numRuns: 200 },
    )
    const fenced = report('title: ```` @team <script>', 'title: ``` #1 \u202e')
    expect(fenced).toContain('`````diff\n-title: ```` @team <script>\n+title: ``` #1 \ufffd\n`````')
  })
})

describe('github formatter with changed files', () => {
  it('annotates the changed fiches first', () => {
    const diagnostics = [diag('startups/a.md', 'error'), diag('startups/z.md', 'error')]
    const out = github(diagnostics, { summary: summarize(diagnostics, 2), lang: 'fr', texts: new Map(), color: false, rules: RULE_CATALOGUE, changed: new Set(['startups/z.md']) })
    expect(out.indexOf('file=startups/z.md')).toBeLessThan(out.indexOf('file=startups/a.md'))
  })
})

function gitRepo(): string {
  const root = copyRegistry()
  const git = (...args: string[]) => execFileSync('git', ['-C', root, '-c', 'user.email=t@example.org', '-c', 'user.name=T', ...args], { stdio: 'pipe' })
  git('init', '-q', '-b', 'main')
  git('add', '.')
  git('commit', '-qm', 'init')
  git('checkout', '-qb', 'change')
  return root
}

describe('registry report', () => {
  it('lists the changed fiches, their errors, writes the job summary, exits 1 on errors', async () => {
    const root = gitRepo()
    const exemple = fs.readFileSync(path.join(root, 'startups/exemple.md'), 'utf8')
    writeFiles(root, {
      'startups/exemple.md': exemple.replace('incubator: dinum', 'incubator: dinun'),
      'startups/nouvelle.md': exemple.replace('title: Exemple', 'title: Nouvelle'),
      'README.txt': 'pas une fiche',
    })
    execFileSync('git', ['-C', root, '-c', 'user.email=t@example.org', '-c', 'user.name=T', 'commit', '-qam', 'x'])
    const summaryFile = path.join(tempDir(), 'summary.md')
    const r = await run(['report', '--root', root, '--base', 'main'], { env: { GITHUB_STEP_SUMMARY: summaryFile } })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('**2 fiches modifiées** depuis `main`')
    expect(r.stdout).toContain('`startups/nouvelle.md`')
    expect(r.stdout).toContain('ref/unknown-incubator')
    expect(r.stdout).not.toContain('README.txt')
    expect(fs.readFileSync(summaryFile, 'utf8')).toBe(`${r.stdout}\n`)
  })

  it('shows the certain fixes of the changed fiches, in the data the comment workflow checks', async () => {
    const root = gitRepo()
    const exemple = fs.readFileSync(path.join(root, 'startups/exemple.md'), 'utf8')
    writeFiles(root, { 'startups/exemple.md': exemple.replace('title: Exemple', "title: 'Exemple '") })
    execFileSync('git', ['-C', root, '-c', 'user.email=t@example.org', '-c', 'user.name=T', 'commit', '-qam', 'x'])
    const json = path.join(tempDir(), 'report.json')
    const r = await run(['report', '--root', root, '--base', 'main', '--output-json', json])
    expect(r.stdout).toContain("```diff\n-title: 'Exemple '\n+title: 'Exemple'\n```")
    const data = JSON.parse(fs.readFileSync(json, 'utf8'))
    expect(data.groups.changedWarnings.items.find((d: { ruleId: string }) => d.ruleId === 'value/untrimmed').correction).toEqual({ line: 2, before: ["title: 'Exemple '"], after: ["title: 'Exemple'"] })
  })

  it('--output-file writes the report to a file, not to standard output', async () => {
    const root = gitRepo()
    const out = path.join(tempDir(), 'sub', 'report.md')
    const r = await run(['report', '--root', root, '--base', 'main', '--output-file', out])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('')
    expect(fs.readFileSync(out, 'utf8')).toContain('**0 fiche modifiée**')
  })

  it('validate --base (without --changed) checks everything and annotates the changed fiches first', async () => {
    const root = gitRepo()
    const git = (...args: string[]) => execFileSync('git', ['-C', root, '-c', 'user.email=t@example.org', '-c', 'user.name=T', ...args], { stdio: 'pipe' })
    const exemple = fs.readFileSync(path.join(root, 'startups/exemple.md'), 'utf8')
    // An old error on main, before the branch: not part of the change.
    git('checkout', '-q', 'main')
    writeFiles(root, { 'startups/exemple.md': exemple.replace('incubator: dinum', 'incubator: dinun') })
    git('commit', '-qam', 'old error')
    git('checkout', '-qb', 'feature')
    writeFiles(root, { 'startups/nouvelle.md': exemple.replace('incubator: dinum', 'incubator: dinun') })
    git('add', '.')
    git('commit', '-qm', 'new fiche')
    const errorsOf = (stdout: string) => [...stdout.matchAll(/^::error file=([^,]+)/gm)].map((m) => m[1])
    const r = await run(['validate', '--root', root, '--base', 'main', '--format', 'github'])
    expect(r.code).toBe(1)
    expect(errorsOf(r.stdout)).toEqual(['startups/nouvelle.md', 'startups/exemple.md'])
    const plain = await run(['validate', '--root', root, '--format', 'github'])
    expect(errorsOf(plain.stdout)).toEqual(['startups/exemple.md', 'startups/nouvelle.md'])
  })

  it('outside a git repository: a French usage error that speaks of report', async () => {
    const r = await run(['report', '--root', copyRegistry()])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("report compare les fiches à une révision git")
  })

  it('--pr without --repo, and a bad --pr, are usage errors', async () => {
    expect((await run(['report', '--pr', '3'])).code).toBe(2)
    const bad = await run(['report', '--pr', '3; rm', '--repo', 'a/b'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--pr attend un numéro')
  })
})
