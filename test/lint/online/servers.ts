/**
 * Real HTTP servers on 127.0.0.1 for the online checker's tests: each records
 * the requests it received and how many were in flight at once.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SeenRequest {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
}

export interface TestServer {
  origin: string
  port: number
  requests: SeenRequest[]
  /** The most requests in flight at the same time. */
  maxInFlight: () => number
  close: () => Promise<void>
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, seen: SeenRequest[]) => void

export async function startServer(handler: Handler, host = '127.0.0.1'): Promise<TestServer> {
  const requests: SeenRequest[] = []
  let inFlight = 0
  let max = 0
  const sockets = new Set<import('node:net').Socket>()
  const server = http.createServer((req, res) => {
    inFlight++
    max = Math.max(max, inFlight)
    let counted = true
    const release = (): void => {
      if (counted) inFlight--
      counted = false
    }
    res.on('close', release)
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    handler(req, res, requests)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  const shown = host.includes(':') ? `[${host}]` : host
  return {
    origin: `http://${shown}:${port}`,
    port,
    requests,
    maxInFlight: () => max,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

/** Sends a JSON answer. */
export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(body))
}
