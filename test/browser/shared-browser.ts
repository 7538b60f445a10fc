/**
 * Vitest's global setup for the browser tests: one Chromium for the whole run, started on the
 * first request rather than by each test file (a start costs more than a second of CPU). The
 * main process listens on 127.0.0.1; a test file's `launchBrowser()` asks it for the browser's
 * WebSocket address and connects to it (each file still works in its own contexts). A run
 * without browser tests starts no browser.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium, type BrowserServer } from 'playwright-core'
import type { TestProject } from 'vitest/node'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The address that answers with the shared browser's WebSocket endpoint. */
    browserBroker: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let browser: Promise<BrowserServer> | undefined
  const server = createServer((_req, res) => {
    browser ??= chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
    browser.then(
      (b) => res.writeHead(200, { 'content-type': 'text/plain' }).end(b.wsEndpoint()),
      (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(err.message),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  project.provide('browserBroker', `http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await (await browser?.catch(() => undefined))?.close()
  }
}
