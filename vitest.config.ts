import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * The files that take the most time (browsers, the real corpus, the timing and thread tests),
 * started first so that neither worker is left alone with one of them at the end of the run.
 * Measured in CPU seconds (docs/performance.md); a file missing from the list only runs later.
 */
const HEAVY_FIRST = [
  'test/browser/site.test.ts',
  'test/hostile/linear-time.test.ts',
  'test/compile/compile-thread.test.ts',
  'test/compile/published.real-corpus.test.ts',
  'test/browser/editor-walk.test.ts',
  'test/browser/editor.test.ts',
  'test/history/real-history.test.ts',
  'test/registry/fix.real-corpus.test.ts',
  'test/compile/types.test.ts',
  'test/history/build-history.test.ts',
  'test/browser/home-scale.test.ts',
]

class HeavyFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (spec: TestSpecification) => {
      const i = HEAVY_FIRST.findIndex((f) => spec.moduleId.endsWith(`/${f}`))
      return i === -1 ? HEAVY_FIRST.length : i
    }
    // Array.prototype.sort is stable: the rest keeps vitest's order (longest last run first, else largest file).
    return sorted.sort((a, b) => rank(a) - rank(b))
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // One worker process per core, reused from file to file: vitest's default on two cores is a
    // single worker (cores - 1), and a fresh process per file re-imports the whole tool each time.
    // Sharing a process is safe because no test mocks a module, and each file restores what it
    // changes in the process (environment stubs, working directory, timers).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    isolate: false,
    sequence: { sequencer: HeavyFirst },
    // One Chromium for the run, started when a browser test first asks (test/browser/shared-browser.ts);
    // the run's temporary folder, for what a test process builds once for several files (test/run-folder.ts).
    globalSetup: ['test/browser/shared-browser.ts', 'test/run-folder.ts'],
  },
})
