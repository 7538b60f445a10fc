/**
 * The `registry` command runs plain JavaScript (.registry-bin/, written by
 * scripts/bundle/bundle.mjs at install), never tsx or TypeScript, and never a
 * bundle older than its sources. Each case works on a copy of the tool in a
 * temporary folder (bin/, scripts/, schemas/, package.json; node_modules linked),
 * so the checkout's own bundle is neither used nor touched.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleState } from '../../scripts/bundle/freshness.mjs'
import { GOOD, REPO } from '../cli/run.ts'

let tool: string
let logCount = 0

function bundle() {
  const r = spawnSync(process.execPath, [path.join(tool, 'scripts/bundle/bundle.mjs')], { encoding: 'utf8' })
  expect(r.status, r.stderr).toBe(0)
}

/** Runs the copy's bin/registry.mjs; returns its output and every module it loaded. */
function registry(...args: string[]) {
  const log = path.join(tool, `modules-${logCount++}.log`)
  writeFileSync(log, '')
  const env: NodeJS.ProcessEnv = { ...process.env, MODULE_LOG: log, REGISTRY_THREADS: '1' }
  delete env.GITHUB_ACTIONS
  const r = spawnSync(process.execPath, ['--import', path.join(REPO, 'test/bundle/module-log.mjs'), path.join(tool, 'bin/registry.mjs'), ...args], { env, encoding: 'utf8', timeout: 30_000 })
  if (r.error) throw r.error
  const modules = readFileSync(log, 'utf8').split('\n').filter(Boolean)
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, modules }
}

/** Modules that only a TypeScript toolchain would load. */
const compilerModules = (modules: string[]) => modules.filter((m) => /[\\/]node_modules[\\/](tsx|typescript|esbuild|get-tsconfig)[\\/]|^require (tsx|typescript|esbuild)\b|\.[cm]?ts$/.test(m))

beforeAll(() => {
  tool = mkdtempSync(path.join(os.tmpdir(), 'registry-tool-'))
  for (const dir of ['bin', 'scripts', 'schemas']) cpSync(path.join(REPO, dir), path.join(tool, dir), { recursive: true })
  cpSync(path.join(REPO, 'package.json'), path.join(tool, 'package.json'))
  symlinkSync(path.join(REPO, 'node_modules'), path.join(tool, 'node_modules'), 'dir')
  bundle()
}, 60_000)

afterAll(() => {
  rmSync(tool, { recursive: true, force: true })
})

describe('the bundled command', () => {
  it('starts without loading tsx, esbuild, TypeScript or a .ts file (--help)', () => {
    const r = registry('--help')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Utilisation : registry <commande>/)
    // The log does record modules: the bundle's entry is there.
    expect(r.modules.some((m) => m.endsWith('/.registry-bin/main.mjs'))).toBe(true)
    expect(compilerModules(r.modules)).toEqual([])
    // Only the command line and the help's text: not the rules, their messages nor the parsers
    // (found by importing registry/config.ts at start, they were 230 KB: --help took 1.55x node -e 0).
    const bundled = [...new Set(r.modules.map((m) => /\/\.registry-bin\/([^/]+\.mjs)$/.exec(m)?.[1]).filter((m) => m !== undefined))]
    const bytes = bundled.reduce((sum, m) => sum + statSync(path.join(tool, '.registry-bin', m)).size, 0)
    expect(bytes).toBeLessThan(80_000)
  })

  it('validates and builds (compile thread included) from the bundle alone, with the same output as from the sources', () => {
    const validate = registry('validate', '--root', GOOD, '--format', 'json')
    expect(validate.code).toBe(0)
    expect(compilerModules(validate.modules)).toEqual([])
    expect(validate.modules.some((m) => /\/\.registry-bin\/validate-[^/]*\.mjs$/.test(m))).toBe(true)
    const out = path.join(tool, 'dist-bundle')
    const build = registry('build', '--root', GOOD, '--out', out)
    expect(build.code, build.stderr).toBe(0)
    expect(compilerModules(build.modules)).toEqual([])
    // The same build from the sources (tsx), in a checkout where the bundle is stale.
    const reference = spawnSync(process.execPath, ['--import', 'tsx', '-e', `import(${JSON.stringify(path.join(REPO, 'scripts/cli/main.ts'))}).then(({ main }) => main(['build', '--root', ${JSON.stringify(GOOD)}, '--out', ${JSON.stringify(path.join(tool, 'dist-sources'))}], { stdout() {}, stderr: (s) => process.stderr.write(s), env: { REGISTRY_THREADS: '1' }, cwd: process.cwd(), isTTY: false })).then((code) => { process.exitCode = code })`], { cwd: REPO, encoding: 'utf8' })
    expect(reference.status, reference.stderr).toBe(0)
    const diff = spawnSync('diff', ['-r', out, path.join(tool, 'dist-sources')], { encoding: 'utf8' })
    expect(diff.stdout).toBe('')
    expect(diff.status).toBe(0)
  })

  it('never runs a bundle older than its sources: it runs the sources through tsx until the next bundle', () => {
    expect(bundleState(tool)).toBe('fresh')
    // Only the modification time changes: the content is hashed, and the bundle still holds.
    const main = path.join(tool, 'scripts/cli/main.ts')
    const later = new Date(Date.now() + 60_000)
    utimesSync(main, later, later)
    expect(bundleState(tool)).toBe('fresh')
    // An edit of the same size.
    writeFileSync(main, readFileSync(main, 'utf8').replace('Utilisation : registry', 'UTILISATION : registry'))
    expect(bundleState(tool)).toBe('stale')
    const stale = registry('--help')
    expect(stale.code).toBe(0)
    expect(stale.stdout).toMatch(/^UTILISATION : registry/)
    expect(stale.stderr).toBe('')
    expect(compilerModules(stale.modules).length).toBeGreaterThan(0)
    bundle()
    const rebuilt = registry('--help')
    expect(rebuilt.stdout).toMatch(/^UTILISATION : registry/)
    expect(compilerModules(rebuilt.modules)).toEqual([])
    // A source that disappears makes the bundle stale too; no manifest, no bundle.
    rmSync(path.join(tool, 'scripts/tool-root.ts'))
    expect(bundleState(tool)).toBe('stale')
    rmSync(path.join(tool, '.registry-bin/manifest.json'))
    expect(bundleState(tool)).toBe('missing')
  }, 60_000)
})
