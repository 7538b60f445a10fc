import type { ParsedRecord } from '../../load/parse-record.ts'
import { defineRule } from '../define-rule.ts'
import { q, qe, T, w } from '../kit.ts'

const FIELDS = ['thematiques', 'techno'] as const

const fold = (s: string) => s.normalize('NFC').trim().toLowerCase()

/** One field's spellings: the canonical spelling of each folded value that has several, and of each spelling seen. */
export interface Spellings {
  canonical: Map<string, string>
  /** Every spelling seen in a startup: its canonical spelling, or null when its folded value has no other. */
  spelled: Map<string, string | null>
}

/**
 * For each field, the canonical spelling of each folded value: the spelling
 * most fiches use, ties broken by byte order (deterministic). Each spelling is
 * folded once (the same few hundred values recur across tens of thousands of fiches).
 */
export function canonicalSpellings(records: readonly ParsedRecord[]): Record<string, Spellings> {
  const out: Record<string, Spellings> = {}
  // How many startups use each spelling of each field (once per fiche), in one pass over the records.
  const usedBy = FIELDS.map(() => new Map<string, number>())
  for (const r of records) {
    if (r.collection !== 'startups') continue
    for (let f = 0; f < FIELDS.length; f++) {
      const values = r.data[FIELDS[f]!]
      if (!Array.isArray(values)) continue
      const used = usedBy[f]!
      // Once per fiche: a value written twice in a fiche counts once (short lists are searched, long ones go through a set).
      const small = values.length <= 16
      const distinct: readonly unknown[] = small ? values : [...new Set(values as unknown[])]
      for (let i = 0; i < distinct.length; i++) {
        const v = distinct[i]
        if (typeof v !== 'string') continue
        if (small && i > 0 && values.lastIndexOf(v, i - 1) !== -1) continue
        used.set(v, (used.get(v) ?? 0) + 1)
      }
    }
  }
  for (let f = 0; f < FIELDS.length; f++) {
    const field = FIELDS[f]!
    const used = usedBy[f]!
    // Then the spellings grouped by folded value.
    const counts = new Map<string, Map<string, number>>()
    const folded = new Map<string, string>()
    for (const [v, n] of used) {
      const key = fold(v)
      folded.set(v, key)
      let spellings = counts.get(key)
      if (!spellings) counts.set(key, (spellings = new Map()))
      spellings.set(v, n)
    }
    const canonical = new Map<string, string>()
    for (const [key, spellings] of counts) {
      if (spellings.size < 2) continue
      const best = [...spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0]
      canonical.set(key, best)
    }
    const spelled = new Map<string, string | null>()
    for (const [v, key] of folded) spelled.set(v, canonical.get(key) ?? null)
    out[field] = { canonical, spelled }
  }
  return out
}

export default defineRule({
  id: 'vocabulary-case',
  description: 'Une thématique ou une techno est écrite autrement (casse, espaces) que dans la plupart des fiches.',
  standards: [],
  category: 'value hygiene',
  applies: 'always',
  registryFields: FIELDS,
  messages: {
    variant: T(
      w((d) => `${q(d.value)} est une variante de ${q(d.canonical)}, l’écriture de la plupart des fiches (${d.field}).`, (d) => `Écrivez ${q(d.canonical)}.`),
      w((d) => `${qe(d.value)} is a variant of ${qe(d.canonical)}, the spelling most fiches use (${d.field}).`, (d) => `Write ${qe(d.canonical)}.`),
    ),
  },
  docs: `\`thematiques\` et \`techno\` sont des vocabulaires libres : « Santé » et « santé », « React » et « react »
y comptent pour deux valeurs, et un filtre n’en montre qu’une. La règle regroupe les valeurs du registre
entier à la casse et aux espaces près ; l’écriture qu’utilisent le plus de fiches est la forme
canonique (à égalité, l’ordre alphabétique des octets décide), et chaque autre écriture est signalée.

**Corriger** : remplacez la variante par la forme canonique donnée dans le message.`,
  check(ctx) {
    const canonical = ctx.shared('vocabulary-case', () => canonicalSpellings(ctx.records))
    for (const field of FIELDS) {
      const v = ctx.record.data[field]
      if (!Array.isArray(v)) continue
      const table = canonical[field]!
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i]
        if (typeof item !== 'string') continue
        const known = table.spelled.get(item)
        const best = known !== undefined ? known : table.canonical.get(fold(item))
        if (best != null && best !== item) ctx.report({ messageId: 'variant', path: `/${field}/${i}`, data: { field, value: item, canonical: best } })
      }
    }
  },
})
