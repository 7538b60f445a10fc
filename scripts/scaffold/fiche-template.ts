/**
 * A new fiche written from its collection's schema: every required field with
 * the schema's first example, every optional field commented out with its
 * example, each preceded by a comment saying what to write (the schema's
 * description), then the usual sections of the text. Pure.
 */
import { dump } from 'js-yaml'
import type { Collection } from '../load/config.ts'
import type { JsonSchema } from '../validate/schemas.ts'

const BODY: Record<Collection, string> = {
  startups: `## Le problème

Décrivez en quelques phrases le problème rencontré, et par qui.

## La solution

Ce que fait le service, pour qui, et comment il s'utilise.

## L'impact

Ce qui a changé grâce au service : chiffres, témoignages, prochaines étapes.
`,
  organisations: '',
  incubators: `Présentez l'incubateur : ce qu'il fait, pour qui, et comment le contacter.
`,
}

/** The comment above the optional fields, commented out (`# key: example`): the editor writes a field there when it is given. */
export const OPTIONAL_FIELDS_HEADER = '# Champs facultatifs : retirez le « # » du début de ligne pour les utiliser.'

/** `today`: the start of the first phase of a new startup (YYYY-MM-DD). */
export function ficheTemplate(collection: Collection, schema: JsonSchema, today: string): string {
  const required = new Set<string>(schema.required ?? [])
  const lines = ['---']
  const properties = Object.entries<JsonSchema>(schema.properties ?? {})
  // Required fields first, in the schema's order; then the optional ones.
  const ordered = [...properties.filter(([k]) => required.has(k)), ...properties.filter(([k]) => !required.has(k))]
  let optionalHeader = false
  for (const [key, property] of ordered) {
    if (property.deprecated) continue
    let example = Array.isArray(property.examples) ? property.examples[0] : undefined
    if (collection === 'startups' && key === 'phases') example = [{ name: 'investigation', start: today }]
    if (key === 'id' && collection === 'organisations') continue // redundant with the file name
    const isRequired = required.has(key)
    if (!isRequired && !optionalHeader) {
      lines.push('', OPTIONAL_FIELDS_HEADER)
      optionalHeader = true
    }
    if (typeof property.description === 'string') lines.push(`# ${key} : ${property.description.replace(/\s*\n\s*/g, ' ')}`)
    const yaml = example === undefined ? `${key}:` : dump({ [key]: example }, { lineWidth: -1 }).trimEnd()
    for (const line of yaml.split('\n')) lines.push(isRequired ? line : `# ${line}`)
  }
  lines.push('---', '')
  return `${lines.join('\n')}${BODY[collection]}`
}
