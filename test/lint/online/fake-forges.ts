/**
 * Fakes of the forge endpoints the checker uses, as real HTTP servers on
 * 127.0.0.1: GET /repos/{owner}/{repo} of the GitHub REST API (reached by the
 * real Octokit through `githubBaseUrl`) and GET /api/v4/projects/:path of GitLab.
 */
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
}

export async function startFakeGitHub(repos: Record<string, FakeRepo>): Promise<FakeGitHub> {
  let limited: 403 | 429 | null = null
  const server = await startServer((req, res) => {
    if (limited === 403) {
      return json(res, 403, { message: 'API rate limit exceeded for 127.0.0.1.' }, {
        'x-ratelimit-limit': '60',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '1798761600', // 2027-01-01T00:00:00Z
      })
    }
    if (limited === 429) return json(res, 429, { message: 'Too many requests' }, { 'retry-after': '60' })
    const match = /^\/repos\/([^/]+)\/([^/?]+)$/.exec(req.url ?? '')
    const name = match ? `${decodeURIComponent(match[1]!)}/${decodeURIComponent(match[2]!)}` : ''
    const repo = repos[name]
    if (req.method !== 'GET' || !repo) return json(res, 404, { message: 'Not Found' })
    if (repo.hang) return
    if (repo.fail && repo.fail.times > 0) {
      repo.fail.times--
      return json(res, repo.fail.status, { message: 'Server Error' })
    }
    json(res, 200, {
      full_name: name,
      private: repo.private ?? false,
      archived: repo.archived ?? false,
      pushed_at: repo.pushed_at === undefined ? '2026-10-01T10:00:00Z' : repo.pushed_at,
      license: repo.license === undefined ? MIT : repo.license,
    })
  })
  return Object.assign(server, {
    rateLimit: (status: 403 | 429 = 403) => {
      limited = status
    },
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
