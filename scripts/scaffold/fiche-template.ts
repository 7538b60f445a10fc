/**
 * A new fiche written from its collection's schema and what the person gave
 * (`registry new`): the required fields with those values (or a neutral
 * placeholder saying what to write), every optional field commented out with
 * an example, each preceded by a comment saying what to write (the schema's
 * description), then the sections of the text that the `body-sections` rule
 * expects. No example names a product, an incubator or an organisation that
 * the registry does not have: a commented example that refers to another
 * fiche uses the values given or the registry's own ids. Pure.
 */
import { dump } from 'js-yaml'
import type { Collection } from '../load/config.ts'
import type { JsonSchema } from '../validate/schemas.ts'

/** What `registry new` is told (or asks). */
export interface NewFicheValues {
  /** The title (startups, incubators) or the name (organisations). */
  title: string
  /** Startups: the main incubator's id. */
  incubator?: string
  /** Startups: the first phase's name, starting on `start`. */
  phase?: string
  /** The first phase's start (YYYY-MM-DD): the day the fiche is written. */
  start: string
  /** An organisation of the registry, for the examples that refer to one (an incubator's owner, a startup's sponsors); none: no such example. */
  organisation?: string
}

/** A placeholder that says what to write: valid, so that the fiche can be checked, and plainly not data. */
export const MISSION_PLACEHOLDER = 'À compléter : en une phrase, le problème que le produit résout, et pour qui.'

/**
 * The sections body-sections expects (context and solution; strategy and goals from construction
 * on), each holding only the questions of the programme's fiche template and « À compléter » :
 * the rule reads them as not yet written, and says so, until the team writes them.
 */
const BODY: Record<Collection, string> = {
  startups: `## Contexte

Quel est le contexte de ta startup d’État ? Les problèmes que vous avez identifiés ou vos hypothèses de problèmes ? Qui en souffre ? À compléter.

## Solution

Décris ta solution en quelques lignes. Qui seront les bénéficiaires ? À compléter.

## Stratégie

À compléter.

## Objectifs

Objectif d’usage à 6 mois : à compléter.
`,
  organisations: '',
  incubators: `À compléter : ce que fait l’incubateur, pour qui, et comment le contacter.
`,
}

/** The comment above the optional fields, commented out (`# key: example`): the editor writes a field there when it is given. */
export const OPTIONAL_FIELDS_HEADER = '# Champs facultatifs : retirez le « # » du début de ligne pour les utiliser.'

/** The value of a field written by `registry new` (required, or the example of an optional one); undefined: the schema's example; null: no example. */
function valueOf(collection: Collection, key: string, values: NewFicheValues): unknown {
  const organisation = values.organisation ? `/organisations/${values.organisation}` : null
  const own: Record<Collection, Record<string, unknown>> = {
    startups: {
      title: values.title,
      mission: MISSION_PLACEHOLDER,
      incubator: values.incubator,
      incubators: values.incubator ? [values.incubator] : null,
      sponsors: organisation ? [organisation] : null,
      phases: [{ name: values.phase ?? 'investigation', start: values.start }],
    },
    organisations: { name: values.title },
    incubators: { title: values.title, owner: organisation, highlighted_startups: null },
  }
  return Object.hasOwn(own[collection], key) ? own[collection][key] : undefined
}

/** Fields written uncommented although the schema does not require them. */
const WRITTEN: Record<Collection, readonly string[]> = { startups: ['phases'], organisations: [], incubators: [] }

export function ficheTemplate(collection: Collection, schema: JsonSchema, values: NewFicheValues): string {
  const required = new Set<string>([...(schema.required ?? []), ...WRITTEN[collection]])
  const lines = ['---']
  const properties = Object.entries<JsonSchema>(schema.properties ?? {})
  // Required fields first, in the schema's order; then the optional ones.
  const ordered = [...properties.filter(([k]) => required.has(k)), ...properties.filter(([k]) => !required.has(k))]
  let optionalHeader = false
  for (const [key, property] of ordered) {
    if (property.deprecated) continue
    if (key === 'id' && collection === 'organisations') continue // redundant with the file name
    const own = valueOf(collection, key, values)
    const example = own === undefined ? (Array.isArray(property.examples) ? property.examples[0] : undefined) : own
    const isRequired = required.has(key)
    if (!isRequired && !optionalHeader) {
      lines.push('', OPTIONAL_FIELDS_HEADER)
      optionalHeader = true
    }
    if (typeof property.description === 'string') lines.push(`# ${key} : ${property.description.replace(/\s*\n\s*/g, ' ')}`)
    // Dates written plain, as the fiches write them (the parse stage reads them as text).
    const yaml = example === undefined || example === null ? `${key}:` : dump({ [key]: example }, { lineWidth: -1 }).trimEnd().replace(/^(\s*(?:- )?(?:start|end|date): )'(\d{4}-\d{2}-\d{2})'$/gm, '$1$2')
    for (const line of yaml.split('\n')) lines.push(isRequired ? line : `# ${line}`)
  }
  lines.push('---', '')
  return `${lines.join('\n')}${BODY[collection]}`
}
