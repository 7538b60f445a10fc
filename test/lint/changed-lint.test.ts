/**
 * `registry lint --changed --new-only` against real git repositories in
 * temporary folders: a pull request is blamed only for the warnings it adds.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { filesAt } from '../../scripts/git/show-files.ts'
import { BASE } from '../helpers.ts'
import { parseReport, run } from '../cli/run.ts'

const temps: string[] = []
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true })
})

const EXEMPLE = 'startups/exemple.md'
const CONTACT = 'contact: equipe@exemple.beta.gouv.fr\n'
const REPOSITORY = 'repository: https://github.com/betagouv/exemple\n'
const without = (text: string, ...lines: string[]) => lines.reduce((t, l) => {
  if (!t.includes(l)) throw new Error(`${l} not found`)
  return t.replace(l, '')
}, text)

/** A repository on `main` with BASE, where exemple.md already lacks its contact (old debt), then a branch `pr`. */
function repo(files: Record<string, string> = { [EXEMPLE]: without(BASE[EXEMPLE]!, CONTACT) }) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'registry-lint-changed-'))
  temps.push(root)
  const git = (...args: string[]) => execFileSync('git', ['-C', root, '-c', 'user.email=t@example.org', '-c', 'user.name=T', ...args], { stdio: 'pipe' }).toString()
  const write = (all: Record<string, string>) => {
    for (const [file, text] of Object.entries(all)) {
      mkdirSync(path.join(root, path.dirname(file)), { recursive: true })
      writeFileSync(path.join(root, file), text)
    }
  }
  write({ ...BASE, ...files })
  git('init', '-q', '-b', 'main')
  git('add', '.')
  git('commit', '-qm', 'base')
  git('checkout', '-qb', 'pr')
  const commit = (changes: Record<string, string | null>) => {
    for (const [file, text] of Object.entries(changes)) {
      if (text === null) unlinkSync(path.join(root, file))
      else write({ [file]: text })
    }
    git('add', '-A')
    git('commit', '-qm', 'change')
  }
  return { root, git, commit }
}

const lint = async (root: string, ...args: string[]) => {
  const r = await run(['lint', '--root', root, '--format', 'json', '--as-of', '2024-06-01', '--changed', '--base', 'main', ...args])
  return { ...r, report: r.stdout ? parseReport(r.stdout) : undefined }
}
const found = (report: ReturnType<typeof parseReport> | undefined) => report!.diagnostics.map((d) => [d.file, d.ruleId])

describe('lint --changed --new-only', () => {
  it('does not report the old defect of a changed fiche, reports the new one, and --fail-on-new fails on it', async () => {
    const { root, commit } = repo({ [EXEMPLE]: without(BASE[EXEMPLE]!, CONTACT), 'startups/autre.md': without(BASE[EXEMPLE]!, CONTACT).replace('title: Exemple', 'title: Autre') })
    // Without --new-only, the changed fiche's old debt is there, and only the changed fiche's.
    commit({ [EXEMPLE]: without(BASE[EXEMPLE]!, CONTACT, REPOSITORY) })
    const all = await lint(root)
    expect(found(all.report)).toEqual(expect.arrayContaining([[EXEMPLE, 'contact-missing'], [EXEMPLE, 'repository-missing']]))
    expect(all.report!.diagnostics.every((d) => d.file === EXEMPLE)).toBe(true)
    // The whole registry has more: the untouched fiche's.
    const everything = await run(['lint', '--root', root, '--format', 'json', '--as-of', '2024-06-01'])
    expect(found(parseReport(everything.stdout))).toContainEqual(['startups/autre.md', 'contact-missing'])
    const r = await lint(root, '--new-only')
    expect(r.code).toBe(0)
    expect(found(r.report)).toEqual([[EXEMPLE, 'repository-missing']])
    expect(r.report!.summary.warnings).toBe(1)
    expect(r.stderr).toMatch(/1 fiche modifiée depuis main : 1 avertissement nouveau, 0 corrigé/)
    const strict = await lint(root, '--new-only', '--fail-on-new')
    expect(strict.code).toBe(1)
    expect(strict.stderr).toMatch(/^1 avertissement nouveau par rapport à main\.$/m)
  })

  it('reports nothing for a change that keeps the old debt, and counts a fix; exit 0 with --fail-on-new', async () => {
    const { root, commit } = repo({ [EXEMPLE]: without(BASE[EXEMPLE]!, CONTACT, REPOSITORY) })
    commit({ [EXEMPLE]: without(BASE[EXEMPLE]!, CONTACT).replace('Un texte.', 'Un autre texte.') })
    const r = await lint(root, '--new-only', '--fail-on-new', '--lang', 'en')
    expect(r.code).toBe(0)
    expect(r.report!.diagnostics).toEqual([])
    expect(r.stderr).toMatch(/1 fiche changed since main: 0 new warnings, 1 fixed/)
  })

  it('an added fiche: all its warnings are new', async () => {
    const { root, commit } = repo({})
    const added = 'startups/nouvelle.md'
    commit({ [added]: without(BASE[EXEMPLE]!, CONTACT, REPOSITORY).replace('title: Exemple', 'title: Nouvelle') })
    const r = await lint(root, '--new-only', '--fail-on-new')
    expect(r.code).toBe(1)
    const ids = found(r.report)
    expect(ids).toEqual(expect.arrayContaining([[added, 'contact-missing'], [added, 'repository-missing']]))
    expect(ids.every(([file]) => file === added)).toBe(true)
    expect(r.stderr).toMatch(/dont 1 ajoutée/)
  })

  it('a deleted fiche: nothing new, nothing counted as fixed, exit 0', async () => {
    const { root, commit } = repo({ 'startups/ancienne.md': without(BASE[EXEMPLE]!, CONTACT).replace('title: Exemple', 'title: Ancienne') })
    commit({ 'startups/ancienne.md': null })
    const r = await lint(root, '--new-only', '--fail-on-new')
    expect(r.code).toBe(0)
    expect(r.report!.diagnostics).toEqual([])
    expect(r.stderr).toMatch(/0 fiche modifiée depuis main : 0 avertissement nouveau, 0 corrigé/)
  })

  it('compares with the merge base: what the base branch gained since is not the change’s', async () => {
    const { root, git, commit } = repo()
    commit({ [EXEMPLE]: without(BASE[EXEMPLE]!, CONTACT).replace('Un texte.', 'Un autre texte.') })
    // Meanwhile main fixes the contact: compared with main's tip, the pull request would seem to remove it.
    git('checkout', '-q', 'main')
    writeFileSync(path.join(root, EXEMPLE), BASE[EXEMPLE]!)
    git('commit', '-qam', 'main moves on')
    git('checkout', '-q', 'pr')
    const r = await lint(root, '--new-only', '--fail-on-new')
    expect(r.code).toBe(0)
    expect(r.report!.diagnostics).toEqual([])
  })

  it('uncommitted edits count too, and usage errors exit 2 without a stack trace', async () => {
    const { root } = repo()
    writeFileSync(path.join(root, EXEMPLE), without(BASE[EXEMPLE]!, CONTACT, REPOSITORY))
    const r = await lint(root, '--new-only')
    expect(found(r.report)).toEqual([[EXEMPLE, 'repository-missing']])
    const unknown = await run(['lint', '--root', root, '--changed', '--base', 'nope', '--new-only'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/« nope » est introuvable/)
    expect(unknown.stderr).not.toMatch(/\n\s+at /)
    const alone = await run(['lint', '--root', root, '--new-only'])
    expect(alone.code).toBe(2)
    expect(alone.stderr).toMatch(/--new-only ne va qu’avec lint --changed/)
    const ratchet = await run(['lint', '--root', root, '--changed', '--suppress-all'])
    expect(ratchet.code).toBe(2)
  })
})

describe('filesAt', () => {
  it('reads the files at a revision, skips absent and oversized ones, keeps non-ASCII names', async () => {
    const { root, commit } = repo({ 'startups/données.md': 'é'.repeat(10), 'startups/gros.md': 'x'.repeat(100) })
    commit({ 'startups/données.md': 'changé' })
    const texts = await filesAt(root, 'main', ['startups/données.md', 'startups/gros.md', 'startups/absente.md', 'startups/exemple.md'], 50)
    // exemple.md (over 50 bytes) and gros.md are too large; absente.md is not there.
    expect([...texts.keys()]).toEqual(['startups/données.md'])
    expect((await filesAt(root, 'main', ['startups/gros.md'], 100)).get('startups/gros.md')).toBe('x'.repeat(100))
    expect(texts.get('startups/données.md')).toBe('é'.repeat(10))
  })
})
