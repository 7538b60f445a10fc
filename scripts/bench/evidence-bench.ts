/**
 * The evidence row of the bench (issue 24): `registry evidence` as a whole
 * process against servers on 127.0.0.1 that answer after an injected
 * latency, with failures, for a registry naming 2,000 pages and 300 GitHub
 * repositories; then the same registry a week later with nothing changed.
 * Measured: each run's wall time, the requests the servers received, and the
 * GitHub requests that count against the rate limit (every answer but 304).
 *
 * - Pages: 2,000 addresses over 400 host names (127.0.x.y, so that the
 *   per-host limit applies as it does on the real corpus: a few hosts carry
 *   many addresses, most carry a few). Every answer waits `latencyMs`; by
 *   index, 5 % answer 404, 2 % 503 twice then 200, 1 % 503 always, 1 % reset
 *   the connection, 1 % wait 2 s more, 5 % redirect, 1 % refuse HEAD (405).
 * - Repositories: the fake GitHub of test/lint/online (ETags, 304s, its
 *   quota in `x-ratelimit-*`), with the same latency; 10 archived, 10 without
 *   licence, 5 missing (404: no ETag, so they are asked again every week).
 * - A week later: the checker's cache is dated seven days back (as the
 *   workflow's actions/cache leaves it), the previous evidence is the first
 *   run's, and no server has changed.
 *
 * `npx tsx scripts/bench/evidence-bench.ts` runs it alone; bench.ts runs it
 * unless BENCH_EVIDENCE=0. BENCH_EVIDENCE_LATENCY sets the latency (200 ms).
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startFakeGitHub, type FakeRepo } from '../../test/lint/online/fake-forges.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../..')

export interface EvidenceRun {
  ms: number
  pageRequests: number
  githubRequests: number
  /** GitHub answers that count against the rate limit (all but 304). */
  githubCounted: number
  githubNotModified: number
  failing: number
}

export interface EvidenceRow {
  pages: number
  repositories: number
  hosts: number
  latencyMs: number
  missingRepositories: number
  first: EvidenceRun
  second: EvidenceRun
}

const PAGES = 2000
const REPOSITORIES = 300
const HOSTS = 400
const MISSING = 5

/** Which host an address goes to: 5 hosts with 150 addresses each, 395 with the rest. */
function hostOf(i: number): number {
  return i < 750 ? Math.floor(i / 150) : 5 + ((i - 750) % (HOSTS - 5))
}

const address = (host: number) => `127.0.${1 + Math.floor(host / 250)}.${1 + (host % 250)}`

function fiche(i: number, urls: string[], repository: string | undefined): string {
  const fields = [`link: ${urls[0]}`, ...(urls[1] ? [`stats_url: ${urls[1]}`] : []), ...(urls[2] ? [`budget_url: ${urls[2]}`] : []), ...(repository ? [`repository: ${repository}`] : [])]
  return `---\ntitle: Produit ${i}\nmission: Simplifier une démarche pour les usagers\nincubator: dinum\nsponsors:\n  - /organisations/dinum\ncontact: equipe@exemple.beta.gouv.fr\n${fields.join('\n')}\nphases:\n  - name: construction\n    start: 2025-01-06\n---\nUn texte.\n`
}

/** One page server per host address, all with the same behaviour by path. */
async function startPages(latencyMs: number): Promise<{ origins: string[]; requests: () => number; close: () => Promise<void> }> {
  let requests = 0
  const flaky = new Map<string, number>()
  const handler: http.RequestListener = (req, res) => {
    requests++
    const n = Number(/^\/p(\d+)/.exec(req.url ?? '')?.[1] ?? -1)
    const k = n % 100
    const answer = () => {
      if (req.url?.endsWith('/moved')) return void res.writeHead(200).end()
      if (k < 5) return void res.writeHead(404).end()
      if (k < 7) {
        const seen = (flaky.get(req.url!) ?? 0) + 1
        flaky.set(req.url!, seen)
        return void res.writeHead(seen % 3 === 0 ? 200 : 503).end()
      }
      if (k === 7) return void res.writeHead(503).end()
      if (k === 8) return void req.socket.destroy()
      if (k < 14) return void res.writeHead(301, { location: `/p${n}/moved` }).end()
      if (k === 14 && req.method === 'HEAD') return void res.writeHead(405).end()
      res.writeHead(200).end()
    }
    setTimeout(answer, latencyMs + (k === 9 ? 2000 : 0))
  }
  const servers = await Promise.all(
    Array.from({ length: HOSTS }, (_, h) => new Promise<http.Server>((resolve) => {
      const s = http.createServer(handler)
      s.listen(0, address(h), () => resolve(s))
    })),
  )
  return {
    origins: servers.map((s, h) => `http://${address(h)}:${(s.address() as import('node:net').AddressInfo).port}`),
    requests: () => requests,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
        s.closeAllConnections()
        s.close(() => resolve())
      })))
    },
  }
}

/** `node bin/registry.mjs evidence …` as a whole process, timed from spawn to exit (the servers answer meanwhile). */
function evidence(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(process.execPath, [path.join(repo, 'bin/registry.mjs'), 'evidence', ...args], { cwd: repo, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`registry evidence exited ${code}: ${stderr.slice(0, 2000)}`))))
  })
}

/** The checker's cache as a week-old run leaves it: every entry dated seven days back (its ETags kept). */
function ageCache(file: string): void {
  const cache = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { checkedAt: string }> }
  for (const e of Object.values(cache.entries)) e.checkedAt = new Date(Date.parse(e.checkedAt) - 7 * 86_400_000).toISOString()
  writeFileSync(file, JSON.stringify(cache))
}

export async function evidenceStage(work: string, latencyMs = Number(process.env.BENCH_EVIDENCE_LATENCY ?? 200)): Promise<EvidenceRow> {
  const root = mkdtempSync(path.join(work, 'evidence-'))
  const pages = await startPages(latencyMs)
  const repos: Record<string, FakeRepo> = {}
  for (let r = MISSING; r < REPOSITORIES; r++) repos[`bench/repo-${r}`] = r < 15 ? { archived: true } : r < 25 ? { license: null } : {}
  const github = await startFakeGitHub(repos, { latencyMs, limit: 5000 })
  try {
    mkdirSync(path.join(root, 'startups'), { recursive: true })
    mkdirSync(path.join(root, 'incubators'))
    mkdirSync(path.join(root, 'organisations'))
    writeFileSync(path.join(root, 'incubators/dinum.md'), '---\ntitle: Incubateur de la DINUM\nowner: /organisations/dinum\ncontact: contact@beta.gouv.fr\n---\n')
    writeFileSync(path.join(root, 'organisations/dinum.md'), '---\nname: Direction interministérielle du numérique\nacronym: DINUM\ndomaine_ministeriel: spm\ntype: administration-centrale\n---\n')
    // 700 startups: a link each, a statistics and a budget page for 650 of them (2,000 addresses); a repository for 300.
    let page = 0
    for (let i = 0; i < 700; i++) {
      const urls = Array.from({ length: i < 650 ? 3 : 1 }, () => `${pages.origins[hostOf(page)]}/p${page++}`)
      writeFileSync(path.join(root, 'startups', `produit-${i}.md`), fiche(i, urls, i < REPOSITORIES ? `https://github.com/bench/repo-${i}` : undefined))
    }
    const env = { GITHUB_API_URL: github.origin, GITHUB_TOKEN: 'bench-token', REGISTRY_ONLINE_ALLOW_PRIVATE_ADDRESSES: '1' }
    const out = path.join(root, 'evidence.json')
    const measure = async (): Promise<EvidenceRun> => {
      const before = { pages: pages.requests(), github: github.requests.length, counted: github.counted(), notModified: github.notModified() }
      const ms = await evidence(['--root', root, '--out', out, '--previous', out, '--as-of', '2026-12-01'], env)
      const e = JSON.parse(readFileSync(out, 'utf8')) as { runs: { failing: number }[] }
      return {
        ms,
        pageRequests: pages.requests() - before.pages,
        githubRequests: github.requests.length - before.github,
        githubCounted: github.counted() - before.counted,
        githubNotModified: github.notModified() - before.notModified,
        failing: e.runs[e.runs.length - 1]!.failing,
      }
    }
    const first = await measure()
    ageCache(path.join(root, '.cache', 'online-checks.json'))
    const second = await measure()
    return { pages: page, repositories: REPOSITORIES, hosts: HOSTS, latencyMs, missingRepositories: MISSING, first, second }
  } finally {
    await Promise.all([pages.close(), github.close()])
    rmSync(root, { recursive: true, force: true })
  }
}

export function evidenceTable(row: EvidenceRow): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  const line = (name: string, r: EvidenceRun) => `| ${name} | ${s(r.ms)} | ${r.pageRequests} | ${r.githubRequests} | ${r.githubNotModified} | ${r.githubCounted} | ${r.failing} |`
  return [
    `| preuves en ligne (${row.pages} pages sur ${row.hosts} hôtes, ${row.repositories} dépôts GitHub, ${row.latencyMs} ms par réponse) | durée | requêtes aux pages | requêtes à GitHub | dont 304 | décomptées par GitHub | en échec |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    line('première exécution', row.first),
    line('une semaine plus tard, rien de changé', row.second),
  ].join('\n')
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'bench-evidence-'))
  try {
    const row = await evidenceStage(work)
    console.log(evidenceTable(row))
    console.log(`\nDépôts introuvables (404, sans ETag, redemandés chaque semaine) : ${row.missingRepositories}.`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
