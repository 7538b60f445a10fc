/**
 * A fake of the GitHub REST endpoints that `report`, `propose` and `evidence`
 * use, served over HTTP on 127.0.0.1 so that the real Octokit client talks to
 * it. Keeps one repository's branches, files, git objects (blobs, trees,
 * commits, with git's own ids), pull requests (with their head repository,
 * head commit and list of changed files), issues, labels, comments (with
 * their authors) and commit statuses in memory, logs every request, and can be told
 * to fail the next matching request. Like GitHub's token for a workflow, the
 * fake's token writes comments as `commentAuthor` and cannot edit a comment
 * someone else wrote (403).
 */
import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface LoggedRequest {
  method: string
  path: string
  body: any
  authorization?: string
}

interface Failure {
  method: string
  path: RegExp
  status: number
  body: unknown
  headers: Record<string, string>
  times: number
}

export interface FakeComment {
  id: number
  body: string
  user: { login: string; type: string }
}

export interface FakePullFile {
  filename: string
  status?: 'added' | 'modified' | 'removed' | 'renamed'
  previous_filename?: string
}

export interface FakePull {
  number: number
  head: string
  base: string
  title: string
  body: string
  state: 'open' | 'closed'
  /** OWNER/NAME of the head branch's repository: a fork when it is not this one; null when the fork was deleted. Default: this repository. */
  headRepo?: string | null
  /** The head commit. */
  headSha?: string
  files?: FakePullFile[]
  /** What GitHub says the pull request changes; default: the files listed. */
  changedFiles?: number
}

export interface FakeStatus {
  sha: string
  state: string
  context: string
  description?: string
  target_url?: string
}

export interface FakeIssue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  state_reason: string | null
  labels: string[]
  user: { login: string; type: string }
}

type GitObject =
  | { type: 'blob'; content: Buffer }
  | { type: 'tree'; entries: { path: string; mode: string; type: string; sha: string }[] }
  | { type: 'commit'; tree: string; parents: string[]; message: string }

export class FakeGitHub {
  readonly requests: LoggedRequest[] = []
  readonly issues: FakeIssue[] = []
  readonly labels = new Map<string, { name: string; color: string; description: string }>()
  /** Git objects by their git id (sha1 of `type size\0content`). */
  readonly objects = new Map<string, GitObject>()
  readonly refs = new Map<string, string>()
  /** branch → path → content */
  readonly files = new Map<string, Map<string, string>>()
  readonly pulls: FakePull[] = []
  readonly comments = new Map<number, FakeComment[]>()
  readonly statuses: FakeStatus[] = []
  /** Who the token writes comments as. */
  commentAuthor = { login: 'github-actions[bot]', type: 'Bot' }
  private failures: Failure[] = []
  private server?: http.Server
  private nextId = 1000
  baseUrl = ''

  constructor(
    readonly owner = 'betagouv',
    readonly repo = 'registre',
    readonly defaultBranch = 'main',
  ) {
    this.refs.set(defaultBranch, this.sha('root'))
    this.files.set(defaultBranch, new Map())
  }

  /** The next `times` requests matching method and path answer `status`. */
  fail(method: string, path: RegExp, status: number, body: unknown = { message: 'fake failure' }, headers: Record<string, string> = {}, times = 1): void {
    this.failures.push({ method, path, status, body, headers, times })
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = ''
      req.setEncoding('utf8')
      req.on('data', (c) => (raw += c))
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1')
        const body = raw ? JSON.parse(raw) : undefined
        this.requests.push({ method: req.method ?? '', path: decodeURIComponent(url.pathname) + url.search, body, authorization: req.headers.authorization })
        const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
          res.end(status === 204 ? undefined : JSON.stringify(data))
        }
        const failure = this.failures.find((f) => f.method === req.method && f.path.test(decodeURIComponent(url.pathname)))
        if (failure) {
          if (--failure.times <= 0) this.failures.splice(this.failures.indexOf(failure), 1)
          send(failure.status, failure.body, failure.headers)
          return
        }
        try {
          const [status, data] = this.route(req.method ?? 'GET', url, body)
          send(status, data)
        } catch (err) {
          send(500, { message: String(err) })
        }
      })
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  /** Requests other than reads. */
  writes(): LoggedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET')
  }

  private sha(s: string): string {
    return createHash('sha1').update(s).digest('hex')
  }

  /** Stores a git object under git's own id. */
  private store(object: GitObject): string {
    const content = object.type === 'blob' ? object.content : Buffer.from(JSON.stringify(object))
    const sha = createHash('sha1').update(`${object.type} ${content.length}\0`).update(content).digest('hex')
    this.objects.set(sha, object)
    return sha
  }

  /** A file's content on a branch made through the git data API (commit → tree → blob). */
  gitFile(branch: string, path: string): string | undefined {
    const commit = this.objects.get(this.refs.get(branch) ?? '')
    if (commit?.type !== 'commit') return undefined
    const tree = this.objects.get(commit.tree)
    const entry = tree?.type === 'tree' ? tree.entries.find((e) => e.path === path) : undefined
    const blob = entry ? this.objects.get(entry.sha) : undefined
    return blob?.type === 'blob' ? blob.content.toString('utf8') : undefined
  }

  /** The commits of a branch, newest first (through first parents). */
  gitLog(branch: string): { sha: string; message: string; parents: string[] }[] {
    const out: { sha: string; message: string; parents: string[] }[] = []
    let sha = this.refs.get(branch)
    while (sha) {
      const c = this.objects.get(sha)
      if (c?.type !== 'commit') break
      out.push({ sha, message: c.message, parents: c.parents })
      sha = c.parents[0]
    }
    return out
  }

  private issueJson(i: FakeIssue) {
    return { ...i, labels: i.labels.map((name) => ({ name })), html_url: `https://github.com/${this.owner}/${this.repo}/issues/${i.number}` }
  }

  private gitRoute(method: string, rest: string, body: any): [number, unknown] | undefined {
    let m: RegExpExecArray | null
    const notFound: [number, unknown] = [404, { message: 'Not Found' }]
    if (method === 'POST' && rest === '/git/blobs') {
      const content = Buffer.from(body.content, body.encoding === 'base64' ? 'base64' : 'utf8')
      return [201, { sha: this.store({ type: 'blob', content }) }]
    }
    if (method === 'GET' && (m = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(rest))) {
      const o = this.objects.get(m[1]!)
      return o?.type === 'blob' ? [200, { sha: m[1], size: o.content.length, encoding: 'base64', content: o.content.toString('base64') }] : notFound
    }
    if (method === 'POST' && rest === '/git/trees') {
      const base = body.base_tree ? this.objects.get(body.base_tree) : undefined
      const entries = new Map((base?.type === 'tree' ? base.entries : []).map((e) => [e.path, e]))
      for (const e of body.tree) {
        if (!this.objects.has(e.sha)) return [422, { message: 'Invalid tree info' }]
        entries.set(e.path, { path: e.path, mode: e.mode, type: e.type, sha: e.sha })
      }
      const sha = this.store({ type: 'tree', entries: [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : 1)) })
      return [201, { sha }]
    }
    if (method === 'GET' && (m = /^\/git\/trees\/([0-9a-f]{40})$/.exec(rest))) {
      const o = this.objects.get(m[1]!)
      return o?.type === 'tree' ? [200, { sha: m[1], tree: o.entries, truncated: false }] : notFound
    }
    if (method === 'POST' && rest === '/git/commits') {
      if (this.objects.get(body.tree)?.type !== 'tree') return [422, { message: 'Tree SHA does not exist' }]
      for (const p of body.parents ?? []) if (this.objects.get(p)?.type !== 'commit') return [422, { message: 'Parent SHA does not exist or is not a commit object' }]
      const sha = this.store({ type: 'commit', tree: body.tree, parents: body.parents ?? [], message: body.message })
      return [201, { sha, tree: { sha: body.tree }, parents: (body.parents ?? []).map((p: string) => ({ sha: p })), message: body.message }]
    }
    if (method === 'GET' && (m = /^\/git\/commits\/([0-9a-f]{40})$/.exec(rest))) {
      const o = this.objects.get(m[1]!)
      return o?.type === 'commit' ? [200, { sha: m[1], tree: { sha: o.tree }, parents: o.parents.map((p) => ({ sha: p })), message: o.message }] : notFound
    }
    if (method === 'PATCH' && (m = /^\/git\/refs\/heads\/(.+)$/.exec(rest))) {
      const current = this.refs.get(m[1]!)
      if (!current) return [422, { message: 'Reference does not exist' }]
      const next = this.objects.get(body.sha)
      if (next?.type !== 'commit') return [422, { message: 'Object does not exist' }]
      if (!body.force && !next.parents.includes(current)) return [422, { message: 'Update is not a fast forward' }]
      this.refs.set(m[1]!, body.sha)
      return [200, { ref: `refs/heads/${m[1]}`, object: { sha: body.sha } }]
    }
    return undefined
  }

  private issuesRoute(method: string, url: URL, rest: string, body: any): [number, unknown] | undefined {
    let m: RegExpExecArray | null
    const notFound: [number, unknown] = [404, { message: 'Not Found' }]
    if (rest === '/issues' && method === 'GET') {
      const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean)
      const state = url.searchParams.get('state') ?? 'open'
      const per = Number(url.searchParams.get('per_page') ?? 30)
      const page = Number(url.searchParams.get('page') ?? 1)
      const list = this.issues.filter((i) => labels.every((l) => i.labels.includes(l)) && (state === 'all' || i.state === state))
      return [200, list.slice((page - 1) * per, page * per).map((i) => this.issueJson(i))]
    }
    if (rest === '/issues' && method === 'POST') {
      const issue: FakeIssue = { number: this.pulls.length + this.issues.length + 1, title: body.title, body: body.body ?? '', state: 'open', state_reason: null, labels: body.labels ?? [], user: { ...this.commentAuthor } }
      this.issues.push(issue)
      return [201, this.issueJson(issue)]
    }
    if ((m = /^\/issues\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const issue = this.issues.find((i) => i.number === Number(m![1]))
      if (!issue) return notFound
      if (typeof body.title === 'string') issue.title = body.title
      if (typeof body.body === 'string') issue.body = body.body
      if (body.state === 'open' || body.state === 'closed') {
        issue.state = body.state
        issue.state_reason = body.state === 'closed' ? (body.state_reason ?? 'completed') : 'reopened'
      }
      return [200, this.issueJson(issue)]
    }
    if ((m = /^\/labels\/(.+)$/.exec(rest)) && method === 'GET') {
      const label = this.labels.get(m[1]!)
      return label ? [200, label] : notFound
    }
    if (rest === '/labels' && method === 'POST') {
      if (this.labels.has(body.name)) return [422, { message: 'Validation Failed', errors: [{ code: 'already_exists' }] }]
      this.labels.set(body.name, { name: body.name, color: body.color ?? 'ededed', description: body.description ?? '' })
      return [201, this.labels.get(body.name)]
    }
    return undefined
  }

  private route(method: string, url: URL, body: any): [number, unknown] {
    const prefix = `/repos/${this.owner}/${this.repo}`
    const p = decodeURIComponent(url.pathname)
    if (!p.startsWith(prefix)) return [404, { message: 'Not Found' }]
    const rest = p.slice(prefix.length)
    const notFound: [number, unknown] = [404, { message: 'Not Found' }]
    let m: RegExpExecArray | null
    const git = this.gitRoute(method, rest, body) ?? this.issuesRoute(method, url, rest, body)
    if (git) return git
    if (method === 'GET' && rest === '') return [200, { name: this.repo, full_name: `${this.owner}/${this.repo}`, default_branch: this.defaultBranch }]
    if (method === 'GET' && (m = /^\/git\/ref\/heads\/(.+)$/.exec(rest))) {
      const sha = this.refs.get(m[1]!)
      return sha ? [200, { ref: `refs/heads/${m[1]}`, object: { sha, type: 'commit' } }] : notFound
    }
    if (method === 'POST' && rest === '/git/refs') {
      const branch = String(body.ref).replace(/^refs\/heads\//, '')
      if (this.refs.has(branch)) return [422, { message: 'Reference already exists' }]
      const from = [...this.refs].find(([, sha]) => sha === body.sha)
      if (!from && this.objects.get(body.sha)?.type !== 'commit') return [422, { message: 'Object does not exist' }]
      this.refs.set(branch, body.sha)
      this.files.set(branch, new Map(from ? this.files.get(from[0]) : []))
      return [201, { ref: body.ref, object: { sha: body.sha } }]
    }
    if ((m = /^\/contents\/(.+)$/.exec(rest))) {
      const path = m[1]!
      if (method === 'GET') {
        const branch = url.searchParams.get('ref') ?? this.defaultBranch
        const content = this.files.get(branch)?.get(path)
        if (content === undefined) return notFound
        return [200, { type: 'file', path, sha: this.sha(content), encoding: 'base64', content: Buffer.from(content).toString('base64') }]
      }
      if (method === 'PUT') {
        const files = this.files.get(body.branch)
        if (!files) return notFound
        const old = files.get(path)
        if (old !== undefined && body.sha !== this.sha(old)) return [409, { message: `${path} does not match ${body.sha}` }]
        if (old === undefined && body.sha) return [422, { message: 'sha wasn\'t supplied' }]
        const content = Buffer.from(body.content, 'base64').toString('utf8')
        files.set(path, content)
        const commit = this.sha(`${body.branch}:${path}:${content}:${body.message}`)
        this.refs.set(body.branch, commit)
        return [old === undefined ? 201 : 200, { content: { path, sha: this.sha(content) }, commit: { sha: commit, message: body.message } }]
      }
    }
    if (rest === '/pulls' && method === 'GET') {
      const head = url.searchParams.get('head')
      const base = url.searchParams.get('base')
      const state = url.searchParams.get('state') ?? 'open'
      const list = this.pulls.filter((pr) => (!head || `${this.owner}:${pr.head}` === head) && (!base || pr.base === base) && (state === 'all' || pr.state === state))
      return [200, list.map((pr) => this.pullJson(pr))]
    }
    if (rest === '/pulls' && method === 'POST') {
      if (!this.refs.has(body.head) || !this.refs.has(body.base)) return [422, { message: 'Validation Failed', errors: [{ message: 'head or base invalid' }] }]
      if (this.pulls.some((pr) => pr.head === body.head && pr.state === 'open')) return [422, { message: 'Validation Failed', errors: [{ message: `A pull request already exists for ${this.owner}:${body.head}.` }] }]
      if (this.refs.get(body.head) === this.refs.get(body.base)) return [422, { message: 'Validation Failed', errors: [{ message: `No commits between ${body.base} and ${body.head}` }] }]
      const pr: FakePull = { number: this.pulls.length + 1, head: body.head, base: body.base, title: body.title, body: body.body ?? '', state: 'open' }
      this.pulls.push(pr)
      return [201, this.pullJson(pr)]
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(rest)) && method === 'GET') {
      const pr = this.pulls.find((x) => x.number === Number(m![1]))
      return pr ? [200, this.pullJson(pr)] : notFound
    }
    if ((m = /^\/pulls\/(\d+)\/files$/.exec(rest)) && method === 'GET') {
      const pr = this.pulls.find((x) => x.number === Number(m![1]))
      if (!pr) return notFound
      const per = Number(url.searchParams.get('per_page') ?? 30)
      const page = Number(url.searchParams.get('page') ?? 1)
      return [200, (pr.files ?? []).slice((page - 1) * per, page * per).map((f) => ({ sha: this.sha(f.filename), status: 'modified', additions: 1, deletions: 0, changes: 1, ...f }))]
    }
    if ((m = /^\/statuses\/([0-9a-f]{40})$/.exec(rest)) && method === 'POST') {
      if (!['error', 'failure', 'pending', 'success'].includes(body.state)) return [422, { message: 'Validation Failed' }]
      if (typeof body.description === 'string' && body.description.length > 140) return [422, { message: 'description is too long (maximum is 140 characters)' }]
      const status: FakeStatus = { sha: m[1]!, state: body.state, context: body.context, description: body.description, target_url: body.target_url }
      this.statuses.push(status)
      return [201, { id: this.nextId++, ...status }]
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const pr = this.pulls.find((x) => x.number === Number(m![1]))
      if (!pr) return notFound
      if (typeof body.body === 'string') pr.body = body.body
      return [200, this.pullJson(pr)]
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const n = Number(m[1])
      if (!this.pulls.some((pr) => pr.number === n) && !this.issues.some((i) => i.number === n) && !this.comments.has(n)) return notFound
      const list = this.comments.get(n) ?? []
      if (method === 'GET') {
        const per = Number(url.searchParams.get('per_page') ?? 30)
        const page = Number(url.searchParams.get('page') ?? 1)
        return [200, list.slice((page - 1) * per, page * per).map((c) => this.commentJson(n, c))]
      }
      if (method === 'POST') {
        const c: FakeComment = { id: this.nextId++, body: body.body, user: { ...this.commentAuthor } }
        list.push(c)
        this.comments.set(n, list)
        return [201, this.commentJson(n, c)]
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      for (const [n, list] of this.comments) {
        const c = list.find((x) => x.id === Number(m![1]))
        if (c) {
          if (c.user.login !== this.commentAuthor.login) return [403, { message: 'Resource not accessible by integration' }]
          c.body = body.body
          return [200, this.commentJson(n, c)]
        }
      }
      return notFound
    }
    return notFound
  }

  private pullJson(pr: FakePull) {
    const own = `${this.owner}/${this.repo}`
    const headRepo = pr.headRepo === undefined ? own : pr.headRepo
    return {
      number: pr.number,
      html_url: `https://github.com/${own}/pull/${pr.number}`,
      title: pr.title,
      body: pr.body,
      state: pr.state,
      changed_files: pr.changedFiles ?? pr.files?.length ?? 0,
      head: { ref: pr.head, sha: pr.headSha ?? this.sha(`head:${pr.number}`), repo: headRepo === null ? null : { full_name: headRepo } },
      base: { ref: pr.base, sha: this.refs.get(pr.base) ?? this.sha('base'), repo: { full_name: own } },
    }
  }

  private commentJson(n: number, c: FakeComment) {
    return { ...c, html_url: `https://github.com/${this.owner}/${this.repo}/pull/${n}#issuecomment-${c.id}` }
  }
}
