/**
 * One mistake, one diagnostic: every known key of every collection, misspelt
 * in each usual way, gives one schema/unknown-key that says what to rename,
 * and nothing else reports that key (schema/required, the standards rules'
 * contact-missing, phases-missing, repository-missing…), in validate and lint.
 */
import fs from 'node:fs'
import path from 'node:path'
import { dump, load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { checkFiche, ficheContext, type ShippedFile } from '../../scripts/registry-core.ts'
import { DEFAULT_CONFIG, type Collection } from '../../scripts/load/config.ts'
import { FICHE_SCHEMAS } from '../../scripts/validate/schemas.ts'
import { distance } from '../../scripts/validate/suggest.ts'
import { misspeltKeys } from '../../scripts/validate/typos.ts'
import type { Diagnostic } from '../../scripts/report/diagnostic.ts'

const GOOD = path.join(import.meta.dirname, '..', 'fixtures', 'good')
const FILES: ShippedFile[] = (['startups', 'organisations', 'incubators'] as const).flatMap((collection) =>
  fs.readdirSync(path.join(GOOD, collection)).map((name) => ({ file: `${collection}/${name}`, collection, id: name.slice(0, -3), text: fs.readFileSync(path.join(GOOD, collection, name), 'utf8') })),
)
const CONTEXT = ficheContext(DEFAULT_CONFIG, FILES)
const AS_OF = '2026-06-01'

const KINDS = ['transposition', 'deletion', 'insertion', 'substitution', 'case', 'accent'] as const
type Kind = (typeof KINDS)[number]
const ACCENTS: Record<string, string> = { a: 'à', e: 'é', i: 'ï', o: 'ô', u: 'ù', c: 'ç', n: 'ñ', y: 'ÿ' }

/** Positions from the middle of the key outwards: a typo at an edge is rarer, and more often another key. */
function positions(n: number): number[] {
  const mid = Math.floor(n / 2)
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? mid + i / 2 : mid - (i + 1) / 2)).filter((p) => p >= 0 && p < n)
}

/** Every typo of `key` of this kind, most likely first. */
function candidates(key: string, kind: Kind): string[] {
  const at = positions(key.length)
  switch (kind) {
    case 'transposition':
      return at.filter((i) => i + 1 < key.length && key[i] !== key[i + 1]).map((i) => key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2))
    case 'deletion':
      return at.map((i) => key.slice(0, i) + key.slice(i + 1))
    case 'insertion':
      return at.map((i) => key.slice(0, i) + key[i] + key.slice(i))
    case 'substitution':
      return at.filter((i) => key[i] !== '_').map((i) => key.slice(0, i) + (key[i] === 'x' ? 'z' : 'x') + key.slice(i + 1))
    case 'case':
      return [key[0]!.toUpperCase() + key.slice(1), key.toUpperCase()]
    case 'accent':
      return at.filter((i) => ACCENTS[key[i]!]).map((i) => key.slice(0, i) + ACCENTS[key[i]!] + key.slice(i + 1))
  }
}

/** The first typo that is not itself a key and whose one nearest key is `key` (what a person would read as a typo of it). */
function typo(key: string, kind: Kind, keys: readonly string[]): string | undefined {
  return candidates(key, kind).find((t) => {
    if (keys.includes(t)) return false
    const lower = t.toLowerCase()
    const d = (k: string) => distance(lower, k)
    return keys.every((k) => k === key || d(k) > d(key))
  })
}

const BASE_FICHE: Record<Collection, string> = { startups: 'startups/exemple.md', organisations: 'organisations/dinum.md', incubators: 'incubators/dinum.md' }

/** The good fiche of the collection without `key`, and with `line` (if any) at the end of its front matter. */
function fiche(collection: Collection, key: string, line?: string): string {
  const text = FILES.find((f) => f.file === BASE_FICHE[collection])!.text
  const [, yaml, body] = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(text)!
  const data = load(yaml!) as Record<string, unknown>
  delete data[key]
  return `---\n${dump(data, { lineWidth: -1 })}${line ?? ''}---\n${body}`
}

function valueOf(collection: Collection, key: string): unknown {
  const text = FILES.find((f) => f.file === BASE_FICHE[collection])!.text
  const data = load(/^---\n([\s\S]*?)---\n/.exec(text)![1]!) as Record<string, unknown>
  return data[key] ?? (FICHE_SCHEMAS[collection].properties[key].examples as unknown[] | undefined)?.[0] ?? 'une valeur'
}

const check = (collection: Collection, text: string): Diagnostic[] => {
  const r = checkFiche(text, `${collection}/typo-test.md`, CONTEXT, 'fr', AS_OF)
  return [...r.validate, ...r.lint]
}
const shape = (d: Diagnostic) => `${d.severity} ${d.ruleId} ${d.path ?? ''} ${d.message}`

const CASES = (Object.keys(BASE_FICHE) as Collection[]).flatMap((collection) => {
  const keys = Object.keys(FICHE_SCHEMAS[collection].properties)
  return keys.flatMap((key) => KINDS.map((kind) => {
    const t = typo(key, kind, keys)
    return { name: `${collection}: ${key} written ${t} (${kind})`, collection, key, kind, typo: t }
  }))
})

describe('a misspelt key gives one diagnostic, which says what to rename', () => {
  it('covers every key of every collection with every kind of typo, but the few where no letter can take that typo', () => {
    const missing = CASES.filter((c) => c.typo === undefined).map((c) => `${c.collection} ${c.key} ${c.kind}`)
    // rgpd has no letter that takes an accent; a one-letter edit of "id" or "fast" is nearer another key or is one.
    expect(missing).toEqual(['startups rgpd accent'])
    expect(CASES.length).toBe((36 + 6 + 11) * KINDS.length)
  })

  it.each(CASES.filter((c) => c.typo !== undefined))('$name', ({ collection, key, typo }) => {
    const without = check(collection, fiche(collection, key)).filter((d) => d.path !== `/${key}`)
    const withTypo = check(collection, fiche(collection, key, dump({ [typo!]: valueOf(collection, key) }, { lineWidth: -1 })))
    const unknown = withTypo.filter((d) => d.ruleId === 'schema/unknown-key')
    expect(unknown.map((d) => [d.path, d.hint])).toEqual([[`/${typo}`, `Renommez « ${typo} » en « ${key} ».`]])
    expect(unknown[0]!.message).toContain(`Vouliez-vous dire « ${key} » ?`)
    // Nothing else: what the fiche without the key reports, but for that key's absence.
    expect(withTypo.filter((d) => d !== unknown[0]).map(shape).sort()).toEqual(without.map(shape).sort())
    expect(withTypo.filter((d) => d.path === `/${key}`)).toEqual([])
  })

  it('a fiche whose keys are all known has no misspelt key; a typo of a key also present is not one', () => {
    expect(misspeltKeys({ collection: 'startups', data: { title: 'x', contact: 'a@b.fr' } })).toEqual(new Map())
    expect(misspeltKeys({ collection: 'startups', data: { contcat: 'a@b.fr' } })).toEqual(new Map([['contact', 'contcat']]))
    expect(misspeltKeys({ collection: 'startups', data: { contact: 'a@b.fr', contcat: 'a@b.fr' } })).toEqual(new Map())
  })
})
