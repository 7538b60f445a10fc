/**
 * The fiches as they were at a revision, for `lint --changed --new-only`:
 * the merge base of the change, then each file's content there, read with one
 * `git cat-file --batch` (not one `git show` per file: a bot pull request
 * touches hundreds). A file absent at the revision (added by the change) is
 * simply not in the result; one over `maxBytes` is skipped (its warnings then
 * all count as new). Runs git; never the network.
 */
import { execFile, spawn } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

async function git(root: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-C', root, ...args], { maxBuffer: 1 << 24, timeout: 60_000 })
  return stdout
}

/** The commit the change is compared with: the merge base of `base` and HEAD (as `changedFiles` diffs), or `base` itself. */
export async function comparisonCommit(root: string, base: string): Promise<string> {
  const mergeBase = (await git(root, ['merge-base', base, 'HEAD']).catch(() => '')).trim()
  return mergeBase || (await git(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`])).trim()
}

/** Runs a `git cat-file` batch mode with `input` on its standard input; its output is kept up to `cap` bytes. */
function batch(root: string, mode: '--batch' | '--batch-check', input: string, cap: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const child = spawn('git', ['-C', root, 'cat-file', mode], { stdio: ['pipe', 'pipe', 'ignore'] })
    const chunks: Buffer[] = []
    let size = 0
    child.stdout.on('data', (c: Buffer) => {
      size += c.length
      if (size > cap) child.kill()
      else chunks.push(c)
    })
    child.on('error', reject)
    child.on('close', (code) => (code === 0 && size <= cap ? resolve(Buffer.concat(chunks)) : reject(new Error(`git cat-file ${mode}: exit ${code}`))))
    child.stdin.on('error', () => {})
    child.stdin.end(input)
  })
}

/** `files` relative to the registry's root → their text at `rev` (UTF-8, lossy). */
export async function filesAt(root: string, rev: string, files: readonly string[], maxBytes: number): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  // A path with a newline cannot be asked for in batch mode: such a file counts as added.
  const asked = files.filter((f) => !/[\r\n]/.test(f))
  if (asked.length === 0) return out
  const prefix = (await git(root, ['rev-parse', '--show-prefix'])).trim()
  const spec = (f: string) => `${rev}:${prefix}${f}\n`
  // Sizes first: what exceeds the registry's file limit is never read.
  const sizes = (await batch(root, '--batch-check', asked.map(spec).join(''), asked.length * 400)).toString('utf8').split('\n')
  const fitting = asked.filter((_, i) => {
    const m = /^[0-9a-f]+ blob (\d+)$/.exec(sizes[i] ?? '')
    return m !== null && Number(m[1]) <= maxBytes
  })
  if (fitting.length === 0) return out
  const stdout = await batch(root, '--batch', fitting.map(spec).join(''), fitting.length * (maxBytes + 200))
  let at = 0
  for (const file of fitting) {
    const eol = stdout.indexOf(0x0a, at)
    if (eol < 0) break
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(stdout.subarray(at, eol).toString('utf8'))
    at = eol + 1
    if (!m) continue
    const length = Number(m[2])
    if (m[1] === 'blob') out.set(file, new TextDecoder('utf-8', { ignoreBOM: true }).decode(stdout.subarray(at, at + length)))
    at += length + 1
  }
  return out
}
