/**
 * The site's static files: one style sheet made of the DSFR parts the pages
 * use (core and a few components, from node_modules/@gouvfr/dsfr, with each
 * url() pointing at a copy next to it), the fonts and icons that sheet
 * references (copied, nothing else), the site's own style sheet and its one
 * script (static.ts). The only module of scripts/site/ that reads the disk.
 */
import { readFileSync } from 'node:fs'
import { promises as fsp } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { ConfigError } from '../errors.ts'
import type { SideWriter } from '../compile/write-output.ts'
import { DSFR_CSS, FAVICON, SITE_CSS } from './layout.ts'
import { FILTERS_SCRIPT } from './pages/home.ts'
import { FILTERS_JS, SITE_STYLES } from './static.ts'

/** The DSFR parts the pages use, in the order of DSFR's own bundle (core first). */
export const DSFR_PARTS = ['core/core', 'component/link/link', 'component/button/button', 'component/badge/badge', 'component/form/form', 'component/input/input', 'component/select/select', 'component/breadcrumb/breadcrumb', 'component/table/table', 'component/pagination/pagination', 'component/alert/alert', 'component/callout/callout', 'component/stepper/stepper', 'component/summary/summary', 'component/logo/logo', 'component/skiplink/skiplink', 'component/header/header', 'component/footer/footer'] as const

/**
 * The dist/ folder of @gouvfr/dsfr: a development dependency (the site's build needs it, the
 * checks do not: CI's validation job installs without it, `npm ci --omit=dev`).
 */
export function dsfrDist(resolve: (id: string) => string = createRequire(import.meta.url).resolve): string {
  let manifest: string
  try {
    manifest = resolve('@gouvfr/dsfr/package.json')
  } catch {
    throw new ConfigError('Le site a besoin du paquet @gouvfr/dsfr, qui n’est pas installé : lancez « npm ci » (sans --omit=dev) dans le dossier de l’outil, ou compilez sans le site (REGISTRY_SITE=0).')
  }
  return path.join(path.dirname(manifest), 'dist')
}

/** url(x), url("x") or url('x'): the reference, quotes removed. */
const URL_PATTERN = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g

export interface SiteAssets {
  /** Text files to write: [site-relative path, content]. */
  texts: [string, string][]
  /** Files to copy as they are: [site-relative path, absolute source]. */
  copies: [string, string][]
}

/**
 * The DSFR sheet (its url() references rewritten relative to it) and the
 * files it references. A reference outside DSFR's dist folder, or to another
 * origin, is an error: the site would load something it does not serve.
 */
export function dsfrAssets(dist = dsfrDist()): SiteAssets {
  const folder = path.posix.dirname(DSFR_CSS)
  const copies = new Map<string, string>()
  const parts = DSFR_PARTS.map((part) => {
    const file = path.join(dist, `${part}.min.css`)
    const css = readFileSync(file, 'utf8').replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '')
    return css.replace(URL_PATTERN, (whole, dq: string | undefined, sq: string | undefined, bare: string | undefined) => {
      const ref = dq ?? sq ?? bare ?? ''
      if (ref.startsWith('data:') || ref.startsWith('#')) return whole
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) throw new Error(`DSFR : ${part}.min.css charge ${ref}, hors du site.`)
      const clean = ref.replace(/[?#].*$/, '')
      const source = path.resolve(path.dirname(file), clean)
      const relative = path.relative(dist, source).split(path.sep).join('/')
      if (relative.startsWith('..')) throw new Error(`DSFR : ${part}.min.css référence ${ref}, hors du paquet.`)
      copies.set(`${folder}/${relative}`, source)
      return `url(${relative})`
    })
  })
  copies.set(FAVICON, path.join(dist, 'favicon/favicon.svg'))
  const header = `/* DSFR ${dsfrVersion(dist)} (${DSFR_PARTS.join(', ')}), MIT licence: https://github.com/GouvernementFR/dsfr */\n`
  return { texts: [[DSFR_CSS, header + parts.join('\n')]], copies: [...copies.entries()].sort(([a], [b]) => (a < b ? -1 : 1)) }
}

function dsfrVersion(dist: string): string {
  return (JSON.parse(readFileSync(path.join(dist, '..', 'package.json'), 'utf8')) as { version: string }).version
}

/** Everything static the pages need. */
export function siteAssets(): SiteAssets {
  const dsfr = dsfrAssets()
  return {
    texts: [...dsfr.texts, [SITE_CSS, SITE_STYLES], [FILTERS_SCRIPT, FILTERS_JS]],
    copies: dsfr.copies,
  }
}

/** Copies files into the staging folder, next to the other writers. */
export function copyWriter(copies: readonly [string, string][]): SideWriter {
  let stopped = false
  return {
    async write(staging) {
      const made = new Set<string>()
      for (const [rel, source] of copies) {
        if (stopped) break
        const target = path.join(staging, rel)
        const parent = path.dirname(target)
        if (!made.has(parent)) {
          await fsp.mkdir(parent, { recursive: true })
          made.add(parent)
        }
        await fsp.copyFile(source, target)
      }
      return stopped ? 0 : copies.length
    },
    async abort() {
      stopped = true
    },
  }
}

/** Two writers as one (the compile thread's and the copies). */
export function bothWriters(a: SideWriter | undefined, b: SideWriter | undefined): SideWriter | undefined {
  if (!a || !b) return a ?? b
  return {
    async write(staging) {
      const [x, y] = await Promise.all([a.write(staging), b.write(staging)])
      return x + y
    },
    async abort() {
      await Promise.all([a.abort(), b.abort()])
    },
    manifest: () => new Map([...(a.manifest?.() ?? []), ...(b.manifest?.() ?? [])]),
  }
}
