/**
 * The URL checker against real servers on 127.0.0.1. Private addresses are
 * allowed here (`allowAll`) except where the policy itself is under test.
 */
import { readFileSync } from 'node:fs'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import {
  allowAll,
  checkUrl,
  fetchHop,
  refusePrivate,
  type FetchContext,
  type Resolver,
} from '../../../scripts/lint/online/fetch-url.ts'
import { startServer, type TestServer } from './servers.ts'

const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function serve(...args: Parameters<typeof startServer>): Promise<TestServer> {
  const server = await startServer(...args)
  servers.push(server)
  return server
}

const noResolver: Resolver = async (hostname) => {
  throw Object.assign(new Error(`no DNS in tests: ${hostname}`), { code: 'ENOTFOUND' })
}

function context(overrides: Partial<FetchContext> = {}): FetchContext {
  return {
    timeoutMs: 5000,
    retries: 1,
    maxRedirects: 10,
    userAgent: 'registry-test',
    policy: allowAll,
    resolver: noResolver,
    ...overrides,
  }
}

describe('checkUrl against real servers', () => {
  it('a live page answers HEAD: ok, one request, with the user agent', async () => {
    const server = await serve((_req, res) => res.end('hello'))
    const verdict = await checkUrl(`${server.origin}/page`, context())
    expect(verdict).toEqual({ outcome: 'ok', status: 200 })
    expect(server.requests.map((r) => r.method)).toEqual(['HEAD'])
    expect(server.requests[0]!.headers['user-agent']).toBe('registry-test')
  })

  it('a dead link (404): HEAD then GET, dead', async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 404
      res.end('not here')
    })
    expect(await checkUrl(`${server.origin}/gone`, context())).toEqual({ outcome: 'dead', status: 404 })
    expect(server.requests.map((r) => r.method)).toEqual(['HEAD', 'GET'])
  })

  it('410, 400 and 500 are dead; 401, 403 and 429 show the page exists', async () => {
    const server = await serve((req, res) => {
      res.statusCode = Number(req.url!.slice(1))
      res.end()
    })
    const outcomes: Record<number, string> = {}
    for (const status of [410, 400, 500, 401, 403, 429]) {
      outcomes[status] = (await checkUrl(`${server.origin}/${status}`, context({ retries: 0 }))).outcome
    }
    expect(outcomes).toEqual({ 410: 'dead', 400: 'dead', 500: 'dead', 401: 'ok', 403: 'ok', 429: 'ok' })
  })

  it('a redirect chain (relative and absolute locations) is followed to its end', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/a') res.writeHead(301, { location: '/b' }).end()
      else if (req.url === '/b') res.writeHead(302, { location: `http://127.0.0.1:${server.port}/c?x=1` }).end()
      else if (req.url === '/c?x=1') res.writeHead(308, { location: 'd' }).end()
      else if (req.url === '/d') res.end('arrived')
      else res.writeHead(404).end()
    })
    const verdict = await checkUrl(`${server.origin}/a`, context())
    expect(verdict).toEqual({ outcome: 'ok', status: 200, finalUrl: `${server.origin}/d` })
    expect(server.requests.map((r) => r.url)).toEqual(['/a', '/b', '/c?x=1', '/d'])
  })

  it('a redirect loop stops at once: too-many-redirects (loop)', async () => {
    const server = await serve((req, res) => {
      res.writeHead(302, { location: req.url === '/one' ? '/two' : '/one' }).end()
    })
    const verdict = await checkUrl(`${server.origin}/one`, context())
    expect(verdict).toMatchObject({ outcome: 'too-many-redirects', detail: 'loop' })
    expect(server.requests).toHaveLength(2)
  })

  it('an endless redirect chain stops at maxRedirects: too-many-redirects (limit)', async () => {
    const server = await serve((req, res) => {
      res.writeHead(307, { location: `/r${Number(req.url!.slice(2)) + 1}` }).end()
    })
    const verdict = await checkUrl(`${server.origin}/r0`, context({ maxRedirects: 3 }))
    expect(verdict).toMatchObject({ outcome: 'too-many-redirects', detail: 'limit', finalUrl: `${server.origin}/r4` })
    expect(server.requests.map((r) => r.url)).toEqual(['/r0', '/r1', '/r2', '/r3'])
  })

  it('a slow redirect chain stops at the time limit of the target, whatever the per-request limit', async () => {
    const server = await serve((req, res) => {
      setTimeout(() => res.writeHead(302, { location: `/r${Number(req.url!.slice(2)) + 1}` }).end(), 100)
    })
    const verdict = await checkUrl(`${server.origin}/r0`, context({ timeoutMs: 5000, targetTimeoutMs: 300, maxRedirects: 50 }))
    expect(verdict.outcome).toBe('timeout')
    expect(server.requests.length).toBeLessThan(50)
  })

  it('HEAD refused (405) then GET answers: ok', async () => {
    const server = await serve((req, res) => {
      if (req.method === 'HEAD') res.writeHead(405, { allow: 'GET' }).end()
      else res.end('<html></html>')
    })
    expect(await checkUrl(`${server.origin}/`, context())).toEqual({ outcome: 'ok', status: 200 })
    expect(server.requests.map((r) => r.method)).toEqual(['HEAD', 'GET'])
  })

  it('a server that never answers: timeout after one retry', async () => {
    const server = await serve(() => {
      /* never answers */
    })
    const verdict = await checkUrl(`${server.origin}/slow`, context({ timeoutMs: 150 }))
    expect(verdict).toEqual({ outcome: 'timeout' })
    expect(server.requests).toHaveLength(2)
  })

  it('one retry succeeds after a first 503', async () => {
    let calls = 0
    const server = await serve((_req, res) => {
      calls++
      res.writeHead(calls === 1 ? 503 : 200).end()
    })
    expect(await checkUrl(`${server.origin}/`, context())).toEqual({ outcome: 'ok', status: 200 })
    expect(server.requests.map((r) => r.method)).toEqual(['HEAD', 'HEAD'])
  })

  it('a server that stays at 503: dead after one retry of HEAD and of GET', async () => {
    const server = await serve((_req, res) => res.writeHead(503).end())
    expect(await checkUrl(`${server.origin}/`, context())).toEqual({ outcome: 'dead', status: 503 })
    expect(server.requests.map((r) => r.method)).toEqual(['HEAD', 'HEAD', 'GET', 'GET'])
  })

  it('retries: 0 means a single try', async () => {
    const server = await serve((_req, res) => res.writeHead(503).end())
    await checkUrl(`${server.origin}/`, context({ retries: 0 }))
    expect(server.requests.map((r) => r.method)).toEqual(['HEAD', 'GET'])
  })

  it('an endless body is never read: GET ends at the headers', async () => {
    let written = 0
    let closed = false
    const server = await serve((req, res) => {
      if (req.method === 'HEAD') return void res.writeHead(405).end()
      res.writeHead(200, { 'content-type': 'text/html' })
      const chunk = Buffer.alloc(64 * 1024, 'x')
      const pump = (): void => {
        while (!closed && written < 512 * 1024 * 1024 && res.write(chunk)) written += chunk.length
      }
      res.on('drain', pump)
      res.on('close', () => {
        closed = true
      })
      pump()
    })
    expect(await checkUrl(`${server.origin}/`, context())).toEqual({ outcome: 'ok', status: 200 })
    await new Promise<void>((resolve) => (closed ? resolve() : setImmediate(resolve)))
    expect(written).toBeLessThan(512 * 1024 * 1024)
  })

  it('a body read for an API is cut at maxBodyBytes', async () => {
    const server = await serve((_req, res) => res.end(Buffer.alloc(1024 * 1024, 'y')))
    const answer = await fetchHop(`${server.origin}/`, context(), { method: 'GET', maxBodyBytes: 1000 })
    expect(answer).toMatchObject({ kind: 'response', status: 200, bodyComplete: false })
    expect(answer.kind === 'response' && answer.body?.length).toBe(1000)
    const small = await fetchHop(`${server.origin}/`, context(), { method: 'GET', maxBodyBytes: 2 * 1024 * 1024 })
    expect(small).toMatchObject({ kind: 'response', bodyComplete: true })
  })

  it('connects to the address the resolver gave (pinned), with the host name in Host', async () => {
    const server = await serve((_req, res) => res.end('ok'))
    const asked: string[] = []
    const resolver: Resolver = async (hostname) => {
      asked.push(hostname)
      return [{ address: '127.0.0.1', family: 4 }]
    }
    const verdict = await checkUrl(`http://site.test:${server.port}/`, context({ resolver }))
    expect(verdict).toEqual({ outcome: 'ok', status: 200 })
    expect(asked).toEqual(['site.test'])
    expect(server.requests[0]!.headers.host).toBe(`site.test:${server.port}`)
  })

  it('an unknown host name is unreachable (ENOTFOUND), without a retry', async () => {
    let calls = 0
    const resolver: Resolver = async () => {
      calls++
      throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' })
    }
    expect(await checkUrl('https://nowhere.test/', context({ resolver }))).toEqual({ outcome: 'unreachable', detail: 'ENOTFOUND' })
    expect(calls).toBe(1)
  })

  it('a closed port is unreachable (ECONNREFUSED)', async () => {
    const server = await serve((_req, res) => res.end())
    const origin = server.origin
    await servers.pop()!.close()
    expect(await checkUrl(`${origin}/`, context({ retries: 0 }))).toEqual({ outcome: 'unreachable', detail: 'ECONNREFUSED' })
  })

  it.each([
    ['ftp://example.org/file', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['https://user:secret@example.org/', 'credentials'],
    ['https://user@example.org/', 'credentials'],
    ['not a url', 'invalid'],
  ])('%s is refused-scheme (%s), nothing resolved', async (url, detail) => {
    const verdict = await checkUrl(url, context())
    expect(verdict).toEqual({ outcome: 'refused-scheme', detail })
  })
})

describe('the address policy, against a real server that must not be contacted', () => {
  it.each([
    ['127.0.0.1', (port: number) => `http://127.0.0.1:${port}/`, 'loopback'],
    ['the decimal form of 127.0.0.1', (port: number) => `http://2130706433:${port}/`, 'loopback'],
    ['localhost (through the system resolver)', (port: number) => `http://localhost:${port}/`, 'loopback'],
  ])('%s is refused-address', async (_name, url, range) => {
    const server = await serve((_req, res) => res.end())
    const { systemResolver } = await import('../../../scripts/lint/online/fetch-url.ts')
    const verdict = await checkUrl(url(server.port), context({ policy: refusePrivate, resolver: systemResolver }))
    expect(verdict).toEqual({ outcome: 'refused-address', detail: range })
    expect(server.requests).toHaveLength(0)
  })

  it('IPv6 loopback and IPv4-mapped IPv6 literals are refused', async () => {
    const ctx = context({ policy: refusePrivate })
    expect(await checkUrl('http://[::1]:9/', ctx)).toEqual({ outcome: 'refused-address', detail: 'loopback' })
    expect(await checkUrl('http://[::ffff:127.0.0.1]:9/', ctx)).toEqual({ outcome: 'refused-address', detail: 'ipv4-mapped' })
    expect(await checkUrl('http://[::ffff:8.8.8.8]/', ctx)).toEqual({ outcome: 'refused-address', detail: 'ipv4-mapped' })
    expect(await checkUrl('http://169.254.169.254/latest/meta-data/', ctx)).toEqual({ outcome: 'refused-address', detail: 'link-local' })
  })

  it('a host name that resolves to a private address is refused, even among public ones', async () => {
    const resolver: Resolver = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ]
    expect(await checkUrl('https://rebind.test/', context({ policy: refusePrivate, resolver }))).toEqual({
      outcome: 'refused-address',
      detail: 'private',
    })
  })

  it('each redirect hop is checked again: a redirect to a refused address is not followed', async () => {
    const onlyThisServer = (addresses: readonly string[]) =>
      addresses.every((a) => a === '127.0.0.1') ? null : ('loopback' as const)
    const server = await serve((req, res) => {
      if (req.url === '/start') res.writeHead(302, { location: `http://127.0.0.2:${server.port}/inside` }).end()
      else res.end('should not be reached')
    })
    const verdict = await checkUrl(`${server.origin}/start`, context({ policy: onlyThisServer }))
    expect(verdict).toEqual({
      outcome: 'refused-address',
      detail: 'loopback',
      finalUrl: `http://127.0.0.2:${server.port}/inside`,
    })
    expect(server.requests.map((r) => r.url)).toEqual(['/start'])
  })
})

describe('https', () => {
  it('a certificate no public authority signed is unreachable, with the TLS error code, and no request is sent', async () => {
    const tls = (name: string) => readFileSync(new URL(`./tls/${name}`, import.meta.url))
    let requests = 0
    const server = https.createServer({ key: tls('key.pem'), cert: tls('cert.pem') }, (_req, res) => {
      requests++
      res.end('secret')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }]
      for (const url of [`https://127.0.0.1:${port}/`, `https://site.test:${port}/`]) {
        const verdict = await checkUrl(url, context({ resolver }))
        expect(verdict).toEqual({ outcome: 'unreachable', detail: 'DEPTH_ZERO_SELF_SIGNED_CERT' })
      }
      expect(requests).toBe(0)
    } finally {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})
