/**
 * The as-of date of a registry: the commit date of its HEAD (YYYY-MM-DD, in
 * the committer's time zone), so that the same commit always gives the same
 * time-based warnings. Null outside a git work tree or without commits.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

export async function headDate(root: string): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)('git', ['-C', root, 'log', '-1', '--format=%cI', 'HEAD'], { timeout: 10_000 })
    const date = stdout.trim().slice(0, 10)
    return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null
  } catch {
    return null
  }
}
