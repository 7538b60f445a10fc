import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { guardOrigins, launchBrowser, seriousAxeViolations, serveStatic, skipBrowser, watchPage, type StaticServer } from './harness.js'

describe.skipIf(skipBrowser)('browser harness', () => {
  let browser: Browser
  let server: StaticServer
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'harness-'))
    await writeFile(
      join(dir, 'index.html'),
      `<!doctype html><html lang="fr"><head><title>Essai</title>
<link rel="stylesheet" href="https://cdn.example.org/x.css"></head>
<body><main><h1>Essai</h1><img src="nope.png"></main></body></html>`,
    )
    server = await serveStatic(dir, '/sous-chemin/')
    browser = await launchBrowser()
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('serves under a sub-path, records a request to another origin, and axe finds the missing alt', async () => {
    const context = await browser.newContext()
    const blocked = await guardOrigins(context)
    const page = await context.newPage()
    const watched = watchPage(page)
    const response = await page.goto(server.url)
    expect(response?.status()).toBe(200)
    expect(await page.textContent('h1')).toBe('Essai')
    expect(blocked).toEqual(['https://cdn.example.org/x.css'])
    const violations = await seriousAxeViolations(page)
    expect(violations.map((v) => v.id)).toContain('image-alt')
    expect(watched.errors).toEqual([])
    await context.close()
  })
})
