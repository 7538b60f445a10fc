/**
 * checkFiche (the editor's check, run in the browser) gives, for one file,
 * exactly what `registry validate` and `registry lint` give for that file:
 * same rule ids, positions, severities, messages and hints, in French and in
 * English. Each case is a registry on disk checked by the real CLI (in
 * process), and the same registry handed to checkFiche as the site ships it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG, COLLECTIONS } from '../scripts/load/config.ts'
import { checkFiche, ficheContext, locateFiche, type ShippedFile } from '../scripts/registry-core.ts'
import type { Diagnostic, Lang } from '../scripts/report/diagnostic.ts'
import { BAD, cleanTemps, GOOD, run, tempDir } from './cli/run.ts'

const AS_OF = '2026-06-15'

afterAll(cleanTemps)

function shipped(root: string): ShippedFile[] {
  const out: ShippedFile[] = []
  for (const collection of COLLECTIONS) {
    const folder = DEFAULT_CONFIG.collections[collection]
    const dir = path.join(root, folder)
    if (!fs.existsSync(dir)) continue
    for (const name of fs.readdirSync(dir).sort()) {
      if (!name.endsWith('.md')) continue
      out.push({ file: `${folder}/${name}`, collection, id: name.slice(0, -3), text: fs.readFileSync(path.join(dir, name), 'utf8') })
    }
  }
  return out
}

async function cli(command: 'validate' | 'lint', root: string, lang: Lang): Promise<Diagnostic[]> {
  const r = await run([command, '--root', root, '--format', 'json', '--as-of', AS_OF, '--lang', lang])
  expect(r.code, r.stderr).toBeLessThan(2)
  return JSON.parse(r.stdout).diagnostics
}

/** Every fiche of the registry at `root`: checkFiche's diagnostics equal the CLI's for that file. */
async function expectSameAsCli(root: string): Promise<{ validate: number; lint: number }> {
  const files = shipped(root)
  const context = ficheContext(DEFAULT_CONFIG, files)
  const counts = { validate: 0, lint: 0 }
  for (const lang of ['fr', 'en'] as const) {
    const [validate, lint] = [await cli('validate', root, lang), await cli('lint', root, lang)]
    for (const f of files) {
      const got = checkFiche(f.text, f.file, context, lang, AS_OF)
      const plain = (ds: Diagnostic[]) => JSON.parse(JSON.stringify(ds))
      expect(plain(got.validate), `validate ${f.file}`).toEqual(validate.filter((d) => d.file === f.file))
      expect(plain(got.lint), `lint ${f.file}`).toEqual(lint.filter((d) => d.file === f.file))
      counts.validate += got.validate.length
      counts.lint += got.lint.length
    }
  }
  return counts
}

/** A copy of the good registry with files added or replaced. */
function variant(files: Record<string, string>): string {
  const root = tempDir('registry-core-')
  fs.cpSync(GOOD, root, { recursive: true })
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(root, file), text)
  return root
}

const EXEMPLE = fs.readFileSync(path.join(GOOD, 'startups/exemple.md'), 'utf8')

describe('checkFiche gives what registry validate and registry lint give for that file', () => {
  it('on the good fixture registry', async () => {
    const counts = await expectSameAsCli(GOOD)
    // The good fixture still misses standards: lint has something to compare.
    expect(counts.lint).toBeGreaterThan(0)
  })

  it.each(fs.readdirSync(BAD).sort())('on the bad fixture %s', async (name) => {
    const counts = await expectSameAsCli(path.join(BAD, name))
    expect(counts.validate).toBeGreaterThan(0)
  })

  it('with a cross-file context: a thématique spelt unlike the other fiches, a code organisation shared with others, a sponsor and an incubator that do not exist', async () => {
    // What the checks read of the other fiches is only their summary (registrySummary, what the editor ships): a rule reading another field fails here.
    const other = (id: string, thematique: string, repository: string) => EXEMPLE.replace('title: Exemple', `title: ${id}\nthematiques:\n  - ${thematique}`).replace('repository: https://github.com/betagouv/exemple', `repository: ${repository}`)
    const root = variant({
      'startups/autre-a.md': other('A', 'Santé', 'https://github.com/organisation-commune/a'),
      'startups/autre-b.md': other('B', 'Santé', 'https://github.com/organisation-commune/b'),
      'startups/variante.md': other('C', 'santé', 'https://github.com/organisation-commune').replace('incubator: dinum', 'incubator: dinun').replace('/organisations/dinum', '/organisations/dinsu'),
    })
    const counts = await expectSameAsCli(root)
    const check = checkFiche(fs.readFileSync(path.join(root, 'startups/variante.md'), 'utf8'), 'startups/variante.md', ficheContext(DEFAULT_CONFIG, shipped(root)), 'fr', AS_OF)
    expect(check.validate.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['ref/unknown-incubator', 'ref/unknown-sponsor']))
    expect(check.lint.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['vocabulary-case', 'repository-not-forge']))
    expect(check.lint.find((d) => d.ruleId === 'repository-not-forge')?.message).toMatch(/organisation-commune/)
    expect(counts.lint).toBeGreaterThan(0)
  })

  it('with YAML, type, date and encoding mistakes, and a fiche over the size limit', async () => {
    const root = variant({
      'startups/fautes.md': EXEMPLE.replace('contact: equipe@exemple.beta.gouv.fr', 'contact: pas-une-adresse\nstats: oui\nreposiroty: x').replace('start: 2023-07-01', 'start: 2023-02-30'),
      'startups/yaml.md': EXEMPLE.replace('mission: Simplifier', 'mission: : Simplifier\n  - x'),
      'startups/crlf.md': EXEMPLE.replace(/\n/g, '\r\n'),
      'startups/trop-grand.md': `${EXEMPLE}${'é'.repeat(DEFAULT_CONFIG.limits.maxFileBytes / 2)}`,
    })
    const counts = await expectSameAsCli(root)
    expect(counts.validate).toBeGreaterThan(5)
  })

  it('for a new fiche, not yet in the registry: the same as once its file is added', async () => {
    const text = EXEMPLE.replace('title: Exemple', 'title: Nouveau').replace('incubator: dinum', 'incubator: inconnu')
    const root = variant({ 'startups/nouveau.md': text })
    const withoutIt = ficheContext(DEFAULT_CONFIG, shipped(GOOD))
    const got = checkFiche(text, 'startups/nouveau.md', withoutIt, 'fr', AS_OF)
    const plain = (ds: Diagnostic[]) => JSON.parse(JSON.stringify(ds))
    expect(plain(got.validate)).toEqual((await cli('validate', root, 'fr')).filter((d) => d.file === 'startups/nouveau.md'))
    expect(plain(got.lint)).toEqual((await cli('lint', root, 'fr')).filter((d) => d.file === 'startups/nouveau.md'))
    expect(got.validate.map((d) => d.ruleId)).toContain('ref/unknown-incubator')
  })
})

describe('locateFiche', () => {
  it('finds the collection and id of a path, and nothing outside the collections', () => {
    expect(locateFiche('startups/a-b.md', DEFAULT_CONFIG)).toEqual({ collection: 'startups', id: 'a-b' })
    expect(locateFiche('content/_startups/x.md', { collections: { ...DEFAULT_CONFIG.collections, startups: 'content/_startups' } })).toEqual({ collection: 'startups', id: 'x' })
    expect(locateFiche('docs/x.md', DEFAULT_CONFIG)).toBeUndefined()
    expect(locateFiche('startups/', DEFAULT_CONFIG)).toBeUndefined()
  })
})
