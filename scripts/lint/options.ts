/**
 * Checks a rule's options from registry.config.json against the rule's
 * options schema (a small JSON Schema subset: a few scalar types, minimum,
 * lists of strings; no unknown key). Returns a French message, or undefined.
 * Kept small on purpose: loading Ajv costs more than the whole lint of a
 * registry's configuration.
 */
import { LINT_RULES } from './rules/index.ts'

export function checkRuleOptions(ruleId: string, options: Record<string, unknown>): string | undefined {
  const rule = LINT_RULES.find((r) => r.id === ruleId)
  const schema = rule?.options?.schema as Record<string, { type: string; minimum?: number }> | undefined
  if (!schema) return 'cette règle ne prend pas d’options.'
  for (const [key, value] of Object.entries(options)) {
    const s = schema[key]
    if (!s) return `option inconnue « ${key} » (options : ${Object.keys(schema).join(', ')}).`
    const ok =
      s.type === 'integer' ? Number.isSafeInteger(value) : s.type === 'number' ? typeof value === 'number' && Number.isFinite(value) : s.type === 'array' ? Array.isArray(value) && value.every((v) => typeof v === 'string') : typeof value === s.type
    if (!ok) return `l’option « ${key} » doit être ${s.type === 'integer' ? 'un nombre entier' : s.type === 'number' ? 'un nombre' : s.type === 'array' ? 'une liste de textes' : s.type === 'boolean' ? 'true ou false' : 'du texte'}.`
    if (s.minimum !== undefined && (value as number) < s.minimum) return `l’option « ${key} » doit valoir au moins ${s.minimum}.`
  }
  return undefined
}
