/**
 * The architecture of scripts/ (.dependency-cruiser.cjs, which documents the
 * floors) holds: dependency-cruiser finds no violation. And each rule can
 * fail: a small tree that breaks it, cruised with the same rules, gives that
 * rule's violation and no other (a tree that keeps to the floors gives none).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cruise } from 'dependency-cruiser'
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options'
import { afterAll, describe, expect, it } from 'vitest'
import { REPO } from '../cli/run.ts'

const temps: string[] = []
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true })
})

/** Every violation of the project's rules in the tree at `baseDir` (its scripts/ and bin/), as `rule: from → to`. */
async function violations(baseDir: string): Promise<string[]> {
  const options = await extractDepcruiseOptions(path.join(REPO, '.dependency-cruiser.cjs'))
  const result = await cruise(['scripts', 'bin'], { ...options, validate: true, baseDir, ...(baseDir === REPO ? {} : { tsConfig: undefined }) })
  if (typeof result.output === 'string') throw new Error('dependency-cruiser gave text, not a result')
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)
}

/** A tree of small modules: path → the modules it imports (relative specifiers as the code writes them; `type:` first for a type-only import). */
function tree(modules: Record<string, string[]>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'registry-arch-'))
  temps.push(root)
  mkdirSync(path.join(root, 'bin'))
  const line = (m: string, i: number) => (m.startsWith('type:') ? `import type * as m${i} from '${m.slice(5)}'\nexport type Use${i} = typeof m${i}\n` : `import * as m${i} from '${m}'\nexport const use${i} = m${i}\n`)
  for (const [file, imports] of Object.entries(modules)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), `${imports.map(line).join('')}export const here = ${JSON.stringify(file)}\n`)
  }
  return root
}

const rules = (found: string[]) => [...new Set(found.map((v) => v.slice(0, v.indexOf(':'))))].sort()

describe('the architecture of scripts/', () => {
  it('holds: no violation of .dependency-cruiser.cjs', async () => {
    expect(await violations(REPO)).toEqual([])
  }, 120_000)

  it('lets the floors be used as they are meant to', async () => {
    const root = tree({
      'bin/registry.mjs': ['../scripts/cli/main.ts'],
      'scripts/cli/main.ts': ['./commands/build.ts'],
      'scripts/cli/commands/build.ts': ['../../registry/build.ts', '../../report/formatters/index.ts', '../../errors.ts'],
      'scripts/registry.ts': ['./registry/build.ts', './registry-core.ts'],
      'scripts/registry/build.ts': ['../compile/build-feed.ts', '../site/site.ts', '../lint/run-rules.ts'],
      'scripts/registry-core.ts': ['./lint/run-rules.ts', './report/finalize.ts'],
      'scripts/compile/build-feed.ts': ['../lint/run-rules.ts', '../load/config.ts'],
      'scripts/site/site.ts': ['../compile/build-feed.ts'],
      'scripts/site/editor/check.ts': ['../../registry-core.ts'],
      'scripts/lint/run-rules.ts': ['../load/config.ts', '../report/finalize.ts'],
      'scripts/load/config.ts': ['../report/messages.ts', '../errors.ts'],
      'scripts/report/finalize.ts': ['./messages.ts'],
      'scripts/report/messages.ts': [],
      'scripts/report/formatters/index.ts': ['../messages.ts'],
      'scripts/errors.ts': [],
      'scripts/bench/measure.ts': ['../registry.ts', '../load/config.ts'],
      'scripts/compat/compat.ts': ['../registry.ts'],
    })
    expect(await violations(root)).toEqual([])
  }, 60_000)

  const CASES: [string, Record<string, string[]>, string[]][] = [
    ['a tool (bench/) imports cli/', { 'scripts/bench/measure.ts': ['../cli/main.ts'], 'scripts/cli/main.ts': [] }, ['cli-only-from-bin']],
    ['a stage imports cli/', { 'scripts/git/changed-files.ts': ['../cli/io.ts'], 'scripts/cli/io.ts': [] }, ['cli-only-from-bin']],
    ['the API imports cli/', { 'scripts/registry.ts': ['./cli/main.ts'], 'scripts/cli/main.ts': [] }, ['cli-only-from-bin']],
    ['a command composes stages', { 'scripts/cli/commands/build.ts': ['../../compile/build-feed.ts'], 'scripts/compile/build-feed.ts': [] }, ['cli-calls-the-api']],
    ['report/ imports a stage (a type only)', { 'scripts/report/finalize.ts': ['type:../load/config.ts'], 'scripts/load/config.ts': [] }, ['ground-imports-no-stage']],
    ['report/ imports lint rules', { 'scripts/report/formatters/sarif.ts': ['../../lint/rules/index.ts'], 'scripts/lint/rules/index.ts': [] }, ['ground-imports-no-stage']],
    ['errors.ts imports a stage', { 'scripts/errors.ts': ['./load/config.ts'], 'scripts/load/config.ts': [] }, ['ground-imports-no-stage']],
    ['lint/ imports compile/', { 'scripts/lint/standards-report.ts': ['../compile/feed-schema.ts'], 'scripts/compile/feed-schema.ts': [] }, ['lint-not-compile']],
    ['two folders import each other', { 'scripts/compile/build-feed.ts': ['../history/history-schema.ts'], 'scripts/history/history-schema.ts': [], 'scripts/history/history-files.ts': ['../compile/feed-schema.ts'], 'scripts/compile/feed-schema.ts': [] }, ['no-folder-cycles']],
    ['two modules import each other', { 'scripts/validate/text.ts': ['./validate-record.ts'], 'scripts/validate/validate-record.ts': ['./text.ts'] }, ['no-module-cycles']],
    ['a stage imports the API', { 'scripts/lint/lint-registry.ts': ['../registry.ts'], 'scripts/registry.ts': [] }, ['stages-not-api']],
    ['the editor imports the Node half of the API', { 'scripts/site/editor/check.ts': ['../../registry.ts'], 'scripts/registry.ts': [] }, ['editor-calls-registry-core']],
    ['the API imports a tool', { 'scripts/registry/build.ts': ['../bench/measure.ts'], 'scripts/bench/measure.ts': [] }, ['api-not-tools']],
  ]
  it.each(CASES)('fails when %s', async (_, modules, expected) => {
    expect(rules(await violations(tree(modules)))).toEqual(expected)
  }, 60_000)
})
