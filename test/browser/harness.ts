// Shared harness for browser tests: Debian's Chromium driven by playwright-core (never a browser
// download), a static server on 127.0.0.1, a guard that aborts and records every request leaving
// the loopback origin, and axe-core injected from node_modules.
import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Flags from the developers' guide: no sandbox as root, no background traffic, no first-run UI. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/**
 * Browser tests run when Chromium is installed. In CI (`CI=true`) `.ci/run` installs it, so a
 * missing browser there is a failure, not a skip.
 */
export const browserAvailable = existsSync(CHROMIUM_PATH)
export const skipBrowser = !browserAvailable && process.env.CI !== 'true'

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
}

export interface StaticServer {
  /** Base URL ending with `/`, including the sub-path when one was given. */
  url: string
  close(): Promise<void>
}

/**
 * Serves `root` on 127.0.0.1 under `basePath` (for example `/registre/` to check that the site
 * works under a sub-path). A folder serves its `index.html`. Nothing outside `root` is served.
 */
export async function serveStatic(root: string, basePath = '/'): Promise<StaticServer> {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`
  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      if (!url.pathname.startsWith(base)) {
        res.writeHead(404).end('not under base path')
        return
      }
      const relative = decodeURIComponent(url.pathname.slice(base.length))
      let file = normalize(join(root, relative))
      if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
        res.writeHead(403).end()
        return
      }
      let info = await stat(file).catch(() => undefined)
      if (info?.isDirectory()) {
        file = join(file, 'index.html')
        info = await stat(file).catch(() => undefined)
      }
      if (!info?.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found')
        return
      }
      const body = await readFile(file)
      res
        .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
        .end(body)
    } catch {
      res.writeHead(500).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function isLoopback(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true
  try {
    const { hostname } = new URL(url)
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]'
  } catch {
    return false
  }
}

/**
 * Aborts every request that would leave the loopback origin and records it: a test asserts the
 * list is empty. Set on the context, so it covers every page, frame and worker of the context.
 */
export async function guardOrigins(context: BrowserContext): Promise<string[]> {
  const blocked: string[] = []
  await context.route('**/*', async (route) => {
    const url = route.request().url()
    if (isLoopback(url)) await route.continue()
    else {
      blocked.push(url)
      await route.abort('blockedbyclient')
    }
  })
  return blocked
}

/** Records what a page's scripts did wrong: uncaught errors and dialogs (alert from injected markup). */
export function watchPage(page: Page): { errors: string[]; dialogs: string[] } {
  const errors: string[] = []
  const dialogs: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message())
    await dialog.dismiss()
  })
  return { errors, dialogs }
}

const require = createRequire(import.meta.url)
let axeSource: string | undefined

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/** Runs axe-core (from node_modules, injected into the page) and returns serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
  // Once per document (parsing it again for each check of the same page costs a second), evaluated
  // by the browser's debugging protocol rather than as a <script> tag: the site's
  // Content-Security-Policy refuses inline scripts, and the pages are checked as they are served.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** The widths every page is checked at: small and common phones, a tablet, desktops. */
export const WIDTHS = [320, 375, 768, 1280, 1920] as const

/**
 * What sticks out of its box on the page as laid out now: every visible element (controls —
 * fields, links, buttons — and visually hidden `.fr-sr-only` text aside) whose content is wider than its box, and the
 * page wider than the window. A table's scroll region (`role="region"`, focusable, named,
 * `overflow-x: auto`) may scroll sideways below `scrollAllowedBelow` pixels of window width;
 * what is inside it is measured as part of it. Empty when nothing is cut off.
 */
export async function clippedBoxes(page: Page, scrollAllowedBelow = 1280): Promise<string[]> {
  return page.evaluate((limit) => {
    const out: string[] = []
    const root = document.documentElement
    if (root.scrollWidth > root.clientWidth) out.push(`page: ${root.scrollWidth} > ${root.clientWidth}`)
    for (const el of document.body.querySelectorAll('*')) {
      // Controls aside: their text scrolls (fields) or gives way to an icon (DSFR's icon-only links) on purpose; their containers are measured.
      if (!(el instanceof HTMLElement) || el.matches('input, textarea, select, option, a, button') || el.closest('.fr-sr-only')) continue
      const style = getComputedStyle(el)
      if (style.display === 'none' || style.display === 'inline' || style.display === 'contents') continue
      const region = el.closest<HTMLElement>('[role="region"][tabindex="0"]')
      if (region && region !== el) continue
      const over = el.scrollWidth - el.clientWidth
      if (over <= 1) continue
      const scrolls = el === region && /^(auto|scroll)$/.test(style.overflowX) && (el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby') ?? '') !== ''
      if (scrolls && root.clientWidth < limit) continue
      // (No function declared in here: a runner that adds helpers to named functions would break the page's copy.)
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('class') ? `.${el.getAttribute('class')!.trim().split(/\s+/).join('.')}` : ''}`
      out.push(`${name}: ${el.scrollWidth} > ${el.clientWidth}${scrolls ? ' (scroll region at a desktop width)' : ''}`)
    }
    return out
  }, scrollAllowedBelow)
}
