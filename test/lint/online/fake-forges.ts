/**
 * Fakes of the forge endpoints the checker uses, as real HTTP servers on
 * 127.0.0.1: GET /repos/{owner}/{repo} of the GitHub REST API (reached by the
 * real Octokit through `githubBaseUrl`) and GET /api/v4/projects/:path of GitLab.
 *
 * The fake GitHub behaves as GitHub does for conditional requests: every
 * answer carries an ETag computed from its body, a request whose
 * `If-None-Match` matches it gets 304 without a body, and only the other
 * answers are counted against the rate limit (`x-ratelimit-remaining`).
 */
import { createHash } from 'node:crypto'
import { json, startServer, type TestServer } from './servers.ts'

export interface FakeRepo {
  private?: boolean
  license?: { key: string; spdx_id: string | null } | null
  pushed_at?: string | null
  archived?: boolean
  /** Answer this status instead (e.g. 502), `times` times. */
  fail?: { status: number; times: number }
  /** Never answer. */
  hang?: boolean
}

export const MIT = { key: 'mit', spdx_id: 'MIT' }

export interface FakeGitHub extends TestServer {
  /** From now on, answer every request with a rate limit (403 or 429). */
  rateLimit: (status?: 403 | 429) => void
  /** The repositories served: change one to change its answer (and its ETag). */
  repos: Record<string, FakeRepo>
  /** Answers that counted against the rate limit (everything but the 304s). */
  counted: () => number
  /** Answers 304 Not Modified. */
  notModified: () => number
  /** What `x-ratelimit-remaining` says now. */
  remaining: () => number
}

export interface FakeGitHubOptions {
  /** The hourly quota announced in `x-ratelimit-limit` (default 5,000); at 0 left, every request is refused with 403. */
  limit?: number
  /** Every answer waits this long (a real API is some way off). */
  latencyMs?: number
}

export async function startFakeGitHub(repos: Record<string, FakeRepo>, options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  let limited: 403 | 429 | null = null
  const limit = options.limit ?? 5000
  let remaining = limit
  let counted = 0
  let notModified = 0
  const quota = () => ({ 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': '1798761600' })
  const server = await startServer((req, res) => {
    if (options.latencyMs) setTimeout(() => answer(req, res), options.latencyMs)
    else answer(req, res)
  })
  const answer = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void => {
    if (remaining <= 0 && limited === null) limited = 403
    if (limited === 403) {
      counted++
      return json(res, 403, { message: 'API rate limit exceeded for 127.0.0.1.' }, {
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '1798761600', // 2027-01-01T00:00:00Z
      })
    }
    if (limited === 429) {
      counted++
      return json(res, 429, { message: 'Too many requests' }, { 'retry-after': '60' })
    }
    const match = /^\/repos\/([^/]+)\/([^/?]+)$/.exec(req.url ?? '')
    const name = match ? `${decodeURIComponent(match[1]!)}/${decodeURIComponent(match[2]!)}` : ''
    const repo = repos[name]
    if (repo?.hang) return
    if (req.method !== 'GET' || !repo) {
      counted++
      remaining--
      return json(res, 404, { message: 'Not Found' }, quota())
    }
    if (repo.fail && repo.fail.times > 0) {
      repo.fail.times--
      counted++
      return json(res, repo.fail.status, { message: 'Server Error' })
    }
    const body = JSON.stringify({
      full_name: name,
      private: repo.private ?? false,
      archived: repo.archived ?? false,
      pushed_at: repo.pushed_at === undefined ? '2026-10-01T10:00:00Z' : repo.pushed_at,
      license: repo.license === undefined ? MIT : repo.license,
    })
    const etag = `W/"${createHash('sha1').update(body).digest('hex')}"`
    if (req.headers['if-none-match'] === etag) {
      notModified++
      res.writeHead(304, { etag, ...quota() })
      return void res.end()
    }
    counted++
    remaining--
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag, ...quota() })
    res.end(body)
  }
  return Object.assign(server, {
    rateLimit: (status: 403 | 429 = 403) => {
      limited = status
    },
    repos,
    counted: () => counted,
    notModified: () => notModified,
    remaining: () => remaining,
  })
}

export interface FakeGitLabProject {
  visibility?: 'public' | 'internal' | 'private'
  license?: { key: string; name: string } | null
  last_activity_at?: string
}

/** A GitLab instance: the API for `projects`, and project pages (200) for the same paths. */
export async function startFakeGitLab(projects: Record<string, FakeGitLabProject | 'not-json' | 'rate-limited'>): Promise<TestServer> {
  return startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const api = /^\/api\/v4\/projects\/([^/]+)$/.exec(url.pathname)
    if (api) {
      const path = decodeURIComponent(api[1]!)
      const project = projects[path]
      if (project === 'rate-limited') return json(res, 429, { message: 'Retry later' }, { 'retry-after': '60' })
      if (project === 'not-json') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>')
      if (!project) return json(res, 404, { message: '404 Project Not Found' })
      return json(res, 200, {
        path_with_namespace: path,
        visibility: project.visibility ?? 'public',
        archived: false,
        last_activity_at: project.last_activity_at ?? '2026-11-01T00:00:00Z',
        license: project.license === undefined ? { key: 'agpl-3.0', name: 'GNU AGPLv3' } : project.license,
      })
    }
    const known = Object.keys(projects).includes(url.pathname.slice(1))
    res.writeHead(known ? 200 : 404).end()
  })
}
