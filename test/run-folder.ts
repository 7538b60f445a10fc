/**
 * Vitest's global setup for the run's folder: a temporary folder that lasts as long as the run
 * and is removed at its end. A test process keeps there what several test files share and only
 * read (test/cli/run.ts, `runFolder`), out of the folders each file empties when it ends.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's temporary folder. */
    runFolder: string
  }
}

export default function setup(project: TestProject): () => void {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'registry-run-'))
  project.provide('runFolder', folder)
  return () => rmSync(folder, { recursive: true, force: true })
}
