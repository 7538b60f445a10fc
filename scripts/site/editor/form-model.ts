/**
 * The editor's form, read from the fiche's JSON Schema (schemas/, the same
 * files the validators are compiled from): one control per field, in the
 * schema's order, labelled with the field's French description and example;
 * closed vocabularies (enums, the registry's incubators and organisations,
 * the standards rules) as choices; lists of objects (phases, events…) as
 * repeatable groups. Pure data; editor.ts draws it. No `node:` import.
 */
import { fieldLabel, fieldName } from '../field-labels.ts'
import type { Collection } from '../../load/config.ts'
import { COMMON_SCHEMA, FICHE_SCHEMAS, type JsonSchema } from '../../validate/schemas.ts'

export type Choices = 'incubators' | 'organisations' | 'rules'

interface Base {
  /** The key in its object (`start`), and the field's pointer pattern (`/phases/*\/start`). */
  key: string
  /** Its French name, then its key as written in the file: « Nom (title) ». */
  label: string
  /** Its French name alone (« Nom »): what the form shows, the key shown small beside it. */
  name: string
  /** The schema's description, and its first example as written in a fiche. */
  description: string
  example?: string
  required: boolean
}

export type Field =
  | (Base & { kind: 'text'; format?: string; multiline: boolean })
  | (Base & { kind: 'integer' })
  | (Base & { kind: 'boolean' })
  | (Base & { kind: 'enum'; options: string[] })
  /** A reference to another fiche: its id (`incubator`) or `/organisations/<id>` (`sponsors`). */
  | (Base & { kind: 'choice'; choices: Choices; reference: 'id' | 'organisation-ref' })
  | (Base & { kind: 'list'; item: Field })
  | (Base & { kind: 'group'; fields: Field[] })
  | (Base & { kind: 'groups'; item: Field & { kind: 'group' } })

const DEFS: Record<string, JsonSchema> = { 'common.schema.json': COMMON_SCHEMA }

/** The schema of a property with its `$ref` followed; the property's own description and examples win. */
function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (typeof schema.$ref !== 'string') return schema
  const [file, pointer] = schema.$ref.split('#')
  const base = file ? DEFS[file] : root
  const target = (pointer ?? '').split('/').filter(Boolean).reduce((node: any, part) => node?.[part], base) as JsonSchema | undefined
  if (!target) throw new Error(`unresolved $ref ${schema.$ref}`)
  const { $ref: _ref, ...own } = schema
  return { ...resolve(target, base ?? root), ...own }
}

/** A value as a fiche writes it (the schema's examples are data). */
function written(example: unknown): string | undefined {
  if (example === undefined || example === null) return undefined
  if (typeof example === 'string') return example === '' ? "''" : example
  if (Array.isArray(example)) return example.every((e) => typeof e !== 'object') ? example.map(String).join(', ') : undefined
  if (typeof example === 'object') return undefined
  return String(example)
}

/** Fields whose values are ids of other fiches (the same fields validate/references.ts checks). */
const ID_REFERENCES: Record<string, Choices> = { incubator: 'incubators', incubators: 'incubators' }

function field(key: string, raw: JsonSchema, root: JsonSchema, required: boolean, parent: string): Field {
  const schema = resolve(raw, root)
  const description = String(schema.description ?? '')
  const base: Base = { key, label: fieldLabel(key, parent), name: fieldName(key, parent) ?? key, description, example: written(schema.examples?.[0]), required }
  if (schema.type === 'array') {
    const itemSchema = resolve(schema.items ?? {}, root)
    // An item is not a field of its own: "required" would say nothing about it.
    const item = field(key, itemSchema, root, false, parent)
    if (item.kind === 'group') return { ...base, kind: 'groups', item }
    if (ID_REFERENCES[key] && parent === '') return { ...base, kind: 'list', item: { ...item, kind: 'choice', choices: ID_REFERENCES[key]!, reference: 'id' } as Field }
    return { ...base, kind: 'list', item: { ...item, description: item.description || description } }
  }
  if (schema.type === 'object') {
    const requiredKeys = new Set<string>(schema.required ?? [])
    const fields = Object.entries(schema.properties ?? {}).map(([k, s]) => field(k, s as JsonSchema, root, requiredKeys.has(k), `${parent}/${key}`))
    return { ...base, kind: 'group', fields }
  }
  if (schema.type === 'boolean') return { ...base, kind: 'boolean' }
  if (schema.type === 'integer') return { ...base, kind: 'integer' }
  if (Array.isArray(schema.enum)) return { ...base, kind: 'enum', options: schema.enum.map(String) }
  if (schema.format === 'organisation-ref' || schema.format === 'organisation-ref-or-empty') return { ...base, kind: 'choice', choices: 'organisations', reference: 'organisation-ref' }
  if (ID_REFERENCES[key] && parent === '') return { ...base, kind: 'choice', choices: ID_REFERENCES[key]!, reference: 'id' }
  if (key === 'rule' && parent.endsWith('standards_exemptions')) return { ...base, kind: 'choice', choices: 'rules', reference: 'id' }
  return { ...base, kind: 'text', ...(schema.format ? { format: String(schema.format) } : {}), multiline: key === 'mission' || key === 'justification' || key === 'comment' }
}

/** The form of a collection's fiches: its top-level fields, in the schema's order. */
export function formFields(collection: Collection): Field[] {
  const root = FICHE_SCHEMAS[collection]
  const requiredKeys = new Set<string>(root.required ?? [])
  return Object.entries(root.properties ?? {}).map(([key, s]) => field(key, s as JsonSchema, root, requiredKeys.has(key), ''))
}

/** A control's id from the value's JSON Pointer: `/phases/0/start` → `champ-phases-0-start`. */
export function controlId(pointer: string): string {
  return `champ${pointer.replace(/[^A-Za-z0-9_/-]/g, '_').replace(/\//g, '-')}`
}
