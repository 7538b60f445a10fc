/**
 * The JSON Schemas of the v1 feed, generated from the fiche schemas so that
 * they can never drift from them: a feed record is the fiche's front matter
 * (same fields, same types) plus the id, the source file and derived fields.
 * Each schema is standalone (the shared definitions are bundled in).
 */
import type { Collection } from '../load/config.ts'
import { COMMON_SCHEMA, FICHE_SCHEMAS, publishedSchemaUrl, type JsonSchema } from '../validate/schemas.ts'
import { openVocabularies } from './vocabularies.ts'
import { CATEGORIES } from '../lint/catalogue.ts'
import evidenceSchema from '../../schemas/evidence.schema.json' with { type: 'json' }

/**
 * The version of the API contract (api/openapi.json, the v1 files' `api_version`):
 * the minor part rises when fields are added, the major one (and the /api/vN
 * path) when a field changes or goes. CONTRACT_RELEASED is the day this
 * version was released (index.json's `contract.released`): a consumer that
 * sees a later one compares every file's fingerprint, since the tool may have
 * changed any file. Raise both with any change of what the tool publishes
 * for the same fiches.
 */
export const API_VERSION = '1.3'
export const CONTRACT_RELEASED = '2026-12-07'

/** The licence of the published data (index.json, the OpenAPI document, the data page). */
export const DATA_LICENCE = { id: 'etalab-2.0', name: 'Licence Ouverte 2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' } as const

export const FEED_FILES = ['index', 'startups', 'startup', 'organisations', 'incubators', 'standards', 'evaluations'] as const
export type FeedFile = (typeof FEED_FILES)[number]

/** Formats that every JSON Schema validator knows; the registry's own formats are dropped. */
const STANDARD_FORMATS = new Set(['date'])

/** A part of the fiche schemas as a published schema bundles it: `common.schema.json#` references made local, the registry's own formats dropped. */
export function bundledDefs<T>(node: T): T {
  return rewrite(node) as T
}

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

const RULES_VERSION = {
  type: 'string',
  pattern: '^catalogue-.+\\+rules-[0-9a-f]{12}$',
  description:
    "La version des règles qui ont produit ces résultats : catalogue-<version du catalogue>+rules-<empreinte des règles, de leurs options et sévérités> (la même que metrics.standards de trends.json). Deux résultats ne se comparent sans réserve que si elle est égale.",
  examples: ['catalogue-2.0+rules-77395a1119a2'],
}

const STANDARDS_DEFS = {
  standardsCounts: counts('Nombre de vérifications applicables, réussies, en échec et exemptées.'),
  standardsCheck: {
    type: 'object',
    additionalProperties: false,
    required: ['rule', 'standards', 'evidence', 'result', 'explanation'],
    description: 'Une vérification : la règle, les standards du catalogue dont elle est la preuve, la nature de la preuve, le résultat et, en mots, la preuve vue ou celle qui manque.',
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
      explanation: { type: 'string', description: 'Ce que la vérification a vu dans la fiche (« La fiche donne budget_url : … », « Un comité d’investissement le 2026-05-05. ») ou ce qui manque (le message de l’avertissement), en français (en anglais avec --lang en).' },
    },
  },
  standardsBlock: {
    type: 'object',
    additionalProperties: false,
    required: ['catalogue_version', 'rules_version', 'as_of', 'phase', 'categories'],
    description: "Les standards du programme pour ce produit, par catégorie (dans startups.json seulement). Pas de note globale : chaque catégorie se lit à part.",
    properties: {
      catalogue_version: { type: 'string', examples: ['2.0'] },
      rules_version: RULES_VERSION,
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

const CATALOGUE = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'released'],
  description: 'Le catalogue des standards du programme (betagouv/standards) dont les catégories sont reprises.',
  properties: { version: { type: 'string', examples: ['2.0'] }, released: { type: 'string', format: 'date', examples: ['2026-01-07'] } },
}

function standardsSchema(head: Record<string, unknown>): JsonSchema {
  const byCategory = { type: 'object', additionalProperties: { $ref: '#/$defs/standardsCounts' } }
  return {
    ...head,
    title: 'Standards du programme, agrégés (api/v1/standards.json)',
    type: 'object',
    additionalProperties: false,
    required: ['api_version', 'catalogue', 'rules_version', 'as_of', 'online_evidence', 'startups', 'rules', 'categories', 'incubators', 'phases'],
    properties: {
      api_version: { const: API_VERSION },
      catalogue: CATALOGUE,
      rules_version: RULES_VERSION,
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
  return publishedSchemaUrl(siteUrl, file)
}

const LISTS: Record<Exclude<FeedFile, 'index' | 'startup' | 'standards' | 'evaluations'>, Collection> = { startups: 'startups', organisations: 'organisations', incubators: 'incubators' }

/**
 * api/v1/schemas/evidence.schema.json: the evidence file's own schema
 * (schemas/evidence.schema.json, the one `registry evidence` and `build
 * --evidence` check it against), with its published address as `$id`.
 */
export function evidenceFeedSchema(siteUrl: string): JsonSchema {
  return { ...evidenceSchema, $id: schemaUrl(siteUrl, 'evidence') }
}

export function feedSchema(file: FeedFile, siteUrl: string): JsonSchema {
  return openVocabularies(feedSchemaOf(file, siteUrl))
}

/** The keys of index.json's `files`: what each one addresses. */
export const INDEX_FILES: Record<string, string> = {
  startups: 'api/v1/startups.json',
  startup: 'api/v1/startups/{id}.json',
  organisations: 'api/v1/organisations.json',
  incubators: 'api/v1/incubators.json',
  standards: 'api/v1/standards.json',
  evaluations: 'api/v1/evaluations.json',
  changes: 'api/v1/changes.json',
  changes_atom: 'api/v1/changes.atom',
  trends: 'api/v1/trends.json',
  evidence: 'api/v1/evidence.json',
  types: 'api/v1/types.d.ts',
  v3_startups: 'api/v3/startups.json',
  v3_startup: 'api/v3/startups/{id}.json',
  v3_types: 'api/v3/types.d.ts',
  openapi: 'api/openapi.json',
}

const DATE_OR_NULL = { type: ['string', 'null'], format: 'date' }
const SCHEMA_URL = { type: 'string', description: 'L’adresse du schéma JSON de ce fichier.' }

const PUBLISHED_FILE = {
  type: 'object',
  additionalProperties: false,
  required: ['path', 'sha256', 'size', 'updated'],
  description: 'Un fichier publié : son chemin (son adresse est <siteUrl>/<path>), l’empreinte SHA-256 et la taille de son contenu, et la date où son contenu a pu changer pour la dernière fois.',
  properties: {
    path: { type: 'string', description: 'Le chemin du fichier, relatif à la racine du site.', examples: ['api/v3/startups/produits-beta-gouv-fr.json'] },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'L’empreinte SHA-256 (hexadécimal) des octets du fichier : si elle est celle de votre copie, le fichier n’a pas changé.' },
    size: { type: 'integer', minimum: 0, description: 'La taille du fichier en octets.' },
    updated: {
      ...DATE_OR_NULL,
      description:
        'La date (AAAA-MM-JJ) de la dernière modification possible du contenu, tirée de l’historique git : pour le fichier d’une fiche, le dernier commit de la branche principale qui l’a touchée ; pour un fichier qui agrège des fiches, le dernier commit qui a touché l’un de leurs dossiers ; la date de référence pour un contenu qui en dépend ; pour les schémas et le contrat, contract.released. null sans historique git. Une nouvelle version du contrat peut changer n’importe quel fichier : comparez alors les empreintes. Voir docs/api.md.',
      examples: ['2026-08-18'],
    },
  },
}

function indexSchema(head: Record<string, unknown>): JsonSchema {
  const url = (description: string) => ({ type: 'string', description })
  return {
    ...head,
    title: "Index de l'API (api/v1/index.json)",
    description: 'Le point d’entrée : la version du contrat, la licence des données, les comptes, l’adresse de chaque fichier et, pour suivre les changements à moindre coût, la liste de tous les fichiers publiés avec leur empreinte, leur taille et leur date.',
    type: 'object',
    additionalProperties: false,
    required: ['api_version', 'contract', 'licence', 'source', 'counts', 'files', 'schemas', 'published'],
    properties: {
      api_version: { const: API_VERSION, description: 'La version du format : la mineure augmente quand des champs sont ajoutés, la majeure (et le chemin /api/vN) quand un champ change ou disparaît.' },
      contract: {
        type: 'object',
        additionalProperties: false,
        required: ['version', 'released', 'openapi'],
        description: 'Le contrat de l’API : le document OpenAPI 3.1 qui décrit chaque fichier publié.',
        properties: {
          version: { const: API_VERSION },
          released: { type: 'string', format: 'date', description: 'La date de publication de cette version du contrat.' },
          openapi: url('L’adresse du document OpenAPI (api/openapi.json).'),
        },
      },
      licence: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'url'],
        description: 'La licence des données publiées.',
        properties: { id: { type: 'string', examples: ['etalab-2.0'] }, name: { type: 'string', examples: ['Licence Ouverte 2.0'] }, url: { type: 'string' } },
      },
      source: {
        type: 'object',
        additionalProperties: false,
        required: ['commit'],
        description: 'D’où viennent les données.',
        properties: { commit: { type: ['string', 'null'], description: 'Le commit git des fiches compilées, ou null hors dépôt git.' } },
      },
      counts: {
        type: 'object',
        additionalProperties: false,
        required: ['startups', 'startups_active', 'startups_ended', 'organisations', 'incubators'],
        description: 'Les nombres de fiches : startups (en cours, terminées), organisations, incubateurs.',
        properties: Object.fromEntries(['startups', 'startups_active', 'startups_ended', 'organisations', 'incubators'].map((k) => [k, { type: 'integer', minimum: 0 }])),
      },
      files: {
        type: 'object',
        additionalProperties: false,
        required: ['startups', 'startup', 'organisations', 'incubators', 'v3_startups', 'v3_startup', 'openapi'],
        description: 'Les adresses des fichiers de l’API ({id} : l’identifiant d’une startup). changes, changes_atom et trends n’existent qu’avec l’historique git (changes_atom : avec siteUrl) ; evidence, quand la compilation a reçu les preuves en ligne.',
        properties: Object.fromEntries(Object.entries(INDEX_FILES).map(([key, file]) => [key, url(file)])),
      },
      schemas: {
        type: 'object',
        additionalProperties: false,
        description: 'Les adresses des schémas JSON des fichiers de l’API v1.',
        properties: Object.fromEntries([...FEED_FILES, 'changes', 'trends', 'evidence'].map((f) => [f, url(`api/v1/schemas/${f}.schema.json`)])),
      },
      published: { type: 'array', items: PUBLISHED_FILE, description: 'Tous les fichiers publiés sous api/ (sauf index.json lui-même), triés par chemin.' },
    },
  }
}

const PERCENTS = {
  type: 'object',
  additionalProperties: false,
  required: [...CATEGORIES],
  properties: Object.fromEntries(CATEGORIES.map((c) => [c, { type: 'number', minimum: 0, maximum: 100 }])),
}

function evaluationsSchema(head: Record<string, unknown>): JsonSchema {
  return {
    ...head,
    title: 'Évaluations des standards, au format du site des standards (api/v1/evaluations.json)',
    description:
      'Pour chaque startup, au format {completion: {catégorie: %}, conformity: {catégorie: %}} du site des standards du programme (api/evaluations de betagouv/standards-front). Preuves dérivées des fiches par les règles du registre, pas une auto-évaluation de l’équipe : chaque standard du catalogue est une question, chaque vérification applicable qui en apporte la preuve un critère (répondu ; conforme s’il est réussi ou exempté) ; un standard sans vérification applicable compte 0. Par catégorie, la moyenne de ses standards, en pourcentage (2 décimales).',
    type: 'object',
    additionalProperties: false,
    required: ['$schema', 'api_version', 'catalogue', 'rules_version', 'as_of', 'evidence', 'evaluations'],
    properties: {
      $schema: SCHEMA_URL,
      api_version: { const: API_VERSION, description: 'La version du format de l’API v1.' },
      catalogue: CATALOGUE,
      rules_version: RULES_VERSION,
      as_of: { ...DATE_OR_NULL, description: 'La date de référence des règles (date du dernier commit, ou --as-of).' },
      evidence: { const: 'derived', description: 'derived : calculé des fiches par les règles du registre, jamais déclaré par les équipes.' },
      evaluations: {
        type: 'object',
        description: 'Par identifiant de startup (le ghid du site des standards) : completion, la part des critères pour lesquels le registre a une preuve ; conformity, la part des critères remplis.',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          required: ['completion', 'conformity'],
          properties: { completion: PERCENTS, conformity: PERCENTS },
        },
      },
    },
  }
}

function feedSchemaOf(file: FeedFile, siteUrl: string): JsonSchema {
  const head = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: schemaUrl(siteUrl || 'https://registre.beta.gouv.fr', file) }
  if (file === 'startup') {
    return { ...head, title: 'Une startup (api/v1/startups/<id>.json)', $ref: '#/$defs/startupsRecord', $defs: defs() }
  }
  if (file === 'standards') return standardsSchema(head)
  if (file === 'evaluations') return evaluationsSchema(head)
  if (file === 'index') return indexSchema(head)
  const collection = LISTS[file]
  return {
    ...head,
    title: `Liste des ${collection} (api/v1/${file}.json)`,
    type: 'object',
    additionalProperties: false,
    required: ['$schema', 'api_version', 'count', collection],
    properties: {
      $schema: SCHEMA_URL,
      api_version: { const: API_VERSION, description: 'La version du format de l’API v1.' },
      count: { type: 'integer', minimum: 0, description: `Le nombre d’éléments de ${collection}.` },
      [collection]: { type: 'array', items: { $ref: `#/$defs/${collection}Record` } },
    },
    $defs: defs(),
  }
}
