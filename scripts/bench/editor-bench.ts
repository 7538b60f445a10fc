/**
 * The editor's row of the bench (issue 25): the site's /editer/ page in Debian's Chromium
 * (playwright-core, never a browser download), served from 127.0.0.1 gzip-compressed as a static
 * host serves it, over a throttled "fast 4G" link (Chromium's own network emulation through the
 * DevTools protocol: 9 Mbit/s down, 170 ms of latency). Measured as a person waits:
 *
 * - opening `editer/?fiche=<the largest startup>` with an empty cache: the time from the start of
 *   the navigation to the first check on screen (the end of the page's `editeur:messages`
 *   measure), and every byte the server sent for that visit (gzip bodies, the service worker's
 *   fetches included), counted once the page has been quiet for a second;
 * - then, the preview scrolled into view (its code fetched, counted apart), the check after each
 *   pause in the typing on that fiche: a value changed in the form, the page's check timer left
 *   to fire, the time its callback took (the page's `editeur:pause` measure: the checks, the
 *   messages, the standards panel) and the preview's, in the task after it (`editeur:apercu`),
 *   over `pauses` pauses.
 *
 * The page's script, as it is fetched before the first check, is weighed from the same visit.
 * Self-contained: bench.ts calls `editorBench` on a site it built; `editor-bench-main.ts` runs
 * it on any built site (`npx tsx scripts/bench/editor-bench-main.ts dist`).
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** "Fast 4G" as issue 25 defines it: 9 Mbit/s down, 170 ms of latency (upload left at 9 Mbit/s as well). */
export const FAST_4G = { offline: false, latency: 170, downloadThroughput: (9_000_000 / 8) | 0, uploadThroughput: (9_000_000 / 8) | 0 }

export interface EditorVisit {
  /** From the start of the navigation to the first check shown (ms). */
  firstCheckMs: number
  /** Every byte of every response body the server sent during the visit, as sent (gzip where compressible). */
  fetchedBytes: number
  /** The scripts fetched before the first check was shown, as sent (gzip). */
  scriptBytes: number
  /** What was fetched, in order: site-relative path and bytes sent. */
  requests: { path: string; bytes: number }[]
}

export interface EditorRow {
  fiche: string
  ficheBytes: number
  visits: EditorVisit[]
  /** The check after each pause and its messages (ms; the page's `editeur:pause`), in order. */
  pauses: number[]
  /** The preview after each of those pauses (ms; `editeur:apercu`, a task of its own after the check). */
  previews: number[]
  /** What scrolling down to the preview fetched (its code), as sent. */
  previewBytes: number
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
}
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.md', '.svg'])

interface CountingServer {
  url: string
  /** Requests served since the last reset: path and bytes sent. */
  served: { path: string; bytes: number; at: number }[]
  close(): Promise<void>
}

/** A static server for `root` on 127.0.0.1 that compresses as a static host does (gzip) and counts what it sends. */
async function countingServer(root: string): Promise<CountingServer> {
  const served: CountingServer['served'] = []
  const gzipped = new Map<string, Buffer>()
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)))
    if (!file.startsWith(root)) return void res.writeHead(403).end()
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html')
    if (!existsSync(file)) return void res.writeHead(404).end()
    const ext = path.extname(file)
    let body: Buffer = readFileSync(file)
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'max-age=600' }
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      let z = gzipped.get(file)
      if (!z) gzipped.set(file, (z = gzipSync(body)))
      body = z
      headers['content-encoding'] = 'gzip'
    }
    served.push({ path: url.pathname, bytes: body.length, at: performance.now() })
    res.writeHead(200, headers).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/`, served, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** The largest startup fiche of a built site's registry, from the registry itself (the sources the site was built from). */
export function largestStartup(registryRoot: string, startupsFolder: string): { id: string; bytes: number } {
  const folder = path.join(registryRoot, startupsFolder)
  let best = { id: '', bytes: -1 }
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.md')) continue
    const bytes = statSync(path.join(folder, name)).size
    if (bytes > best.bytes) best = { id: name.slice(0, -3), bytes }
  }
  return best
}

/**
 * Measures the editor of the site built in `site` on the fiche `fiche` (a startup id): `visits`
 * first visits with an empty cache, then `pauses` checks after a pause in the typing.
 */
export async function editorBench(site: string, fiche: { id: string; bytes: number }, visits = 5, pauses = 40): Promise<EditorRow> {
  const { chromium } = await import('playwright-core')
  const server = await countingServer(path.resolve(site))
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'] })
  const row: EditorRow = { fiche: fiche.id, ficheBytes: fiche.bytes, visits: [], pauses: [], previews: [], previewBytes: 0 }
  try {
    for (let v = 0; v < visits; v++) {
      // A new context: an empty cache, no service worker yet (a first visit).
      const context = await browser.newContext()
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: false })
      await cdp.send('Network.emulateNetworkConditions', FAST_4G)
      server.served.length = 0
      await page.goto(`${server.url}editer/?fiche=${encodeURIComponent(fiche.id)}`, { waitUntil: 'commit' })
      await page.waitForFunction(() => performance.getEntriesByName('editeur:messages').length > 0, undefined, { timeout: 60_000, polling: 20 })
      const firstCheckMs = await page.evaluate(() => {
        const m = performance.getEntriesByName('editeur:messages')[0]!
        return m.startTime + m.duration
      })
      const shownAt = performance.now()
      // Quiet for a second: whatever loads after the first check (the preview's code, the service worker's copies) is counted too.
      let count = -1
      while (count !== server.served.length) {
        count = server.served.length
        await page.waitForTimeout(1000)
      }
      const requests = server.served.map(({ path: p, bytes }) => ({ path: p, bytes }))
      const scriptBytes = server.served.filter((s) => s.path.endsWith('.js') && !s.path.endsWith('/sw.js') && s.at <= shownAt).reduce((n, s) => n + s.bytes, 0)
      row.visits.push({ firstCheckMs, fetchedBytes: requests.reduce((n, r) => n + r.bytes, 0), scriptBytes, requests })
      if (v === visits - 1) {
        // Then the preview, as someone who scrolls down to it: its code comes now (counted apart), and
        // every check after a pause renders it too.
        const before = server.served.length
        await page.locator('#editeur-apercu').scrollIntoViewIfNeeded()
        await page.waitForFunction(() => document.body.dataset.pending === undefined && document.querySelector('#editeur-apercu h4') !== null, undefined, { timeout: 60_000, polling: 20 })
        row.previewBytes = server.served.slice(before).reduce((n, s) => n + s.bytes, 0)
        const measured = await pausesOn(page, pauses)
        row.pauses = measured.map((m) => m.pause)
        row.previews = measured.map((m) => m.preview)
      }
      await context.close()
    }
  } finally {
    await browser.close()
    await server.close()
  }
  return row
}

/** The check after each of `n` pauses: the mission's value changed, the timer left to fire, its callback's time and the preview's read. */
async function pausesOn(page: import('playwright-core').Page, n: number): Promise<{ pause: number; preview: number }[]> {
  const out: { pause: number; preview: number }[] = []
  for (let i = 0; i < n; i++) {
    await page.evaluate((i) => {
      performance.clearMeasures()
      const field = document.getElementById('champ-mission') as HTMLTextAreaElement
      field.value = `${field.value.replace(/ \d+$/, '')} ${i}`
      field.dispatchEvent(new Event('input', { bubbles: true }))
    }, i)
    await page.waitForFunction(() => document.body.dataset.pending === undefined && performance.getEntriesByName('editeur:pause').length > 0, undefined, { timeout: 30_000, polling: 10 })
    out.push(await page.evaluate(() => ({ pause: performance.getEntriesByName('editeur:pause')[0]!.duration, preview: performance.getEntriesByName('editeur:apercu')[0]?.duration ?? 0 })))
  }
  return out
}

export const percentile = (xs: readonly number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** Whether the row can run here: Chromium installed and playwright-core resolvable. */
export function editorBenchAvailable(): boolean {
  return existsSync(CHROMIUM)
}

/**
 * The real corpus as a registry `registry build` accepts, in `work`: its folders copied, and its
 * three known errors corrected as issue 25 says (anct-pni-36 and anct-pni-44, whose link is written
 * with HTML entities, left out; menj's owner, a missing organisation, given as menjs), so that the
 * build writes the site the editor is measured on. Undefined when the corpus is absent.
 */
export function buildableCorpus(corpus: string, work: string): string | undefined {
  if (!existsSync(corpus)) return undefined
  const root = path.join(work, 'corpus-editeur')
  cpSync(path.join(corpus, 'content'), path.join(root, 'content'), { recursive: true })
  for (const id of ['anct-pni-36', 'anct-pni-44']) rmSync(path.join(root, 'content/_startups', `${id}.md`), { force: true })
  const menj = path.join(root, 'content/_incubators/menj.md')
  if (existsSync(menj)) writeFileSync(menj, readFileSync(menj, 'utf8').replace(/^owner: \/organisations\/menj$/m, 'owner: /organisations/menjs'))
  return root
}
