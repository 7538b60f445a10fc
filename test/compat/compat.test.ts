import { existsSync, promises as fsp } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compat } from '../../scripts/compat/compat.ts'
import { KNOWN_DIFFERENCES } from '../../scripts/compat/differences.ts'
import { buildApiV27 } from '../../scripts/compile/build-api-v2-7.ts'
import { parseConfig } from '../../scripts/registry/config.ts'
import { validateRegistry } from '../../scripts/validate/validate-registry.ts'
import { BASE, sources } from '../helpers.ts'

const REPO = fileURLToPath(new URL('../..', import.meta.url))
const CONFIG_FILE = path.join(REPO, 'config/beta.gouv.fr.config.json')
const FOLDERS: Record<string, string> = { startups: 'content/_startups', organisations: 'content/_organisations', incubators: 'content/_incubators' }

async function run(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await compat(args, (s) => (stdout += s), (s) => (stderr += s))
  return { code, stdout, stderr }
}

describe('npm run compat, on a small beta.gouv.fr checkout', () => {
  let dir: string
  let corpus: string
  let reference: string
  let files: Map<string, string>

  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'compat-'))
    corpus = path.join(dir, 'beta.gouv.fr')
    reference = path.join(dir, 'api-v2.7')
    for (const [file, text] of Object.entries(BASE)) {
      const [collection, name] = file.split('/') as [string, string]
      await fsp.mkdir(path.join(corpus, FOLDERS[collection]!), { recursive: true })
      await fsp.writeFile(path.join(corpus, FOLDERS[collection]!, name), text)
    }
    const config = parseConfig(await fsp.readFile(CONFIG_FILE, 'utf8'), CONFIG_FILE)
    const srcs = sources(BASE)
    files = buildApiV27(validateRegistry(srcs, srcs, config).records, config)
    await fsp.mkdir(reference)
  })

  afterAll(async () => {
    await fsp.rm(dir, { recursive: true, force: true })
  })

  /** Writes the reference: our files, with edits. */
  async function writeReference(edit: (name: string, text: string) => string = (_, t) => t) {
    for (const name of ['startups.json', 'incubators.json', 'organisations.json', 'sponsors.json', 'startups.csv']) {
      await fsp.writeFile(path.join(reference, name), edit(name, files.get(`api/v2.7/${name}`)!))
    }
  }

  it('exits 0 when every file is equal after parsing, in another layout', async () => {
    await writeReference((name, text) => (name.endsWith('.json') ? JSON.stringify(JSON.parse(text)) : text))
    const { code, stdout } = await run([corpus, reference])
    expect(code).toBe(0)
    expect(stdout).toMatch(/✓ startups\.json\n {4}data +1 comparés +1 égaux +0 différents/)
    expect(stdout).toMatch(/✓ organisations\.json\n {4}organisations +2 comparés +2 égaux/)
    expect(stdout).toContain('Différences non documentées : 0')
  })

  it('exits 0 on documented differences only, and names them', async () => {
    await writeReference((name, text) => (name === 'startups.csv' ? text.replace('\n', '\n\n') : text))
    const { code, stdout } = await run([corpus, reference])
    expect(code).toBe(0)
    expect(stdout).toContain('≈ startups.csv')
    expect(stdout).toContain('différence voulue csv-blank-lines : 1 fois')
  })

  it('exits 1 on an undocumented difference, and shows it', async () => {
    await writeReference((name, text) => (name === 'sponsors.json' ? text.replace('"DINUM"', '"DINUM "') : text))
    const { code, stdout } = await run([corpus, reference])
    expect(code).toBe(1)
    expect(stdout).toContain('✗ sponsors.json')
    expect(stdout).toContain('organisations › dinum › /acronym : référence "DINUM ", nous "DINUM"')
    expect(stdout).toContain('→ Incompatible')
  })

  it('exits 2 on a usage or reading error, with a French message', async () => {
    expect((await run([corpus])).code).toBe(2)
    expect((await run([corpus])).stderr).toContain('Indiquez la racine du corpus et le dossier de référence.')
    expect((await run([corpus, path.join(dir, 'absent')])).code).toBe(2)
    expect((await run([path.join(dir, 'absent'), reference])).stderr).toContain('introuvable')
    expect((await run(['--help'])).code).toBe(0)
  })
})

// Opt-in: the real corpus is not part of the repository; this runs only where ../shared is present.
const CORPUS = path.resolve(REPO, '../shared/corpus/beta.gouv.fr')
const REFERENCE = path.join(CORPUS, 'api-v2.7')

describe.skipIf(!existsSync(REFERENCE))('npm run compat, on the real corpus (../shared)', () => {
  it('finds every JSON file equal to the reference after parsing, and the CSV equal but for the documented differences', async () => {
    const { code, stdout } = await run([CORPUS, REFERENCE])
    expect(stdout).toContain('Différences non documentées : 0')
    expect(code).toBe(0)
    expect(stdout).toMatch(/data +662 comparés +662 égaux +0 différents/)
    expect(stdout).toMatch(/incubateurs +23 comparés +23 égaux +0 différents/)
    expect(stdout).toMatch(/✓ organisations\.json\n {4}organisations +145 comparés +145 égaux +0 différents/)
    expect(stdout).toMatch(/startups +662 comparés +659 égaux +3 différents/)
    const documented = new Set(KNOWN_DIFFERENCES.map((k) => k.id))
    for (const [, id] of stdout.matchAll(/différence voulue ([a-z0-9-]+)/g)) expect(documented.has(id!)).toBe(true)
  }, 60_000)
})
