/**
 * Recognises source repository URLs as teams write them (trailing `.git`,
 * `/tree/main`, `/-/blob/…`, query strings, `www.`), so that the checker asks
 * the forge about the repository itself. Pure.
 */

export type Forge = 'github' | 'gitlab' | 'other'

export interface ForgeRepository {
  forge: Forge
  /** Lower-case host name, without `www.`. */
  host: string
  /** The repository path on the forge: `owner/name`, or `group/subgroup/name` on GitLab. */
  path: string
  /** GitHub only: the two parts of `path`. */
  owner?: string
  name?: string
  /** The repository's web page, normalised (https, no `.git`, no query). */
  pageUrl: string
}

/** First path segments on github.com that are not an owner. */
const GITHUB_RESERVED = new Set([
  'about', 'apps', 'collections', 'customer-stories', 'enterprise', 'events', 'explore', 'features',
  'login', 'marketplace', 'new', 'notifications', 'orgs', 'organizations', 'pricing', 'pulls',
  'search', 'settings', 'site', 'sponsors', 'topics', 'trending', 'users',
])

/** Path segments after which a GitLab URL leaves the project (older URLs lack the `/-/`). */
const GITLAB_PAGES = new Set([
  'tree', 'blob', 'raw', 'commits', 'commit', 'issues', 'merge_requests', 'wikis', 'pipelines',
  'tags', 'branches', 'releases', 'activity', 'blame', 'compare', 'edit',
])

/** The same for Gitea and Forgejo (Codeberg) and other forges shaped like GitHub: `owner/name/src/…`. */
const OTHER_PAGES = new Set([...GITLAB_PAGES, 'src', 'pulls', 'wiki', 'actions'])

const SEGMENT = /^[A-Za-z0-9._-]{1,255}$/

/** Whether a host is a GitLab instance whose public API can be asked (`/api/v4`). */
export function isGitLabHost(host: string): boolean {
  return KNOWN_GITLAB.has(host) || /(^|\.)gitlab[.-]/.test(host)
}

/** GitLab instances the registry's fiches name whose host name does not say so. */
const KNOWN_GITLAB = new Set(['gitlab.com', 'framagit.org', 'forge.apps.education.fr'])

function segmentsOf(url: URL): string[] {
  const segments: string[] = []
  for (const raw of url.pathname.split('/')) {
    if (raw === '') continue
    let s: string
    try {
      s = decodeURIComponent(raw)
    } catch {
      return []
    }
    segments.push(s)
  }
  return segments
}

const stripGit = (s: string): string => (s.toLowerCase().endsWith('.git') ? s.slice(0, -4) : s)
const validSegment = (s: string): boolean => SEGMENT.test(s) && s !== '.' && s !== '..'

/** The repository a URL designates, or null when it is not a recognisable repository URL. */
export function parseForgeUrl(text: string): ForgeRepository | null {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  const host = url.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '')
  const segments = segmentsOf(url)
  if (host === 'github.com') {
    const [owner, rawName] = segments
    if (owner === undefined || rawName === undefined) return null
    const name = stripGit(rawName)
    if (GITHUB_RESERVED.has(owner.toLowerCase())) return null
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(owner) || !validSegment(name)) return null
    const path = `${owner}/${name}`
    return { forge: 'github', host, path, owner, name, pageUrl: `https://github.com/${path}` }
  }
  const forge: Forge = isGitLabHost(host) ? 'gitlab' : 'other'
  let end = segments.indexOf('-')
  if (end < 0) end = segments.length
  if (forge === 'gitlab') {
    // group/subgroup/project/tree/main: the project ends before the first known page name
    const page = segments.findIndex((s, i) => i >= 2 && GITLAB_PAGES.has(s))
    if (page >= 0 && page < end) end = page
  } else if (end === segments.length && segments.length > 2 && OTHER_PAGES.has(segments[2]!)) {
    end = 2 // Gitea, Forgejo (Codeberg), GitHub-like: owner/name/src/…, owner/name/tree/…
  }
  const kept = segments.slice(0, end)
  if (kept.length === 0) return null
  kept[kept.length - 1] = stripGit(kept[kept.length - 1]!)
  if (kept.length < 2 || !kept.every(validSegment)) return null
  const path = kept.join('/')
  const origin = `${url.protocol === 'http:' ? 'http:' : 'https:'}//${url.host}`
  return { forge, host, path, pageUrl: `${origin}/${path.split('/').map(encodeURIComponent).join('/')}` }
}
