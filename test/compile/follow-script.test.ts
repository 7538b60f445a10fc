/**
 * The example consumer script of docs/api.md (« Suivre les changements »),
 * taken from the page as it is and run with Node against a build of the test
 * corpus served on 127.0.0.1: the first run downloads every published file,
 * the second one nothing but index.json, and after a fiche changes, only the
 * files whose content changed. A file whose bytes do not match index.json is
 * refused.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanTemps, REPO, run, tempDir } from '../cli/run.ts'
import { cleanRepos, type Repo } from '../history/git-repo.ts'
import { listFiles, publishedRepo } from './published-build.ts'

/** The code block that follows the `<!-- follow-script -->` marker in docs/api.md. */
function scriptFromDocs(): string {
  const doc = fs.readFileSync(path.join(REPO, 'docs/api.md'), 'utf8')
  const match = /<!-- follow-script -->\n```js\n([\s\S]*?)\n```/.exec(doc)
  if (!match) throw new Error('docs/api.md has no follow-script block')
  return `${match[1]}\n`
}

let repo: Repo
let served: string
let server: Server
let site: string
let requests: string[] = []
/** Files the server serves altered (path → bytes), to check that the script verifies what it gets. */
const tampered = new Map<string, string>()

async function build(): Promise<void> {
  const r = await run(['build', '--root', repo.root, '--out', served])
  if (r.code !== 0) throw new Error(r.stderr)
}

async function follow(folder: string): Promise<{ stdout: string; requests: string[] }> {
  requests = []
  const script = path.join(tempDir(), 'suivre.mjs')
  fs.writeFileSync(script, scriptFromDocs())
  const { stdout } = await promisify(execFile)(process.execPath, [script, site, folder], { timeout: 60_000 })
  return { stdout, requests: [...requests].sort() }
}

beforeAll(async () => {
  repo = publishedRepo()
  served = path.join(tempDir(), 'dist')
  await build()
  server = createServer((req, res) => {
    const file = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname.slice(1))
    requests.push(file)
    const full = path.join(served, file)
    if (!full.startsWith(served + path.sep) || !fs.existsSync(full) || !fs.statSync(full).isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200).end(tampered.get(file) ?? fs.readFileSync(full))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 120_000)

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  cleanTemps()
  cleanRepos()
})

describe('the example consumer script of docs/api.md', () => {
  const local = () => path.join(tempDir(), 'copie')

  it('downloads every published file, then nothing the second time', async () => {
    const folder = local()
    const index = JSON.parse(fs.readFileSync(path.join(served, 'api/v1/index.json'), 'utf8'))
    const published = index.published.map((p: { path: string }) => p.path)

    const first = await follow(folder)
    expect(first.requests).toEqual(['api/v1/index.json', ...published].sort())
    expect(first.stdout).toBe(`${published.length} fichiers téléchargés sur ${published.length}.\n`)
    // The local copy is the published one, byte for byte.
    expect(listFiles(folder)).toEqual(published)
    for (const file of published) expect(fs.readFileSync(path.join(folder, file)).equals(fs.readFileSync(path.join(served, file))), file).toBe(true)

    const second = await follow(folder)
    expect(second.requests).toEqual(['api/v1/index.json'])
    expect(second.stdout).toBe(`Rien de nouveau (${published.length} fichiers à jour).\n`)
  }, 120_000)

  it('after a fiche changes, downloads only the files whose content changed', async () => {
    const folder = local()
    await follow(folder)
    const before = new Map(listFiles(served).map((f) => [f, fs.readFileSync(path.join(served, f))]))
    repo.commit('2026-06-01T10:00:00+02:00', { 'startups/rdv-greffe.md': fs.readFileSync(path.join(repo.root, 'startups/rdv-greffe.md'), 'utf8').replace(/^mission: .*$/m, 'mission: Une mission réécrite') }, 'rdv-greffe: mission')
    await build()
    const changed = listFiles(served).filter((f) => f.startsWith('api/') && f !== 'api/v1/index.json' && !before.get(f)?.equals(fs.readFileSync(path.join(served, f))))
    expect(changed).toEqual(expect.arrayContaining(['api/v1/startups/rdv-greffe.json', 'api/v3/startups/rdv-greffe.json', 'api/v3/startups.json', 'api/v2.7/startups.csv']))
    // Files untouched by the change (another startup's, the schemas) are not downloaded again.
    expect(changed).not.toContain('api/v3/startups/biblio-partage.json')
    expect(changed).not.toContain('api/openapi.json')
    const third = await follow(folder)
    expect(third.requests).toEqual(['api/v1/index.json', ...changed].sort())
    expect(third.stdout).toMatch(new RegExp(`^${changed.length} fichiers téléchargés sur \\d+\\.\\n$`))
  }, 120_000)

  it('refuses a file whose bytes do not match index.json', async () => {
    const folder = local()
    tampered.set('api/v3/startups/biblio-partage.json', '{"name": "falsifié"}\n')
    try {
      await expect(follow(folder)).rejects.toThrow(/api\/v3\/startups\/biblio-partage\.json : l'empreinte ne correspond pas à index\.json/)
    } finally {
      tampered.clear()
    }
  }, 120_000)
})
