/**
 * `registry fix`: on the test corpus (the fixture registries and the
 * repository's own), every byte outside the edits that `validate --format
 * json` gives stays as it was (diff test, on the bytes); an uncertain fix is
 * never applied; a file whose errors would grow is left as it was; --dry-run
 * writes nothing; what remains is checked again. And every rule that says it
 * fixes itself (docs/regles.md) gives a fix on the corpus, and only those do.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { RULE_CATALOGUE } from '../../scripts/lint/rule-catalogue.ts'
import { applyFixes, build, fix, readConfig } from '../../scripts/registry.ts'
import type { Diagnostic } from '../../scripts/report/diagnostic.ts'
import { BAD, cleanTemps, copyRegistry, FIXTURES, GOOD, REPO, run, snapshotTree, tempDir } from '../cli/run.ts'

afterAll(cleanTemps)

const FIXABLE = path.join(FIXTURES, 'fixable')
const AS_OF = '2026-06-01'

/** The repository's own registry (its three folders), copied. */
function ownRegistry(): string {
  const dir = tempDir()
  for (const folder of ['startups', 'organisations', 'incubators']) fs.cpSync(path.join(REPO, folder), path.join(dir, folder), { recursive: true })
  return dir
}

const CORPUS: [string, () => string][] = [
  ['fixable', () => copyRegistry(FIXABLE)],
  ['good', () => copyRegistry(GOOD)],
  ...fs.readdirSync(BAD).map((name): [string, () => string] => [`bad/${name}`, () => copyRegistry(path.join(BAD, name))]),
  ['the repository', ownRegistry],
]

/** The bytes of `before` with the fixes spliced in, offsets turned into byte offsets of the UTF-8 text. */
function spliceBytes(before: Buffer, fixes: NonNullable<Diagnostic['fix']>[]): Buffer {
  const text = before.toString('utf8')
  const parts: Buffer[] = []
  let cursor = 0
  for (const f of [...fixes].sort((a, b) => a.range[0] - b.range[0])) {
    const start = Buffer.byteLength(text.slice(0, f.range[0]))
    const end = Buffer.byteLength(text.slice(0, f.range[1]))
    parts.push(before.subarray(cursor, start), Buffer.from(f.text))
    cursor = end
  }
  parts.push(before.subarray(cursor))
  return Buffer.concat(parts)
}

describe('registry fix on the test corpus: only the edited bytes change', () => {
  it.each(CORPUS)('%s', async (name, make) => {
    const root = make()
    const before = snapshotTree(root)
    const checked = await run(['validate', '--root', root, '--format', 'json', '--as-of', AS_OF])
    const fixes = new Map<string, NonNullable<Diagnostic['fix']>[]>()
    for (const d of JSON.parse(checked.stdout).diagnostics as Diagnostic[]) if (d.fix) fixes.set(d.file, [...(fixes.get(d.file) ?? []), d.fix])
    if (name === 'fixable') expect([...fixes.keys()].sort()).toEqual(['startups/abandon.md', 'startups/doublon.md', 'startups/nettoyage.md', 'startups/renommages.md'])
    const fixed = await run(['fix', '--root', root, '--format', 'json', '--as-of', AS_OF])
    expect(fixed.code, fixed.stderr).toBeLessThan(2)
    const after = snapshotTree(root)
    expect(Object.keys(after)).toEqual(Object.keys(before))
    for (const file of Object.keys(before)) {
      const old = Buffer.from(before[file]!, 'base64')
      const expected = fixes.has(file) && file !== 'startups/doublon.md' ? spliceBytes(old, fixes.get(file)!) : old
      expect(Buffer.from(after[file]!, 'base64').toString('utf8'), file).toBe(expected.toString('utf8'))
      expect(after[file], file).toBe(expected.toString('base64'))
    }
    // Fixed, the corpus has nothing left to fix.
    const again = await run(['validate', '--root', root, '--format', 'json', '--as-of', AS_OF])
    expect((JSON.parse(again.stdout).diagnostics as Diagnostic[]).filter((d) => d.fix && d.file !== 'startups/doublon.md')).toEqual([])
  })
})

describe('fix, through the API, on the fixable registry', async () => {
  const config = await readConfig(FIXABLE)
  const before = snapshotTree(FIXABLE)
  const result = await fix({ root: FIXABLE, config, lang: 'en', asOf: AS_OF, dryRun: true })
  const byFile = new Map(result.fixed.map((f) => [f.file, f]))

  it('writes nothing with dryRun', () => {
    expect(snapshotTree(FIXABLE)).toEqual(before)
    expect(byFile.get('startups/nettoyage.md')!.after.charCodeAt(0)).not.toBe(0xfeff)
  })

  it('applies each certain fix once, and says which', () => {
    expect([...byFile.keys()]).toEqual(['startups/abandon.md', 'startups/nettoyage.md', 'startups/renommages.md'])
    expect(byFile.get('startups/nettoyage.md')!.applied.map((a) => a.diagnostic.ruleId)).toEqual(['file/bom', 'value/invisible-character', 'value/untrimmed'])
    expect(byFile.get('startups/renommages.md')!.applied.map((a) => [a.diagnostic.ruleId, a.lines.after])).toEqual([
      ['vocabulary/renamed', ['usertypes: [particulier, entreprise]']],
      ['vocabulary/renamed', ["  - { name: 'consolidation', start: 2022-03-01 } # en transfert"]],
      ['vocabulary/renamed', ['  - name: abandon   # sorti du programme']],
    ])
  })

  it('never applies an uncertain fix: several possible values, a joiner inside an emoji, a value of spaces', () => {
    expect(byFile.has('startups/incertain.md')).toBe(false)
  })

  it('applies the fixes that do not overlap, from the start of the text', () => {
    const d = (start: number, end: number, text: string) => ({ fix: { range: [start, end], text } }) as Diagnostic
    expect(applyFixes('abcdef', [d(4, 5, 'E'), d(0, 2, 'AB'), d(1, 3, 'x'), d(5, 5, '!')])).toBe('ABcdE!f')
  })

  it('leaves as it was a file whose errors the fixes would grow (alumni → abandon, and abandon is there already)', () => {
    expect(byFile.has('startups/doublon.md')).toBe(false)
  })

  it('checks again: what remains is what validate and lint say of the fixed fiches', () => {
    expect(result.summary.files).toBe(3)
    expect(result.diagnostics.every((d) => byFile.has(d.file) && !d.fix)).toBe(true)
  })
})

describe('a registry that still writes renamed values', () => {
  it('builds, and publishes them under their new name', async () => {
    const root = copyRegistry(FIXABLE)
    for (const f of ['incertain.md', 'nettoyage.md']) fs.rmSync(path.join(root, 'startups', f))
    const out = path.join(root, 'dist')
    const result = await build({ root, config: await readConfig(root), lang: 'fr', out, asOf: AS_OF, site: false, history: false })
    expect(result.summary.errors).toBe(0)
    const startup = (id: string) => JSON.parse(fs.readFileSync(path.join(out, 'api/v1/startups', `${id}.json`), 'utf8'))
    expect(startup('renommages').phases.map((p: { name: string }) => p.name)).toEqual(['construction', 'consolidation', 'abandon'])
    expect(startup('renommages').usertypes).toEqual(['particulier', 'entreprise'])
    expect(startup('abandon').current_phase).toBe('abandon-investigation')
  })
})

describe('the rules that fix themselves', () => {
  it('are the rules whose diagnostics carry a fix on the corpus, and only those', async () => {
    const withFix = new Set<string>()
    const all = new Set<string>()
    for (const [, make] of CORPUS) {
      const root = make()
      for (const d of JSON.parse((await run(['validate', '--root', root, '--format', 'json', '--as-of', AS_OF])).stdout).diagnostics as Diagnostic[]) {
        all.add(d.ruleId)
        if (d.fix) withFix.add(d.ruleId)
      }
    }
    const fixable = Object.keys(RULE_CATALOGUE.rules).filter((id) => RULE_CATALOGUE.rules[id]!.fixable)
    expect([...withFix].sort()).toEqual(fixable.sort())
    expect(fs.readFileSync(path.join(REPO, 'docs/regles.md'), 'utf8')).toContain('| Correction automatique |')
  })
})

describe('registry fix, the command', () => {
  it('fixes the files named, says what it did, and prints what remains', async () => {
    const root = copyRegistry(FIXABLE)
    const r = await run(['fix', 'startups/nettoyage.md', '--as-of', AS_OF], { cwd: root })
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('startups/nettoyage.md : 3 corrections appliquées.\n3 corrections appliquées dans 1 fiche.\n')
    expect(fs.readFileSync(path.join(root, 'startups/nettoyage.md'), 'utf8').startsWith('---\ntitle: Nettoyage # le nom du service\n')).toBe(true)
    expect(fs.readFileSync(path.join(root, 'startups/renommages.md'))).toEqual(fs.readFileSync(path.join(FIXABLE, 'startups/renommages.md')))
  })

  it('--dry-run shows the lines before and after, invisible characters named, and writes nothing', async () => {
    const root = copyRegistry(FIXABLE)
    const before = snapshotTree(root)
    const r = await run(['fix', '--dry-run', '--as-of', AS_OF, '--root', root])
    expect(r.stderr).toContain('  - ⟨U+FEFF⟩---\n  + ---\n  - title: Net⟨U+200B⟩toyage # le nom du service\n  + title: Nettoyage # le nom du service\n')
    expect(r.stderr).toContain("7 corrections à appliquer dans 3 fiches ; rien n’est écrit (--dry-run).")
    expect(snapshotTree(root)).toEqual(before)
  })

  it('says when there is nothing to fix', async () => {
    const r = await run(['fix', '--root', copyRegistry(GOOD), '--lang', 'en'])
    expect([r.code, r.stderr]).toEqual([0, 'No automatic fix to apply.\n'])
  })

  it.each([
    ['a file outside the registry', ['fix', 'notes.md'], "notes.md n’est pas une fiche du registre"],
    ['--dry-run with another command', ['validate', '--dry-run'], '--dry-run ne va qu’avec fix.'],
  ])('refuses %s (exit 2)', async (_, argv, message) => {
    const root = copyRegistry(FIXABLE)
    const r = await run(argv, { cwd: root })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
  })
})
