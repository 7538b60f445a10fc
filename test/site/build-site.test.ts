/** `registry build` and the site: written next to the feed, or left out with REGISTRY_SITE=0. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DSFR_PARTS, dsfrAssets, dsfrDist } from '../../scripts/site/assets.ts'
import { ConfigError } from '../../scripts/errors.ts'
import { cleanTemps, copyRegistry, run, tempDir, writeFiles } from '../cli/run.ts'

afterAll(cleanTemps)

async function build(env: Record<string, string> = {}, args: string[] = []): Promise<string> {
  const out = path.join(tempDir(), 'dist')
  const r = await run(['build', '--root', copyRegistry(), '--out', out, ...args], { env })
  expect(r.code, r.stderr).toBe(0)
  return out
}

describe('registry build writes the site', () => {
  it('next to the feed: pages, the DSFR sheet and every file its url() references', async () => {
    const out = await build()
    for (const file of ['index.html', 'startups/exemple/index.html', 'standards/index.html', 'donnees/index.html', 'accessibilite/index.html', 'assets/site.css', 'assets/filters.js', 'api/v1/startups.json']) {
      expect(existsSync(path.join(out, file)), file).toBe(true)
    }
    const css = readFileSync(path.join(out, 'assets/dsfr/dsfr-site.min.css'), 'utf8')
    const refs = [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!).filter((u) => !u.startsWith('data:'))
    expect(refs.length).toBeGreaterThan(20)
    for (const ref of refs) {
      expect(ref, ref).not.toMatch(/^([a-z]+:|\/)/i)
      expect(existsSync(path.join(out, 'assets/dsfr', ref)), ref).toBe(true)
    }
    // Only what the sheet references (and the favicon) is copied: not DSFR's 4 MB of icons.
    const copied = readdirSync(path.join(out, 'assets/dsfr'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    expect(copied.length).toBe(new Set(refs).size + 2)
  })

  it('with --lang en too: the same site, in French, with labels and no slug', async () => {
    const fr = await build()
    const en = await build({}, ['--lang', 'en'])
    for (const file of ['index.html', 'startups/exemple/index.html', 'standards/index.html']) {
      const page = readFileSync(path.join(en, file), 'utf8')
      expect(page, file).toBe(readFileSync(path.join(fr, file), 'utf8'))
      expect(page.replace(/<[^>]*>/g, ' '), file).not.toMatch(/qualité-logicielle|vie-privée|value hygiene/)
    }
    expect(readFileSync(path.join(en, 'standards/index.html'), 'utf8')).toContain('Qualité logicielle')
  })

  it('without the site when REGISTRY_SITE=0: the feed and the APIs only', async () => {
    const out = await build({ REGISTRY_SITE: '0' })
    expect(existsSync(path.join(out, 'api/v1/startups.json'))).toBe(true)
    expect(existsSync(path.join(out, 'api/v2.7/startups.json'))).toBe(true)
    expect(readdirSync(out).sort()).toEqual(['.registry-build', 'api'])
  })

  it('refuses a DSFR sheet that would load from another origin or from outside the package', () => {
    const fake = (core: string) => {
      const root = tempDir('dsfr-')
      writeFiles(root, { 'package.json': '{"version":"0.0.0"}', ...Object.fromEntries(DSFR_PARTS.map((part) => [`dist/${part}.min.css`, part === 'core/core' ? core : '.x{}'])) })
      return path.join(root, 'dist')
    }
    expect(() => dsfrAssets(fake('@font-face{src:url(https://cdn.example/m.woff2)}'))).toThrow(/hors du site/)
    expect(() => dsfrAssets(fake('@font-face{src:url("//cdn.example/m.woff2")}'))).toThrow(/hors du site/)
    expect(() => dsfrAssets(fake('.a{background:url(../../../secret.svg)}'))).toThrow(/hors du paquet/)
    const fine = dsfrAssets(fake(".a{background:url('../icons/a.svg?v=1#x')}.b{background:url(data:image/svg+xml;x)}"))
    expect(fine.texts[0]![1]).toContain('.a{background:url(icons/a.svg)}.b{background:url(data:image/svg+xml;x)}')
    expect(fine.copies.map(([to]) => to)).toEqual(['assets/dsfr/favicon/favicon.svg', 'assets/dsfr/icons/a.svg'])
  })
})

describe('a site build where @gouvfr/dsfr is not installed (npm ci --omit=dev, as the pull-request job)', () => {
  it('stops with a French message that says what to run, as a configuration error (exit 2), not a crash', () => {
    const missing = (id: string): string => {
      throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' })
    }
    expect(() => dsfrDist(missing)).toThrow(ConfigError)
    expect(() => dsfrDist(missing)).toThrow('Le site a besoin du paquet @gouvfr/dsfr, qui n’est pas installé : lancez « npm ci » (sans --omit=dev)')
    expect(dsfrDist()).toMatch(/@gouvfr[\\/]dsfr[\\/]dist$/)
  })
})

