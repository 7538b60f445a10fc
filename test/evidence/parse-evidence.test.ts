import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MAX_EVIDENCE_BYTES, parseEvidence, readEvidenceFile } from '../../scripts/evidence/parse-evidence.ts'
import type { EvidenceFile } from '../../scripts/evidence/types.ts'
import { runOf, runs, WEEK } from './helpers.ts'

const A = 'https://a.example/'
const R = 'https://github.com/betagouv/app'
const good: EvidenceFile = runs([
  runOf(WEEK[0]!, [['url', A, 'ok', { status: 200 }], ['repository', R, 'ok', { repository: { host: 'github.com', public: true, licence: null, pushedAt: null, archived: false } }]]),
  runOf(WEEK[1]!, [['url', A, 'dead', { status: 404, finalUrl: `${A}x`, detail: 'x' }], ['repository', R, 'rate-limited']]),
])
const text = JSON.stringify(good)
const edit = (f: (e: any) => void): string => {
  const copy = JSON.parse(text)
  f(copy)
  return JSON.stringify(copy)
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('parseEvidence', () => {
  it('accepts what mergeEvidence writes, unchanged', () => {
    expect(parseEvidence(text)).toEqual({ evidence: good })
  })

  it.each([
    ['not JSON', '{', ''],
    ['an unknown key', edit((e) => (e.targets[0].extra = 1)), '/targets/0'],
    ['another version', edit((e) => (e.evidence_version = 2)), '/evidence_version'],
    ['an outcome that does not exist', edit((e) => (e.targets[0].result = 'pwned')), '/targets/0/result'],
    ['a date in another format', edit((e) => (e.generated_at = '2026-12-07')), '/generated_at'],
    ['no run', edit((e) => (e.runs = [])), '/runs'],
    ['runs out of order', edit((e) => e.runs.reverse()), '/runs/1/at'],
    ['generated_at that is not the last run', edit((e) => (e.generated_at = WEEK[0])), '/generated_at'],
    ['targets out of order', edit((e) => e.targets.reverse()), '/targets/1'],
    ['a target twice', edit((e) => e.targets.push(e.targets[1])), '/targets/2'],
    ['a state that contradicts the result', edit((e) => (e.targets[1].state = 'holds')), '/targets/1/state'],
    ['failing without a date', edit((e) => (e.targets[1].failing_since = null)), '/targets/1/failing_since'],
    ['a check after the last run', edit((e) => (e.targets[1].checked_at = WEEK[5])), '/targets/1/checked_at'],
    ['a history that does not end with the result', edit((e) => e.targets[1].history.pop()), '/targets/1/history'],
    ['a detail that is free text', edit((e) => (e.targets[1].detail = 'a b')), '/targets/1/detail'],
  ])('refuses %s, and says where', (_name, json, where) => {
    const parsed = parseEvidence(json)
    expect(parsed.evidence).toBeUndefined()
    expect(parsed.problems!.map((p) => p.path)).toContain(where)
    for (const p of parsed.problems!) expect(p.fr).not.toBe(p.en)
  })

  it('refuses a last run dated in the future of the given clock', () => {
    expect(parseEvidence(text, Date.parse(WEEK[0]!)).problems?.[0]?.fr).toBe('la dernière exécution est datée dans le futur')
    expect(parseEvidence(text, Date.parse(WEEK[1]!)).evidence).toBeDefined()
  })

  it('__proto__ keys do not pollute anything', () => {
    const parsed = parseEvidence(text.replace('{"evidence_version"', '{"__proto__":{"polluted":true},"evidence_version"'))
    expect(parsed.evidence).toBeUndefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('readEvidenceFile', () => {
  it('a missing file is a first run; a good one parses', async () => {
    expect(await readEvidenceFile(path.join(dir, 'none.json'))).toEqual({ missing: true })
    fs.writeFileSync(path.join(dir, 'good.json'), text)
    expect(await readEvidenceFile(path.join(dir, 'good.json'))).toEqual({ evidence: good })
  })

  it('a symbolic link, a folder or a file too large is refused without being read', async () => {
    fs.symlinkSync(path.join(dir, 'good.json'), path.join(dir, 'link.json'))
    fs.mkdirSync(path.join(dir, 'folder'))
    const big = path.join(dir, 'big.json')
    fs.writeFileSync(big, '')
    fs.truncateSync(big, MAX_EVIDENCE_BYTES + 1)
    for (const [file, fr] of [['link.json', 'c’est un lien symbolique : il n’est pas suivi'], ['folder', 'ce n’est pas un fichier ordinaire'], ['big.json', `il est trop gros (${MAX_EVIDENCE_BYTES + 1} octets)`]] as const) {
      const read = await readEvidenceFile(path.join(dir, file))
      expect('problems' in read && read.problems?.[0]?.fr).toBe(fr)
    }
  })
})
