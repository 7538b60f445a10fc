/**
 * The JSON Schemas of the v1 feed, generated from the fiche schemas so that
 * they can never drift from them: a feed record is the fiche's front matter
 * (same fields, same types) plus the id, the source file and derived fields.
 * Each schema is standalone (the shared definitions are bundled in).
 */
import type { Collection } from '../load/config.ts'
import { COMMON_SCHEMA, FICHE_SCHEMAS, type JsonSchema } from '../validate/schemas.ts'

export const API_VERSION = '1.1'
export const FEED_FILES = ['index', 'startups', 'startup', 'organisations', 'incubators', 'standards'] as const
export type FeedFile = (typeof FEED_FILES)[number]

/** Formats that every JSON Schema validator knows; the registry's own formats are dropped. */
const STANDARD_FORMATS = new Set(['date'])

function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite)
  if (node === null || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === '$id' || key === '$schema') continue
    if (key === 'format' && typeof value === 'string' && !STANDARD_FORMATS.has(value)) continue
    if (key === '$ref' && typeof value === 'string') {
      out[key] = value.replace(/^common\.schema\.json#/, '#')
      continue
    }
    out[key] = rewrite(value)
  }
  return out
}

const text = (description: string, examples: unknown[]) => ({ type: 'string', description, examples })
const ids = (description: string, example: string) => ({ type: 'array', items: { type: 'string' }, description, examples: [[example]] })

/** From git history (scripts/history/): present when the registry is compiled from a git clone with its whole history. */
const HISTORY: Record<string, JsonSchema> = {
  created_at: {
    type: 'string',
    format: 'date',
    description: "La date (AAAA-MM-JJ, date du commit) du commit qui a ajouté le fichier, en suivant les renommages ; pour une fiche supprimée puis recréée, la date de sa recréation. Absent hors d'un dépôt git, dans un clone superficiel, ou pour une fiche pas encore commitée.",
    examples: ['2021-03-15'],
  },
  updated_at: { type: 'string', format: 'date', description: 'La date du dernier commit qui a modifié le fichier (ce que dit git log -1 --format=%cs -- <fichier>). Absent dans les mêmes cas que created_at.', examples: ['2026-05-11'] },
  last_commit: { type: 'string', pattern: '^[0-9a-f]{40}([0-9a-f]{24})?$', description: "L'identifiant de ce dernier commit.", examples: ['2187db0549b10db09876dba3f7d968753eb9656a'] },
}

const DERIVED: Record<Collection, { required: string[]; properties: Record<string, JsonSchema> }> = {
  startups: {
    required: ['incubator_ids', 'sponsor_ids', 'status', 'body'],
    properties: {
      incubator_ids: ids("Tous les incubateurs du produit : l'incubateur principal d'abord, puis les co-incubateurs, sans doublon.", 'dinum'),
      sponsor_ids: ids('Les identifiants des organisations sponsors (sponsors sans le préfixe /organisations/).', 'dinum'),
      current_phase: {
        type: 'string',
        enum: FICHE_SCHEMAS.startups.$defs.phase.properties.name.enum,
        description: "La phase actuelle : la dernière phase commencée à la date de référence de la compilation (date du dernier commit, ou --as-of ; sans git, la dernière phase écrite). Une phase annoncée pour plus tard ne compte pas encore. Absent quand la fiche n'a pas de phases (la règle phases-missing le signale) ou qu'aucune n'a encore commencé.",
        examples: ['construction'],
      },
      status: {
        type: 'string',
        enum: ['active', 'ended'],
        description: "active tant que le produit est suivi par le programme (investigation, construction, acceleration, consolidation, opere) ; ended une fois transféré ou arrêté (transfere, abandon, abandon-investigation).",
        examples: ['active'],
      },
      ...HISTORY,
      standards: { $ref: '#/$defs/standardsBlock' },
      body: text('Le texte de présentation en markdown, tel qu’écrit après l’en-tête.', ['## Contexte\n\n…']),
    },
  },
  organisations: {
    required: ['startup_ids', 'body'],
    properties: {
      startup_ids: ids('Les startups dont cette organisation est sponsor.', 'produits-beta-gouv-fr'),
      ...HISTORY,
      body: text('Le texte de la fiche en markdown (souvent vide).', ['']),
    },
  },
  incubators: {
    required: ['owner_id', 'startup_ids', 'body'],
    properties: {
      owner_id: { type: ['string', 'null'], description: "L'identifiant de l'organisation porteuse (owner sans le préfixe), ou null.", examples: ['dinum'] },
      startup_ids: ids('Les startups incubées ou co-incubées par cet incubateur.', 'produits-beta-gouv-fr'),
      ...HISTORY,
      body: text('Le texte de présentation en markdown.', ['L’incubateur…']),
    },
  },
}

export function recordSchema(collection: Collection): JsonSchema {
  const fiche = FICHE_SCHEMAS[collection]
  const derived = DERIVED[collection]
  for (const key of Object.keys(derived.properties)) {
    if (key in fiche.properties) throw new Error(`derived field ${key} clashes with a fiche field of ${collection}`)
  }
  return {
    type: 'object',
    description: fiche.description,
    required: ['id', 'file', ...fiche.required, ...derived.required],
    additionalProperties: false,
    properties: {
      id: text("L'identifiant : le nom du fichier sans .md.", ['produits-beta-gouv-fr']),
      file: text('Le chemin du fichier source dans le dépôt.', [`${collection}/exemple.md`]),
      ...(rewrite(fiche.properties) as Record<string, JsonSchema>),
      ...derived.properties,
    },
  }
}

const counts = (description: string) => ({
  type: 'object',
  additionalProperties: false,
  required: ['applicable', 'passed', 'failing', 'exempt'],
  description,
  properties: Object.fromEntries(['applicable', 'passed', 'failing', 'exempt'].map((k) => [k, { type: 'integer', minimum: 0 }])),
})

const STANDARDS_DEFS = {
  standardsCounts: counts('Nombre de vérifications applicables, réussies, en échec et exemptées.'),
  standardsCheck: {
    type: 'object',
    additionalProperties: false,
    required: ['rule', 'standards', 'evidence', 'result'],
    description: 'Une vérification : la règle, les standards du catalogue dont elle est la preuve, la nature de la preuve et le résultat.',
    properties: {
      rule: { type: 'string', description: 'L’identifiant de la règle (docs/rules/<règle>.md).' },
      standards: { type: 'array', items: { type: 'string' }, description: 'Les identifiants des standards (catalogue v2.0).' },
      evidence: { enum: ['field', 'online'], description: 'field : d’après les champs de la fiche ; online : d’après une vérification en ligne.' },
      result: { enum: ['passed', 'failing', 'exempt'] },
      exemption: {
        type: 'object',
        additionalProperties: false,
        required: ['reason', 'justification'],
        properties: { reason: { type: 'string' }, justification: { type: 'string' }, expires: { type: 'string', format: 'date' } },
      },
      checked_at: { type: 'string', description: 'Pour une preuve en ligne : la date de la vérification.' },
    },
  },
  standardsBlock: {
    type: 'object',
    additionalProperties: false,
    required: ['catalogue_version', 'as_of', 'phase', 'categories'],
    description: "Les standards du programme pour ce produit, par catégorie (dans startups.json seulement). Pas de note globale : chaque catégorie se lit à part.",
    properties: {
      catalogue_version: { type: 'string', examples: ['2.0'] },
      as_of: { type: ['string', 'null'], format: 'date', description: 'La date de référence (date du dernier commit, ou --as-of).' },
      phase: { type: ['string', 'null'], description: 'La phase à la date de référence.' },
      categories: {
        type: 'object',
        description: 'Par catégorie du catalogue (seulement celles où une règle s’applique) : les nombres de vérifications, les règles en échec et le détail.',
        additionalProperties: {
          type: 'object',
          required: ['applicable', 'passed', 'failing', 'exempt', 'failing_rules', 'checks'],
          properties: {
            ...Object.fromEntries(['applicable', 'passed', 'failing', 'exempt'].map((k) => [k, { type: 'integer', minimum: 0 }])),
            failing_rules: { type: 'array', items: { type: 'string' } },
            checks: { type: 'array', items: { $ref: '#/$defs/standardsCheck' } },
          },
          additionalProperties: false,
        },
      },
    },
  },
}

function standardsSchema(head: Record<string, unknown>): JsonSchema {
  const byCategory = { type: 'object', additionalProperties: { $ref: '#/$defs/standardsCounts' } }
  return {
    ...head,
    title: 'Standards du programme, agrégés (api/v1/standards.json)',
    type: 'object',
    additionalProperties: false,
    required: ['api_version', 'catalogue', 'as_of', 'online_evidence', 'startups', 'rules', 'categories', 'incubators', 'phases'],
    properties: {
      api_version: { const: API_VERSION },
      catalogue: { type: 'object', additionalProperties: false, required: ['version', 'released'], properties: { version: { type: 'string' }, released: { type: 'string', format: 'date' } } },
      as_of: { type: ['string', 'null'], format: 'date' },
      online_evidence: { type: 'boolean', description: 'true si une vérification en ligne a fourni des preuves.' },
      startups: { type: 'integer', minimum: 0 },
      rules: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          required: ['category', 'standards', 'evidence', 'applicable', 'passed', 'failing', 'exempt'],
          additionalProperties: false,
          properties: { category: { type: 'string' }, standards: { type: 'array', items: { type: 'string' } }, evidence: { enum: ['field', 'online'] }, applicable: { type: 'integer' }, passed: { type: 'integer' }, failing: { type: 'integer' }, exempt: { type: 'integer' } },
        },
      },
      categories: byCategory,
      incubators: { type: 'object', additionalProperties: byCategory },
      phases: { type: 'object', additionalProperties: byCategory, description: 'Par phase à la date de référence ; none pour les fiches sans phases.' },
    },
    $defs: { standardsCounts: STANDARDS_DEFS.standardsCounts },
  }
}

function defs(): Record<string, unknown> {
  const all: Record<string, unknown> = { ...(rewrite(COMMON_SCHEMA.$defs) as Record<string, unknown>), ...STANDARDS_DEFS }
  for (const collection of ['startups', 'organisations', 'incubators'] as const) {
    for (const [name, def] of Object.entries((rewrite(FICHE_SCHEMAS[collection].$defs ?? {}) as Record<string, unknown>))) {
      if (name in all) throw new Error(`schema definition ${name} is defined twice`)
      all[name] = def
    }
    all[`${collection}Record`] = recordSchema(collection)
  }
  return all
}

export function schemaUrl(siteUrl: string, file: FeedFile | 'changes' | 'trends' | 'evidence'): string {
  return `${siteUrl}/api/v1/schemas/${file}.schema.json`
}

const LISTS: Record<Exclude<FeedFile, 'index' | 'startup' | 'standards'>, Collection> = { startups: 'startups', organisations: 'organisations', incubators: 'incubators' }

export function feedSchema(file: FeedFile, siteUrl: string): JsonSchema {
  const head = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: schemaUrl(siteUrl || 'https://registre.beta.gouv.fr', file) }
  if (file === 'startup') {
    return { ...head, title: 'Une startup (api/v1/startups/<id>.json)', $ref: '#/$defs/startupsRecord', $defs: defs() }
  }
  if (file === 'standards') return standardsSchema(head)
  if (file === 'index') {
    return {
      ...head,
      title: "Index de l'API v1 (api/v1/index.json)",
      type: 'object',
      additionalProperties: false,
      required: ['api_version', 'source', 'counts', 'files', 'schemas'],
      properties: {
        api_version: { const: API_VERSION, description: 'La version du format : la mineure augmente quand des champs sont ajoutés, la majeure (et le chemin /api/vN) quand un champ change ou disparaît.' },
        source: {
          type: 'object',
          additionalProperties: false,
          required: ['commit'],
          properties: { commit: { type: ['string', 'null'], description: 'Le commit git des fiches compilées, ou null hors dépôt git.' } },
        },
        counts: {
          type: 'object',
          additionalProperties: false,
          required: ['startups', 'startups_active', 'startups_ended', 'organisations', 'incubators'],
          properties: Object.fromEntries(['startups', 'startups_active', 'startups_ended', 'organisations', 'incubators'].map((k) => [k, { type: 'integer', minimum: 0 }])),
        },
        files: { type: 'object', additionalProperties: { type: 'string' }, description: 'Les adresses des fichiers de l’API.' },
        schemas: { type: 'object', additionalProperties: { type: 'string' }, description: 'Les adresses des schémas JSON de chaque fichier.' },
      },
    }
  }
  const collection = LISTS[file]
  return {
    ...head,
    title: `Liste des ${collection} (api/v1/${file}.json)`,
    type: 'object',
    additionalProperties: false,
    required: ['$schema', 'api_version', 'count', collection],
    properties: {
      $schema: { type: 'string' },
      api_version: { const: API_VERSION },
      count: { type: 'integer', minimum: 0 },
      [collection]: { type: 'array', items: { $ref: `#/$defs/${collection}Record` } },
    },
    $defs: defs(),
  }
}
