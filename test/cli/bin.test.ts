/**
 * bin/registry.mjs as a real process: the exit code reaches the shell and
 * nothing crashes on the way. Few on purpose (each spawn costs ~0.5 s).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BAD, GOOD, hasStackTrace, parseReport, REPO } from './run.ts'

function registry(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env.GITHUB_ACTIONS
  delete env.NO_COLOR
  const r = spawnSync(process.execPath, ['bin/registry.mjs', ...args], { cwd: REPO, env, encoding: 'utf8', timeout: 20_000 })
  if (r.error) throw r.error
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr }
}

describe('bin/registry.mjs', () => {
  it('exits 0 on the good fixture (relative --root, from the repository root)', () => {
    const r = registry('validate', '--root', path.relative(REPO, GOOD))
    expect(r).toMatchObject({ code: 0, signal: null, stderr: '' })
    expect(r.stdout).toBe('✔ 0 erreur, 0 avertissement dans 3 fichiers\n')
  })

  it('exits 1 on a bad fixture, with the diagnostics on stdout', () => {
    const r = registry('validate', '--root', path.join(BAD, 'yaml-syntax'), '--format', 'json')
    expect(r.code).toBe(1)
    expect(hasStackTrace(r)).toBe(false)
    expect(parseReport(r.stdout).diagnostics.map((d) => [d.file, d.ruleId, d.line, d.column])).toEqual([['startups/yaml-syntax.md', 'yaml/syntax', 3, 18]])
  })

  it('exits 2 on a usage error, in French, with nothing on stdout', () => {
    const r = registry('valider', '--root', GOOD)
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'Commande inconnue : valider.\nVoir « registry --help ».\n' })
  })
})
