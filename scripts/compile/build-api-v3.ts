/**
 * The API v3 of beta.gouv.fr: `api/v3/startups/<id>.json`, one file per
 * startup, with the fields and JSON types that beta.gouv.fr's own generator
 * writes (betagouv/beta.gouv.fr, `_plugins/startup_json_generator.rb` and
 * `lib/models/startup.rb#to_api_hash`), and `api/v3/startups.json`, the list
 * of them. Upstream's hash is
 *
 *   { name: title } + front matter sliced to API_SINGLE_FIELDS
 *   + { incubators: incubator_ids, active_members, previous_members }
 *   + { content: document.content }
 *
 * so a field is present when the fiche has the key (its value as written, of
 * the fiche's type), `incubators` is always a list (`incubators` if the fiche
 * has it, else `[incubator]`) and `content` is the markdown body as Jekyll
 * reads it. `active_members` and `previous_members` are left out: they come
 * from member fiches, which this registry does not hold. `id` is always
 * written (the file name), as consumers of upstream's files expect.
 *
 * Pure and deterministic; never throws on a record that failed validation.
 */
import type { ParsedRecord } from '../load/parse-record.ts'
import { compareBytes, jekyllContent } from './build-api-v2-7.ts'
import type { Content } from './output.ts'
import { jsonChunks, LazyList } from './json-chunks.ts'
import { COMMON_SCHEMA, FICHE_SCHEMAS, type JsonSchema } from '../validate/schemas.ts'
import { openVocabularies } from './vocabularies.ts'
import { bundledDefs } from './feed-schema.ts'

export const API_V3_DIR = 'api/v3'
export const V3_STARTUP_FILES_DIR = `${API_V3_DIR}/startups`

/** Upstream's API_SINGLE_FIELDS after `name` and `id`, in its order: copied from the front matter when the key is there. */
export const V3_SLICED_FIELDS = [
  'repository',
  'contact',
  'phases',
  'mission',
  'link',
  'incubator',
  'accessibility_status',
  'stats_url',
  'budget_url',
  'impact_url',
  'dashlord_url',
  'redirect_from',
  'usertypes',
  'techno',
  'mon_service_securise',
] as const

/** Upstream's fields that this registry cannot fill (no member fiches). */
export const V3_MEMBER_FIELDS = ['active_members', 'previous_members'] as const

/** Every field of a v3 startup, in the order written. */
export const V3_FIELDS = ['name', 'id', ...V3_SLICED_FIELDS, 'incubators', 'content'] as const

/** Upstream's `incubator_ids`: the `incubators` list when the fiche has a non-empty one, else the single `incubator`. */
function incubatorIds(data: Record<string, unknown>): unknown[] {
  const list = Array.isArray(data.incubators) ? data.incubators.filter((i) => i !== null && i !== undefined) : data.incubators == null ? [] : [data.incubators]
  if (list.length > 0) return list
  return data.incubator == null ? [] : [data.incubator]
}

export function v3Startup(record: ParsedRecord): Record<string, unknown> {
  const d = record.data
  const out: Record<string, unknown> = { name: d.title ?? null, id: record.id }
  for (const key of V3_SLICED_FIELDS) if (Object.hasOwn(d, key)) out[key] = d[key]
  out.incubators = incubatorIds(d)
  out.content = jekyllContent(record)
  return out
}

const serialize = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/** `api/v3/startups/<id>.json`. */
export function v3StartupFile(record: ParsedRecord): [string, string] {
  return [`${V3_STARTUP_FILES_DIR}/${record.id}.json`, serialize(v3Startup(record))]
}

/** The startups in the order of their files (byte by byte), as upstream's site lists them. */
function inFileOrder(records: readonly ParsedRecord[]): ParsedRecord[] {
  return records.filter((r) => r.collection === 'startups').sort((a, b) => compareBytes(a.file, b.file))
}

/** `api/v3/startups.json`: every startup's v3 object, in one list (streamed: each item exists only while written). */
export function v3StartupsList(records: readonly ParsedRecord[]): [string, Content] {
  const startups = inFileOrder(records)
  return [`${API_V3_DIR}/startups.json`, jsonChunks(new LazyList(startups.length, (i) => v3Startup(startups[i]!)))]
}

// ---------------------------------------------------------------------------
// Schemas

export const V3_FILES = ['startup', 'startups'] as const
export type V3File = (typeof V3_FILES)[number]

export function v3SchemaUrl(siteUrl: string, file: V3File): string {
  return `${siteUrl || 'https://registre.beta.gouv.fr'}/${API_V3_DIR}/schemas/${file}.schema.json`
}

const MEMBERS_NOTE =
  'Les champs active_members et previous_members de beta.gouv.fr ne sont pas publiés : ils viennent des fiches des membres, que ce registre ne contient pas.'

/** The JSON Schema of one v3 startup: upstream's fields, with the fiche schema's type for each sliced field. */
function startupSchema(): JsonSchema {
  const fiche = FICHE_SCHEMAS.startups
  const properties: Record<string, JsonSchema> = {
    name: { type: 'string', description: 'Le nom du produit (title de la fiche).', examples: ['Produits @ beta.gouv.fr'] },
    id: { type: 'string', description: 'L’identifiant : le nom du fichier de la fiche sans .md.', examples: ['produits-beta-gouv-fr'] },
  }
  for (const key of V3_SLICED_FIELDS) properties[key] = fiche.properties[key]
  properties.incubators = {
    type: 'array',
    items: { type: 'string' },
    description: 'Tous les incubateurs du produit, toujours une liste : incubators de la fiche s’il y est (co-incubation), sinon [incubator].',
    examples: [['dinum']],
  }
  properties.content = { type: 'string', description: 'Le texte de présentation en markdown, tel que le lit Jekyll : ce qui suit l’en-tête, sans les lignes vides qui suivent immédiatement le --- de fin.', examples: ['## Contexte\n\n…'] }
  return {
    type: 'object',
    description: `Une startup, au format de l’API v3 de beta.gouv.fr (mêmes champs, mêmes types). Un champ de la fiche n’est présent que s’il est dans la fiche, tel qu’écrit. ${MEMBERS_NOTE}`,
    required: ['name', 'id', ...fiche.required.filter((k: string) => k !== 'title'), 'incubators', 'content'],
    additionalProperties: false,
    properties,
  }
}

/** The published schemas of the v3 files (standalone: the definitions they use are bundled in). */
export function v3Schema(file: V3File, siteUrl: string): JsonSchema {
  const head = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: v3SchemaUrl(siteUrl, file) }
  const $defs = openVocabularies({ ...bundledDefs(COMMON_SCHEMA.$defs), phase: bundledDefs(FICHE_SCHEMAS.startups.$defs).phase, v3Startup: bundledDefs({ s: startupSchema() }).s })
  if (file === 'startup') return { ...head, title: 'Une startup (api/v3/startups/<id>.json)', $ref: '#/$defs/v3Startup', $defs }
  return {
    ...head,
    title: 'Toutes les startups (api/v3/startups.json)',
    description: 'La liste des startups, chacune telle que dans api/v3/startups/<id>.json, dans l’ordre des fichiers.',
    type: 'array',
    items: { $ref: '#/$defs/v3Startup' },
    $defs,
  }
}

export function* apiV3SchemaFiles(siteUrl: string): Generator<[string, string]> {
  for (const file of V3_FILES) yield [`${API_V3_DIR}/schemas/${file}.schema.json`, serialize(v3Schema(file, siteUrl))]
}
