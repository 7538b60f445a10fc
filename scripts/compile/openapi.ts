/**
 * api/openapi.json: one OpenAPI 3.1 document for every file the build
 * publishes (v1, v2.7, v3, the schemas, the TypeScript declarations and the
 * document itself), generated from the very JSON Schemas that the build
 * publishes next to the files and that the tests validate the files against:
 * the contract cannot drift from the data. Each published schema becomes a
 * component; its `$defs` are hoisted into components of their own (a flat
 * `components.schemas`, which code generators and validators handle best),
 * its `#/$defs/x` references pointed at them.
 *
 * Phase and event names are open vocabularies (vocabularies.ts): the
 * document lists today's values and says that others will come.
 *
 * Pure: the same site URL gives the same bytes.
 */
import { V2_7_SCHEMAS, type V27SchemaName } from './api-v2-7-schemas.ts'
import { v3Schema, type V3File } from './build-api-v3.ts'
import { API_VERSION, CONTRACT_RELEASED, DATA_LICENCE, evidenceFeedSchema, FEED_FILES, feedSchema, type FeedFile } from './feed-schema.ts'
import { HISTORY_FEED_FILES, historySchema, type HistoryFeedFile } from './history-schema.ts'
import { openVocabularies, OPEN_NOTE } from './vocabularies.ts'
import type { JsonSchema } from '../validate/schemas.ts'

export const OPENAPI_PATH = 'api/openapi.json'

export type Media = 'application/json' | 'text/csv' | 'application/atom+xml' | 'text/plain'

/** One published file (or family of files, `{id}`, `{name}`): its path relative to the site's root. */
export interface Endpoint {
  path: string
  operationId: string
  tag: 'v1' | 'v3' | 'v2.7' | 'contrat'
  media: Media
  /** The component that describes the content (for the CSV: one row read with its header). */
  schema: string
  summary: string
  description: string
  /** Present only in some builds: with git history, with git history and siteUrl, or with the online evidence. */
  when?: 'history' | 'history-and-site' | 'evidence'
  /** The published JSON Schema of the file, when it has one of its own. */
  schemaFile?: string
}

export const TAGS = [
  { name: 'v1', description: 'L’API du registre : toutes les données des fiches, telles qu’écrites, et ce qui en est dérivé (phase actuelle, standards, historique). Version ' + API_VERSION + ' : un champ ajouté fait monter la version mineure ; un champ renommé, retiré ou dont le type change n’arrive qu’avec un nouveau chemin (/api/v2/).' },
  { name: 'v3', description: 'Le format de l’API v3 de beta.gouv.fr (un fichier par startup) : mêmes champs, mêmes types, sans les membres (ce registre n’a pas de fiches de membres).' },
  { name: 'v2.7', description: 'Le format de l’API v2.7 de beta.gouv.fr, octet pour octet sur les mêmes fiches (aux différences documentées près) : il suffit de changer l’adresse de base. Format figé.' },
  { name: 'contrat', description: 'Ce document, les schémas JSON de chaque fichier et les déclarations TypeScript.' },
] as const

const SCHEMA_NAMES = {
  v1: [...FEED_FILES, ...HISTORY_FEED_FILES, 'evidence'] as string[],
  v27: Object.keys(V2_7_SCHEMAS),
  v3: ['startup', 'startups'],
}

export const ENDPOINTS: readonly Endpoint[] = [
  { path: 'api/v1/index.json', schemaFile: 'api/v1/schemas/index.schema.json', operationId: 'v1Index', tag: 'v1', media: 'application/json', schema: 'V1Index', summary: 'Index : contrat, licence, comptes et tous les fichiers publiés', description: 'Le point d’entrée. published liste chaque fichier publié avec son empreinte SHA-256, sa taille et la date où son contenu a pu changer : de quoi ne télécharger que ce qui a changé.' },
  { path: 'api/v1/startups.json', schemaFile: 'api/v1/schemas/startups.schema.json', operationId: 'v1Startups', tag: 'v1', media: 'application/json', schema: 'V1Startups', summary: 'Toutes les startups', description: 'Les champs des fiches tels qu’écrits, la phase actuelle, le statut, les dates tirées de l’historique et les standards par catégorie.' },
  { path: 'api/v1/startups/{id}.json', schemaFile: 'api/v1/schemas/startup.schema.json', operationId: 'v1Startup', tag: 'v1', media: 'application/json', schema: 'V1Startup', summary: 'Une startup', description: 'Comme un élément de startups.json, sans le bloc standards.' },
  { path: 'api/v1/organisations.json', schemaFile: 'api/v1/schemas/organisations.schema.json', operationId: 'v1Organisations', tag: 'v1', media: 'application/json', schema: 'V1Organisations', summary: 'Les organisations', description: 'Les administrations porteuses et les startups dont elles sont sponsors.' },
  { path: 'api/v1/incubators.json', schemaFile: 'api/v1/schemas/incubators.schema.json', operationId: 'v1Incubators', tag: 'v1', media: 'application/json', schema: 'V1Incubators', summary: 'Les incubateurs', description: 'Les incubateurs et les startups qu’ils incubent.' },
  { path: 'api/v1/standards.json', schemaFile: 'api/v1/schemas/standards.schema.json', operationId: 'v1Standards', tag: 'v1', media: 'application/json', schema: 'V1Standards', summary: 'Les standards, agrégés', description: 'Les vérifications des standards par règle, catégorie, incubateur et phase, avec la version des règles qui les ont produites.' },
  { path: 'api/v1/evaluations.json', schemaFile: 'api/v1/schemas/evaluations.schema.json', operationId: 'v1Evaluations', tag: 'v1', media: 'application/json', schema: 'V1Evaluations', summary: 'Les standards au format du site des standards', description: 'Par startup, completion et conformity par catégorie, en pourcentage, au format de l’API du site des standards du programme. Preuves dérivées des fiches, pas une auto-évaluation.' },
  { path: 'api/v1/changes.json', schemaFile: 'api/v1/schemas/changes.schema.json', operationId: 'v1Changes', tag: 'v1', media: 'application/json', schema: 'V1Changes', summary: 'Les changements récents des fiches', description: 'Commit par commit, sur 90 jours : fiches ajoutées, supprimées, renommées, modifiées, changements de phase. follow dit comment ne télécharger que ce qui a changé. Seulement avec l’historique git.', when: 'history' },
  { path: 'api/v1/changes.atom', operationId: 'v1ChangesAtom', tag: 'v1', media: 'application/atom+xml', schema: 'AtomFeed', summary: 'Les changements récents, en flux Atom', description: 'Les mêmes commits pour un lecteur de flux. Seulement avec l’historique git et siteUrl.', when: 'history-and-site' },
  { path: 'api/v1/trends.json', schemaFile: 'api/v1/schemas/trends.schema.json', operationId: 'v1Trends', tag: 'v1', media: 'application/json', schema: 'V1Trends', summary: 'Les tendances de maturité, par mois', description: 'Phases et standards de chaque mois de l’historique. Seulement avec l’historique git.', when: 'history' },
  { path: 'api/v1/evidence.json', schemaFile: 'api/v1/schemas/evidence.schema.json', operationId: 'v1Evidence', tag: 'v1', media: 'application/json', schema: 'V1Evidence', summary: 'Les preuves en ligne', description: 'Les pages et les dépôts que citent les fiches, vérifiés chaque semaine : pour chacun, le dernier résultat et sa date, depuis quand la preuve est en échec, quand elle a tenu pour la dernière fois, si elle est instable, et l’historique de ses changements ; chaque vérification avec ses comptes.', when: 'evidence' },
  { path: 'api/v3/startups.json', schemaFile: 'api/v3/schemas/startups.schema.json', operationId: 'v3Startups', tag: 'v3', media: 'application/json', schema: 'V3Startups', summary: 'Toutes les startups (format v3)', description: 'La liste des startups, chacune comme dans api/v3/startups/{id}.json.' },
  { path: 'api/v3/startups/{id}.json', schemaFile: 'api/v3/schemas/startup.schema.json', operationId: 'v3Startup', tag: 'v3', media: 'application/json', schema: 'V3Startup', summary: 'Une startup (format v3)', description: 'Les champs de /api/v3/startups/<id>.json de beta.gouv.fr, mêmes types ; active_members et previous_members ne sont pas publiés.' },
  { path: 'api/v2.7/startups.json', schemaFile: 'api/v2.7/schemas/startups.schema.json', operationId: 'v27Startups', tag: 'v2.7', media: 'application/json', schema: 'V27Startups', summary: 'Les startups (JSON:API)', description: 'Le startups.json de beta.gouv.fr : data, included.' },
  { path: 'api/v2.7/startups.csv', schemaFile: 'api/v2.7/schemas/startups.csv.schema.json', operationId: 'v27StartupsCsv', tag: 'v2.7', media: 'text/csv', schema: 'V27StartupsCsvRow', summary: 'Les startups en CSV', description: 'Séparateur point-virgule, UTF-8 sans BOM. Le schéma décrit une ligne lue avec l’en-tête.' },
  { path: 'api/v2.7/incubators.json', schemaFile: 'api/v2.7/schemas/incubators.schema.json', operationId: 'v27Incubators', tag: 'v2.7', media: 'application/json', schema: 'V27Incubators', summary: 'Les incubateurs et leurs startups', description: 'Un objet dont les clés sont les identifiants d’incubateur.' },
  { path: 'api/v2.7/organisations.json', schemaFile: 'api/v2.7/schemas/organisations.schema.json', operationId: 'v27Organisations', tag: 'v2.7', media: 'application/json', schema: 'V27Organisations', summary: 'Les organisations', description: 'Une liste ; les valeurs sont échappées pour le HTML, comme sur beta.gouv.fr.' },
  { path: 'api/v2.7/sponsors.json', schemaFile: 'api/v2.7/schemas/sponsors.schema.json', operationId: 'v27Sponsors', tag: 'v2.7', media: 'application/json', schema: 'V27Sponsors', summary: 'Les organisations, par identifiant', description: 'Les valeurs telles qu’écrites.' },
  { path: 'api/openapi.json', operationId: 'openApi', tag: 'contrat', media: 'application/json', schema: 'OpenApiDocument', summary: 'Ce document', description: 'Le contrat de tous les fichiers publiés (OpenAPI 3.1), généré des schémas JSON publiés.' },
  { path: 'api/v1/schemas/{name}.schema.json', operationId: 'v1Schema', tag: 'contrat', media: 'application/json', schema: 'JsonSchemaDocument', summary: 'Le schéma JSON d’un fichier v1', description: `Un schéma JSON (2020-12) autonome. name : ${SCHEMA_NAMES.v1.join(', ')}.` },
  { path: 'api/v2.7/schemas/{name}.schema.json', operationId: 'v27Schema', tag: 'contrat', media: 'application/json', schema: 'JsonSchemaDocument', summary: 'Le schéma JSON d’un fichier v2.7', description: `name : ${SCHEMA_NAMES.v27.join(', ')}.` },
  { path: 'api/v3/schemas/{name}.schema.json', operationId: 'v3Schema', tag: 'contrat', media: 'application/json', schema: 'JsonSchemaDocument', summary: 'Le schéma JSON d’un fichier v3', description: `name : ${SCHEMA_NAMES.v3.join(', ')}.` },
  { path: 'api/v1/types.d.ts', operationId: 'v1Types', tag: 'contrat', media: 'text/plain', schema: 'TypeScriptDeclarations', summary: 'Les types TypeScript des fichiers v1', description: 'Des déclarations générées des schémas JSON : import type { StartupsJson } from "./types".' },
  { path: 'api/v3/types.d.ts', operationId: 'v3Types', tag: 'contrat', media: 'text/plain', schema: 'TypeScriptDeclarations', summary: 'Les types TypeScript des fichiers v3', description: 'Des déclarations générées des schémas JSON.' },
]

/** The component of each published schema file, by family and name. */
const V1_COMPONENTS: Record<FeedFile | HistoryFeedFile, string> = {
  index: 'V1Index',
  startups: 'V1Startups',
  startup: 'V1Startup',
  organisations: 'V1Organisations',
  incubators: 'V1Incubators',
  standards: 'V1Standards',
  evaluations: 'V1Evaluations',
  changes: 'V1Changes',
  trends: 'V1Trends',
}
const V27_COMPONENTS: Record<V27SchemaName, string> = { startups: 'V27Startups', incubators: 'V27Incubators', organisations: 'V27Organisations', sponsors: 'V27Sponsors', 'startups.csv': 'V27StartupsCsvRow' }
const V3_COMPONENTS: Record<V3File, string> = { startup: 'V3Startup', startups: 'V3Startups' }

const isEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Points the `#/$defs/x` references of a schema at `#/components/schemas/<prefix>_x`. */
function pointRefs(node: unknown, prefix: string): unknown {
  if (Array.isArray(node)) return node.map((n) => pointRefs(n, prefix))
  if (node === null || typeof node !== 'object') return node
  const out: JsonSchema = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      if (!value.startsWith('#/$defs/')) throw new Error(`unexpected reference ${value}`)
      out.$ref = `#/components/schemas/${prefix}_${value.slice('#/$defs/'.length)}`
    } else out[key] = key === 'enum' || key === 'const' || key === 'examples' ? value : pointRefs(value, prefix)
  }
  return out
}

/** Adds a published schema as a component, its definitions hoisted with `prefix` (identical definitions shared). */
function addComponent(components: Record<string, JsonSchema>, name: string, schema: JsonSchema, prefix: string): void {
  const { $schema: _, $id: __, $defs, ...root } = schema
  const add = (key: string, value: JsonSchema) => {
    if (key in components && !isEqual(components[key], value)) throw new Error(`component ${key} defined twice, differently`)
    components[key] = value
  }
  for (const [def, value] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) add(`${prefix}_${def}`, pointRefs(value, prefix) as JsonSchema)
  add(name, pointRefs(root, prefix) as JsonSchema)
}

const FIXED_COMPONENTS: Record<string, JsonSchema> = {
  JsonSchemaDocument: {
    type: 'object',
    description: 'Un schéma JSON (2020-12) autonome, valide pour le méta-schéma 2020-12 ; son $id est son adresse publiée.',
    required: ['$schema', '$id'],
    properties: { $schema: { const: 'https://json-schema.org/draft/2020-12/schema' }, $id: { type: 'string' } },
  },
  OpenApiDocument: {
    type: 'object',
    description: 'Un document OpenAPI 3.1.',
    required: ['openapi', 'info', 'paths', 'components'],
    properties: { openapi: { const: '3.1.0' }, info: { type: 'object' }, paths: { type: 'object' }, components: { type: 'object' } },
  },
  AtomFeed: { type: 'string', contentMediaType: 'application/atom+xml', description: 'Un flux Atom (RFC 4287) en UTF-8.' },
  TypeScriptDeclarations: { type: 'string', description: 'Un fichier de déclarations TypeScript (.d.ts), généré des schémas JSON publiés.' },
}

/** Every component: the published schemas (the same ones the files are validated against), then the fixed ones. */
export function openApiComponents(siteUrl: string): Record<string, JsonSchema> {
  const components: Record<string, JsonSchema> = {}
  for (const file of FEED_FILES) addComponent(components, V1_COMPONENTS[file], feedSchema(file, siteUrl), 'V1')
  for (const file of HISTORY_FEED_FILES) addComponent(components, V1_COMPONENTS[file], historySchema(file, siteUrl), 'V1')
  // Its definitions keep a prefix of their own: they never mix with the feed's.
  addComponent(components, 'V1Evidence', evidenceFeedSchema(siteUrl), 'V1Evidence')
  for (const [name, schema] of Object.entries(V2_7_SCHEMAS) as [V27SchemaName, JsonSchema][]) addComponent(components, V27_COMPONENTS[name], openVocabularies(schema), V27_COMPONENTS[name])
  for (const file of Object.keys(V3_COMPONENTS) as V3File[]) addComponent(components, V3_COMPONENTS[file], v3Schema(file, siteUrl), 'V3')
  for (const [name, schema] of Object.entries(FIXED_COMPONENTS)) components[name] = schema
  return Object.fromEntries(Object.keys(components).sort().map((k) => [k, components[k]!]))
}

const PARAMETERS: Record<string, JsonSchema> = {
  id: { name: 'id', in: 'path', required: true, description: 'L’identifiant d’une startup : le nom de sa fiche sans .md (voir index.json ou startups.json).', schema: { type: 'string' }, example: 'produits-beta-gouv-fr' },
}

function parameterOf(endpoint: Endpoint): JsonSchema[] {
  if (endpoint.path.includes('{id}')) return [PARAMETERS.id!]
  if (!endpoint.path.includes('{name}')) return []
  const names = endpoint.path.startsWith('api/v1/') ? SCHEMA_NAMES.v1 : endpoint.path.startsWith('api/v2.7/') ? SCHEMA_NAMES.v27 : SCHEMA_NAMES.v3
  return [{ name: 'name', in: 'path', required: true, description: 'Le fichier décrit, sans extension.', schema: { enum: names }, example: names[0] }]
}

function operation(endpoint: Endpoint): JsonSchema {
  const schema = { $ref: `#/components/schemas/${endpoint.schema}` }
  const content: JsonSchema =
    endpoint.media === 'text/csv'
      ? { schema: { type: 'string', contentMediaType: 'text/csv' }, 'x-row-schema': schema }
      : { schema }
  const when = { history: ' Publié quand le registre est compilé avec son historique git.', 'history-and-site': ' Publié quand le registre est compilé avec son historique git et siteUrl.', evidence: ' Publié quand le registre est compilé avec les preuves en ligne (registry build --evidence).', none: '' }[endpoint.when ?? 'none']
  const parameters = parameterOf(endpoint)
  return {
    get: {
      operationId: endpoint.operationId,
      tags: [endpoint.tag],
      summary: endpoint.summary,
      description: endpoint.description + when,
      ...(parameters.length > 0 && { parameters }),
      responses: {
        '200': { description: endpoint.summary, content: { [endpoint.media]: content } },
        '404': { description: 'Pas de tel fichier (identifiant inconnu, ou fichier non publié par cette compilation).' },
      },
    },
  }
}

const DESCRIPTION = [
  'Les données ouvertes du registre des startups d’État : des fichiers statiques (JSON, CSV, Atom), régénérés à chaque modification des fiches, servis tels quels (pas de requête à construire : chaque chemin est un fichier).',
  'Suivre les changements à moindre coût : api/v1/index.json liste chaque fichier publié avec son empreinte SHA-256, sa taille et la date où son contenu a pu changer ; ne téléchargez que les fichiers dont l’empreinte diffère de votre copie (ou dont la date est postérieure à votre dernière lecture).',
  `Vocabulaires ouverts : les noms de phase et d’événement sont décrits par anyOf [enum des valeurs connues, string]. ${OPEN_NOTE}`,
  'Un champ ajouté fait monter la version mineure de ce contrat : ignorez les champs que vous ne connaissez pas. Les schémas publiés ferment les objets que le registre écrit (additionalProperties: false) : un champ non décrit ici n’est jamais publié.',
].join('\n\n')

export function openApiDocument(siteUrl: string): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Registre des startups d’État : données ouvertes',
      version: API_VERSION,
      summary: `Le contrat de tous les fichiers publiés (version ${API_VERSION} du ${CONTRACT_RELEASED}).`,
      description: DESCRIPTION,
      license: { name: DATA_LICENCE.name, identifier: DATA_LICENCE.id },
    },
    servers: [{ url: siteUrl || '/', description: siteUrl ? 'Le site publié' : 'La racine du site qui sert ces fichiers' }],
    tags: TAGS.map((t) => ({ ...t })),
    paths: Object.fromEntries(ENDPOINTS.map((e) => [`/${e.path}`, operation(e)])),
    components: { schemas: openApiComponents(siteUrl) },
  }
}

export function openApiFile(siteUrl: string): [string, string] {
  return [OPENAPI_PATH, `${JSON.stringify(openApiDocument(siteUrl), null, 2)}\n`]
}
