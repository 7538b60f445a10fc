// Hostile and broken input, one case per item of the robustness issue: each
// gives a located diagnostic (rule id and line), exit code 1 without a stack
// trace, the other fiches are still checked, and build writes nothing.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanTemps, GOOD, hasStackTrace, REPO, run, tempDir } from '../cli/run.ts'

afterEach(cleanTemps)

type Content = string | Buffer | { symlink: string } | { dir: true }

interface Case {
  name: string
  files: Record<string, Content>
  config?: object
  /** [file, ruleId, line] expected among the diagnostics. */
  expect: [string, string, number][]
}

const VALID = fs.readFileSync(path.join(GOOD, 'startups', fs.readdirSync(path.join(GOOD, 'startups'))[0]!), 'utf8')
const withFront = (yaml: string) => `---\n${yaml}\n---\nCorps.\n`
const head = VALID.slice(0, VALID.indexOf('\n---', 4))
/** The valid startup with extra front-matter lines after its first line. */
const extra = (lines: string) => `---\n${lines}\n${head.slice(4)}\n---\nCorps.\n`

const CASES: Case[] = [
  { name: 'YAML alias bomb (anchors and aliases)', files: { 'startups/bombe.md': withFront(`a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]`) }, expect: [['startups/bombe.md', 'yaml/anchor', 2]] },
  { name: 'custom tag !!js/function', files: { 'startups/tag.md': extra('mission2: !!js/function "function () { return 1 }"') }, expect: [['startups/tag.md', 'yaml/tag', 2]] },
  { name: '__proto__ key', files: { 'startups/proto.md': extra('__proto__:\n  polluted: true') }, expect: [['startups/proto.md', 'schema/unknown-key', 2]] },
  { name: 'constructor key', files: { 'startups/ctor.md': extra('constructor: 1') }, expect: [['startups/ctor.md', 'schema/unknown-key', 2]] },
  { name: 'duplicate key', files: { 'startups/double.md': extra('title: Deux fois') }, expect: [['startups/double.md', 'yaml/duplicate-key', 3]] },
  { name: 'tab indentation', files: { 'startups/tab.md': extra('techno:\n\t- python') }, expect: [['startups/tab.md', 'yaml/syntax', 3]] },
  { name: 'byte order mark', files: { 'startups/bom.md': `\uFEFF${VALID}` }, expect: [['startups/bom.md', 'file/bom', 1]] },
  { name: 'CRLF line endings', files: { 'startups/crlf.md': VALID.replace(/\n/g, '\r\n') }, expect: [['startups/crlf.md', 'file/crlf', 1]] },
  { name: 'invalid UTF-8', files: { 'startups/latin1.md': Buffer.concat([Buffer.from(extra('x: 1').split('\n').slice(0, 2).join('\n') + '\n'), Buffer.from('mission: caf\xe9\n', 'latin1'), Buffer.from(head.split('\n').slice(3).join('\n') + '\n---\n')]) }, expect: [['startups/latin1.md', 'file/encoding', 3]] },
  { name: 'NUL byte', files: { 'startups/nul.md': VALID.replace('\n---\n', '\nnote: "a\u0000b"\n---\n') }, expect: [['startups/nul.md', 'file/nul-byte', VALID.slice(0, VALID.indexOf('\n---', 4)).split('\n').length + 1]] },
  { name: 'empty file', files: { 'startups/vide.md': '' }, expect: [['startups/vide.md', 'file/empty', 1]] },
  { name: 'a file that is only ---', files: { 'startups/tirets.md': '---' }, expect: [['startups/tirets.md', 'frontmatter/unterminated', 1]] },
  { name: 'a 50 MB file', files: { 'startups/enorme.md': Buffer.alloc(50 * 1024 * 1024, 'a') }, expect: [['startups/enorme.md', 'file/too-large', 1]] },
  { name: 'a very long line', files: { 'startups/longue.md': extra(`mission2: ${'a'.repeat(20_000)}`) }, expect: [['startups/longue.md', 'file/long-line', 2]] },
  { name: 'a 10,000-element array', files: { 'startups/liste.md': extra(`techno:\n${'  - x\n'.repeat(10_000)}`.trimEnd()) }, expect: [['startups/liste.md', 'yaml/too-many-items', 1003]] },
  { name: 'deep nesting', files: { 'startups/profond.md': extra(`rgpd: ${'['.repeat(200)}${']'.repeat(200)}`) }, expect: [['startups/profond.md', 'yaml/too-deep', 2]] },
  { name: 'symlink inside the repository', files: { 'startups/lien.md': { symlink: '../organisations/dinum.md' } }, expect: [['startups/lien.md', 'file/symlink', 1]] },
  { name: 'symlink outside the repository', files: { 'startups/passwd.md': { symlink: '/etc/passwd' } }, expect: [['startups/passwd.md', 'file/symlink', 1]] },
  { name: 'file name with spaces', files: { 'startups/mon produit.md': VALID }, expect: [['startups/mon produit.md', 'id/invalid', 1]] },
  { name: 'file name with uppercase', files: { 'startups/MonProduit.md': VALID }, expect: [['startups/MonProduit.md', 'id/format', 1]] },
  { name: 'file name with accents', files: { 'startups/données.md': VALID }, expect: [['startups/données.md', 'id/format', 1]] },
  { name: 'file name with ..', files: { 'startups/a..b.md': VALID }, expect: [['startups/a..b.md', 'id/invalid', 1]] },
  { name: 'two ids that differ only by case', files: { 'startups/produit.md': VALID, 'startups/Produit.md': VALID }, expect: [['startups/produit.md', 'id/case-collision', 1]] },
  { name: 'a folder named like a fiche', files: { 'startups/dossier.md': { dir: true } }, expect: [['startups/dossier.md', 'file/directory', 1]] },
]

const NOBODY = { uid: 65534, gid: 65534 }

function canTestPermissions(): boolean {
  if (process.getuid?.() !== 0) return true
  const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(path.join(REPO, 'bin/registry.mjs'))}); require(${JSON.stringify(path.join(REPO, 'node_modules/tsx/package.json'))})`], { ...NOBODY, cwd: os.tmpdir() })
  return probe.status === 0
}

function registry(files: Record<string, Content>, config?: object): string {
  const root = tempDir('registry-hostile-')
  fs.cpSync(GOOD, root, { recursive: true })
  // Another broken fiche: it must still be reported next to the hostile one.
  fs.writeFileSync(path.join(root, 'startups/autre.md'), VALID.replace(/^incubator: .*$/m, 'incubator: inconnu'))
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(root, file)
    if (typeof content === 'object' && 'symlink' in content) fs.symlinkSync(content.symlink, target)
    else if (typeof content === 'object' && 'dir' in content) fs.mkdirSync(target)
    else fs.writeFileSync(target, content)
  }
  if (config) fs.writeFileSync(path.join(root, 'registry.config.json'), JSON.stringify(config))
  return root
}

describe('hostile input', () => {
  it.each(CASES)('$name', async ({ files, config, expect: expected }) => {
    const root = registry(files, config)
    const out = path.join(root, 'dist')
    const r = await run(['build', '--root', root, '--out', out, '--format', 'json'])
    expect(r.code).toBe(1)
    expect(hasStackTrace(r)).toBe(false)
    const diagnostics = JSON.parse(r.stdout).diagnostics as { file: string; ruleId: string; line: number; column: number; severity: string }[]
    for (const [file, ruleId, line] of expected) {
      expect(diagnostics.map((d) => [d.file, d.ruleId, d.line])).toContainEqual([file, ruleId, line])
      expect(diagnostics.find((d) => d.file === file && d.ruleId === ruleId)?.severity).toBe('error')
    }
    expect(diagnostics.map((d) => [d.file, d.ruleId])).toContainEqual(['startups/autre.md', 'ref/unknown-incubator'])
    expect(fs.existsSync(out)).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  // Root reads every file whatever its mode: the check runs as `nobody` there,
  // when nobody can reach the checkout (a clone under /root cannot be).
  it.skipIf(!canTestPermissions())('unreadable permissions', () => {
    const root = registry({ 'startups/secret.md': VALID })
    fs.chmodSync(path.join(root, 'startups/secret.md'), 0o000)
    fs.chmodSync(root, 0o755)
    const asNobody = process.getuid?.() === 0 ? NOBODY : {}
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin/registry.mjs'), 'validate', '--root', root, '--format', 'json'], { cwd: os.tmpdir(), encoding: 'utf8', ...asNobody })
    expect(r.status).toBe(1)
    expect(hasStackTrace({ stdout: r.stdout, stderr: r.stderr })).toBe(false)
    const diagnostics = JSON.parse(r.stdout).diagnostics as { file: string; ruleId: string; line: number }[]
    expect(diagnostics.map((d) => [d.file, d.ruleId, d.line])).toContainEqual(['startups/secret.md', 'file/unreadable', 1])
    expect(diagnostics.map((d) => [d.file, d.ruleId])).toContainEqual(['startups/autre.md', 'ref/unknown-incubator'])
  })
})
