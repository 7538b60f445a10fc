import type { ParsedRecord } from '../../load/parse-record.ts'
import { defineRule } from '../define-rule.ts'
import { q, qe, T, w } from '../kit.ts'

const FIELDS = ['thematiques', 'techno'] as const

const fold = (s: string) => s.normalize('NFC').trim().toLowerCase()

/**
 * For each field, the canonical spelling of each folded value: the spelling
 * most fiches use, ties broken by byte order (deterministic).
 */
export function canonicalSpellings(records: readonly ParsedRecord[]): Record<string, Map<string, string>> {
  const out: Record<string, Map<string, string>> = {}
  for (const field of FIELDS) {
    const counts = new Map<string, Map<string, number>>()
    for (const r of records) {
      if (r.collection !== 'startups' || !Array.isArray(r.data[field])) continue
      for (const v of new Set(r.data[field] as unknown[])) {
        if (typeof v !== 'string') continue
        const key = fold(v)
        const spellings = counts.get(key) ?? new Map<string, number>()
        spellings.set(v, (spellings.get(v) ?? 0) + 1)
        counts.set(key, spellings)
      }
    }
    const canonical = new Map<string, string>()
    for (const [key, spellings] of counts) {
      if (spellings.size < 2) continue
      const best = [...spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0]
      canonical.set(key, best)
    }
    out[field] = canonical
  }
  return out
}

export default defineRule({
  id: 'vocabulary-case',
  description: 'Une thématique ou une techno est écrite autrement (casse, espaces) que dans la plupart des fiches.',
  standards: [],
  category: 'value hygiene',
  applies: 'always',
  messages: {
    variant: T(
      w((d) => `${q(d.value)} est une variante de ${q(d.canonical)}, l'écriture de la plupart des fiches (${d.field}).`, (d) => `Écrivez ${q(d.canonical)}.`),
      w((d) => `${qe(d.value)} is a variant of ${qe(d.canonical)}, the spelling most fiches use (${d.field}).`, (d) => `Write ${qe(d.canonical)}.`),
    ),
  },
  docs: `\`thematiques\` et \`techno\` sont des vocabulaires libres : « Santé » et « santé », « React » et « react »
y comptent pour deux valeurs, et un filtre n'en montre qu'une. La règle regroupe les valeurs du registre
entier à la casse et aux espaces près ; l'écriture qu'utilisent le plus de fiches est la forme
canonique (à égalité, l'ordre alphabétique des octets décide), et chaque autre écriture est signalée.

**Corriger** : remplacez la variante par la forme canonique donnée dans le message.`,
  check(ctx) {
    const canonical = ctx.shared('vocabulary-case', () => canonicalSpellings(ctx.records))
    for (const field of FIELDS) {
      const v = ctx.record.data[field]
      if (!Array.isArray(v)) continue
      v.forEach((item, i) => {
        if (typeof item !== 'string') return
        const best = canonical[field]!.get(fold(item))
        if (best !== undefined && best !== item) ctx.report({ messageId: 'variant', path: `/${field}/${i}`, data: { field, value: item, canonical: best } })
      })
    }
  },
})
