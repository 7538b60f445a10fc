/**
 * `registry new`: asks for (or takes) the id, title, incubator and first
 * phase; refuses, before writing anything, a fiche that would have an error;
 * writes neutral placeholders, examples that name only what the registry has,
 * and the sections body-sections expects; prints exactly what validate and
 * lint then report for the file.
 */
import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import type { Io } from '../../scripts/cli/io.ts'
import { main } from '../../scripts/cli/main.ts'
import type { Diagnostic } from '../../scripts/report/diagnostic.ts'
import { sectionsOf } from '../../scripts/lint/rules/body-sections.ts'
import { cleanTemps, copyRegistry, REPO, run, snapshotTree } from './run.ts'

afterAll(cleanTemps)

/** A registry in a git repository (validate and lint date their checks from HEAD, as new does). */
function gitRegistry(): string {
  const root = copyRegistry()
  const git = (...args: string[]) => execFileSync('git', ['-C', root, '-c', 'user.email=t@example.org', '-c', 'user.name=T', ...args])
  git('init', '-q')
  git('add', '-A')
  git('commit', '-qm', 'registre')
  return root
}

const json = (stdout: string) => JSON.parse(stdout).diagnostics as Diagnostic[]
const key = (d: Diagnostic) => JSON.stringify([d.file, d.line, d.column, d.ruleId, d.message, d.hint, d.severity])

describe('registry new prints exactly what validate and lint give for the new file', () => {
  it.each([
    ['a startup in investigation', ['startup', 'mon-produit', '--title', 'Mon produit', '--incubator', 'dinum'], 'startups/mon-produit.md'],
    ['a startup in construction', ['startup', 'mon-produit', '--title', 'Mon produit', '--incubator', 'dinum', '--phase', 'construction'], 'startups/mon-produit.md'],
    ['a startup in acceleration', ['startup', 'mon-produit', '--title', 'Mon produit', '--incubator', 'dinum', '--phase', 'acceleration'], 'startups/mon-produit.md'],
    ['an organisation', ['organisation', 'mon-orga', '--title', 'Mon organisation'], 'organisations/mon-orga.md'],
    ['an incubator', ['incubator', 'mon-incubateur', '--title', 'Mon incubateur'], 'incubators/mon-incubateur.md'],
  ])('%s', async (_, args, file) => {
    const root = gitRegistry()
    const created = await run(['new', ...args, '--root', root, '--format', 'json'])
    expect(created.code, created.stderr).toBe(0)
    const validate = json((await run(['validate', '--root', root, '--format', 'json'])).stdout).filter((d) => d.file === file)
    const lint = json((await run(['lint', '--root', root, '--format', 'json'])).stdout).filter((d) => d.file === file)
    const expected = [...new Map([...validate, ...lint].map((d) => [key(d), d])).values()].map(key).sort()
    expect(json(created.stdout).map(key).sort()).toEqual(expected)
    // The sections the lint expects are there, whatever the phase, and read as not yet written (placeholders).
    if (file.startsWith('startups/')) {
      const body = fs.readFileSync(path.join(root, file), 'utf8').split('\n---\n')[1]!
      expect(Object.values(sectionsOf(body))).toEqual(['template', 'template', 'template'])
    }
  })
})

describe('registry new writes neutral placeholders', () => {
  it('no real product, no incubator or organisation that the registry does not have, the values given', async () => {
    const root = gitRegistry()
    await run(['new', 'startup', 'mon-produit', '--root', root, '--title', 'Mon produit', '--incubator', 'dinum'])
    const text = fs.readFileSync(path.join(root, 'startups/mon-produit.md'), 'utf8')
    expect(text).toContain('\ntitle: Mon produit\n')
    expect(text).toContain('\nincubator: dinum\n')
    expect(text).toContain('\nphases:\n  - name: investigation\n    start: ')
    expect(text).not.toMatch(/Produits @ beta\.gouv\.fr|Accompagner le développement de produits/)
    const incubators = fs.readdirSync(path.join(root, 'incubators')).map((f) => f.replace(/\.md$/, ''))
    const organisations = fs.readdirSync(path.join(root, 'organisations')).map((f) => f.replace(/\.md$/, ''))
    for (const m of text.matchAll(/^#?\s*incubators:\n((?:#\s+- .*\n)+)/gm)) for (const id of m[1]!.matchAll(/- (\S+)/g)) expect(incubators).toContain(id[1])
    for (const m of text.matchAll(/\/organisations\/([a-z0-9._-]+)/g)) expect(organisations).toContain(m[1])
    for (const heading of ['## Contexte', '## Solution', '## Stratégie', '## Objectifs']) expect(text).toContain(`\n${heading}\n`)
  })
})

describe('registry new refuses, before writing anything, a fiche that would have an error', () => {
  it.each([
    ['a reserved id', ['startup', 'con', '--title', 'T', '--incubator', 'dinum'], 'réservé par Windows'],
    ['an incubator that does not exist', ['startup', 'mon-produit', '--title', 'T', '--incubator', 'dinun'], '« dinun » n’existe pas'],
    ['a phase that does not exist', ['startup', 'mon-produit', '--title', 'T', '--incubator', 'dinum', '--phase', 'beta'], '« beta »'],
    ['missing options, away from a terminal', ['startup', 'mon-produit'], 'Il manque --title, --incubator'],
    ['a missing id, away from a terminal', ['startup', '--title', 'T', '--incubator', 'dinum'], 'Il manque <identifiant>'],
    ['an empty title', ['organisation', 'mon-orga', '--title', ' '], 'Le titre ne peut pas être vide.'],
    ['--title with another command', ['--title', 'T'], '--title ne va qu’avec new.'],
  ])('%s', async (_, args, message) => {
    const root = gitRegistry()
    const before = snapshotTree(root)
    const r = await run(args[0] === '--title' ? ['validate', ...args, '--root', root] : ['new', ...args, '--root', root])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
    expect(r.stderr).not.toMatch(/Erreur interne|\bat /)
    expect(snapshotTree(root)).toEqual(before)
  })
})

describe('registry new at a terminal', () => {
  it('asks for what is not given', async () => {
    const root = gitRegistry()
    const answers = ['mon-produit', 'Mon produit', 'dinum', 'construction']
    const asked: string[] = []
    const io: Io = { stdout: () => {}, stderr: () => {}, env: {}, cwd: REPO, isTTY: true, ask: async (q) => (asked.push(q), answers.shift() ?? '') }
    expect(await main(['new', 'startup', '--root', root], io)).toBe(0)
    expect(asked.map((q) => q.split(' ')[0])).toEqual(['Identifiant', 'Titre', 'Incubateur', 'Première'])
    expect(fs.readFileSync(path.join(root, 'startups/mon-produit.md'), 'utf8')).toContain('\ntitle: Mon produit\n')
    expect(fs.readFileSync(path.join(root, 'startups/mon-produit.md'), 'utf8')).toContain('  - name: construction\n')
  })

  it.each([
    ['an id that would fail', 'Mon Produit', 'Identifiant refusé'],
    ['the id of a fiche that exists', 'exemple', 'existe déjà'],
  ])('refuses %s right after the id, before asking anything else', async (_, id, message) => {
    const root = gitRegistry()
    if (id === 'exemple') fs.writeFileSync(path.join(root, 'startups/exemple.md'), '---\ntitle: Exemple\n---\n')
    const before = snapshotTree(root)
    const asked: string[] = []
    const errors: string[] = []
    const io: Io = { stdout: () => {}, stderr: (t) => errors.push(t), env: {}, cwd: REPO, isTTY: true, ask: async (q) => (asked.push(q), asked.length === 1 ? id : 'x') }
    expect(await main(['new', 'startup', '--root', root], io)).toBe(2)
    expect(asked.map((q) => q.split(' ')[0])).toEqual(['Identifiant'])
    expect(errors.join('')).toContain(message)
    expect(snapshotTree(root)).toEqual(before)
  })
})
