/**
 * Helpers for the CLI tests: an in-process run of `main` with a fake Io,
 * temporary registries built from the fixtures, and a stack trace detector.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { inject } from 'vitest'
import type { Io } from '../../scripts/cli/io.ts'
import { main } from '../../scripts/cli/main.ts'

/** The repository root, from this file's place (never hard-coded). */
export const REPO = fileURLToPath(new URL('../../', import.meta.url))
export const FIXTURES = path.join(REPO, 'test', 'fixtures')
export const GOOD = path.join(FIXTURES, 'good')
export const BAD = path.join(FIXTURES, 'bad')

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI in-process; env is empty unless given (no GITHUB_ACTIONS leaking from CI). */
export async function run(argv: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined>; isTTY?: boolean } = {}): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const io: Io = {
    stdout: (s) => {
      stdout += s
    },
    stderr: (s) => {
      stderr += s
    },
    env: options.env ?? {},
    cwd: options.cwd ?? REPO,
    isTTY: options.isTTY ?? false,
  }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}

/** A line of a V8 stack trace (`    at foo (file:1:2)`). */
export const STACK_LINE = /^\s+at\s/m

export function hasStackTrace(r: { stdout: string; stderr: string }): boolean {
  return STACK_LINE.test(r.stdout) || STACK_LINE.test(r.stderr) || /\bError: /.test(r.stderr)
}

const temps: string[] = []

/** A fresh temporary folder, removed by `cleanTemps`. */
export function tempDir(prefix = 'registry-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  temps.push(dir)
  return dir
}

export function cleanTemps(): void {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
}

/**
 * A fresh folder in the run's folder (test/run-folder.ts): for what a test process shares
 * between files, never emptied by `cleanTemps`; removed at the end of the run.
 */
export function runFolder(prefix: string): string {
  return fs.mkdtempSync(path.join(inject('runFolder') ?? ownRunFolder(), prefix))
}

let own: string | undefined
/** Without the global setup (another configuration): a folder of this process, removed when it exits. */
function ownRunFolder(): string {
  if (own) return own
  const folder = (own = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-run-')))
  process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }))
  return folder
}

/** A temporary copy of a fixture registry (the good one by default). */
export function copyRegistry(from = GOOD): string {
  const dir = tempDir()
  fs.cpSync(from, dir, { recursive: true })
  return dir
}

/** Writes files (relative path → text or bytes) under root, creating folders. */
export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel)
    fs.mkdirSync(path.dirname(abs), { recursive: true })
    fs.writeFileSync(abs, content)
  }
}

/** Every file under dir (relative POSIX path → bytes as base64), for byte-for-byte comparisons. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (abs: string, rel: string): void => {
    for (const entry of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const a = path.join(abs, entry.name)
      const r = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        out[`${r}/`] = ''
        walk(a, r)
      } else {
        out[r] = fs.readFileSync(a).toString('base64')
      }
    }
  }
  walk(dir, '')
  return out
}

export interface JsonReport {
  diagnostics: { file: string; line: number; column: number; endLine: number; endColumn: number; ruleId: string; severity: string; message: string; hint: string; path?: string }[]
  summary: { files: number; errors: number; warnings: number }
}

export function parseReport(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport
}
