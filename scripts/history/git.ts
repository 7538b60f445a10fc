/**
 * The history stage's only door to git: one `git` process per call, its
 * output buffered. simple-git was measured against this on the real history
 * (3,578 commits, `git log -z -M --raw`): its `raw()` took the same time as
 * the process it wraps (265–290 ms either way) plus 25 ms to import, and its
 * `log()` parser reads neither `-z` output nor rename pairs; so the history
 * stage runs git itself, as `git/changed-files.ts` does. Never the network,
 * except `fetchFullHistory` (a shallow clone with a remote).
 */
import { execFile, spawn } from 'node:child_process'
import { mayBeInRepository } from '../git/head-date.ts'

export class GitError extends Error {}

export async function git(root: string, args: readonly string[], timeout = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', ['-C', root, ...args], { maxBuffer: 1 << 30, timeout, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } }, (err, stdout, stderr) => {
      if (err) reject(new GitError(`git ${args[0]}: ${String(stderr).trim() || err.message}`))
      else resolve(stdout)
    })
  })
}

/** What the history stage can expect of a registry's folder. */
export type RepoState =
  | { kind: 'none' }
  /** A repository without any commit yet. */
  | { kind: 'empty' }
  | { kind: 'ok'; head: string; shallow: boolean; remote: boolean }

/** One git process: inside a work tree? shallow? HEAD's commit (none in a repository without commits)? The remote is asked for only when shallow. */
export async function repoState(root: string): Promise<RepoState> {
  // Where git could not find a repository, the same answer without starting it.
  if (!mayBeInRepository(root)) return { kind: 'none' }
  const out = await new Promise<string>((resolve) => {
    execFile('git', ['-C', root, 'rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--verify', '--quiet', 'HEAD^{commit}'], { timeout: 60_000, encoding: 'utf8' }, (_err, stdout) => resolve(String(stdout ?? '')))
  })
  const [work, shallow, head] = out.split('\n')
  if (work !== 'true') return { kind: 'none' }
  if (!head || !/^[0-9a-f]{40,64}$/.test(head)) return { kind: 'empty' }
  const remote = shallow === 'true' && (await git(root, ['remote']).catch(() => '')).trim() !== ''
  return { kind: 'ok', head, shallow: shallow === 'true', remote }
}

/** Deepens a shallow clone to its whole history (CI's `fetch-depth: 1`). False when it cannot. */
export async function fetchFullHistory(root: string): Promise<boolean> {
  try {
    await git(root, ['fetch', '--quiet', '--unshallow', '--no-tags'], 600_000)
    return (await git(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'false'
  } catch {
    return false
  }
}

/**
 * The contents of many blobs through one `git cat-file --batch` process, read
 * as they stream in. Missing objects (a shallow history) are left out of the
 * map; so is a blob larger than `maxBytes` (a fiche that big is refused today
 * too), whose bytes are skipped, never held.
 */
export async function readBlobs(root: string, ids: Iterable<string>, maxBytes = 1 << 20): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)]
  const out = new Map<string, string>()
  if (wanted.length === 0) return out
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', root, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'ignore'] })
    let next = 0
    // The blob being read: its id, size, and the parts received (none when skipped).
    let blob: { id: string; size: number; parts: Buffer[] | null; got: number } | undefined
    let pending: Buffer = Buffer.alloc(0)
    child.stdout.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk])
      for (;;) {
        if (!blob) {
          const eol = pending.indexOf(10)
          if (eol < 0) return
          const header = pending.toString('latin1', 0, eol)
          pending = pending.subarray(eol + 1)
          const id = wanted[next++]!
          if (header.endsWith(' missing')) continue
          const size = Number(header.split(' ')[2])
          blob = { id, size, parts: size > maxBytes ? null : [], got: 0 }
        }
        // The content, then a newline.
        const take = Math.min(pending.length, blob.size + 1 - blob.got)
        if (blob.parts) blob.parts.push(pending.subarray(0, take))
        blob.got += take
        pending = pending.subarray(take)
        if (blob.got < blob.size + 1) return
        if (blob.parts) out.set(blob.id, Buffer.concat(blob.parts).subarray(0, blob.size).toString('utf8'))
        blob = undefined
      }
    })
    child.on('error', (err) => reject(new GitError(`git cat-file: ${err.message}`)))
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new GitError(`git cat-file: exit ${code}`))))
    child.stdin.on('error', () => {})
    child.stdin.end(`${wanted.join('\n')}\n`)
  })
}
