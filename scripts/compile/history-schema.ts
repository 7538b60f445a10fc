/**
 * JSON Schemas (2020-12) of the files computed from git history:
 * api/v1/changes.json and api/v1/trends.json. Published next to the feed's
 * schemas in api/v1/schemas/ (always, even when a build has no history).
 */
import { schemaUrl } from './feed-schema.ts'
import type { JsonSchema } from '../validate/schemas.ts'

export const HISTORY_FEED_FILES = ['changes', 'trends'] as const
export type HistoryFeedFile = (typeof HISTORY_FEED_FILES)[number]

const date = { type: 'string', format: 'date' }
const commit = { type: 'string', pattern: '^[0-9a-f]{40}([0-9a-f]{24})?$' }
const strings = { type: 'array', items: { type: 'string' } }
const counts = { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } }

const gainedLost = (items: JsonSchema, description: string): JsonSchema => ({ type: 'object', additionalProperties: false, required: ['gained', 'lost'], description, properties: { gained: items, lost: items } })

const CHANGE: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'collection', 'id', 'file'],
  description: "Ce qui est arrivé à une fiche dans un commit.",
  properties: {
    kind: { enum: ['added', 'removed', 'renamed', 'modified'], description: 'ajoutée, supprimée, renommée ou modifiée' },
    collection: { enum: ['startups', 'organisations', 'incubators'] },
    id: { type: 'string', description: "L'identifiant de la fiche (après le commit ; avant, pour une suppression)." },
    file: { type: 'string' },
    from: { type: 'string', description: "Pour un renommage : l'identifiant d'avant." },
    title: { type: 'string' },
    fields: { ...strings, description: "Les clés de l'en-tête qui ont changé (body pour le texte), triées." },
    phase: {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'to'],
      description: "Un vrai changement de phase (phase actuelle avant et après, avec les noms d'aujourd'hui ; from null pour une fiche ajoutée), avec le début de la nouvelle phase.",
      properties: { from: { type: ['string', 'null'] }, to: { type: 'string' }, start: { type: 'string' } },
    },
    vocabulary: {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'to'],
      description: "Un ancien nom de phase remplacé par le vocabulaire actuel (mai 2026) : pas un changement de phase.",
      properties: { from: { type: 'string' }, to: { type: 'string' } },
    },
    incubator: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: { type: ['string', 'null'] }, to: { type: ['string', 'null'] } } },
    sponsors: { type: 'object', additionalProperties: false, required: ['added', 'removed'], properties: { added: strings, removed: strings } },
    standards: gainedLost(strings, "Startups : les règles de standards (preuves dans la fiche, jugées à la date du commit sur les deux versions) qui ne sont plus en échec (gained : en échec avant, réussies ou exemptées après) et celles qui le sont devenues (lost : en échec après, pas avant). Une règle qui cesse seulement de s'appliquer n'est dans aucune des deux listes."),
    unreadable: { const: true, description: "L'en-tête de la fiche (avant ou après) n'a pas pu être lu." },
  },
}

const SUMMARY: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'count', 'ids'],
  description: "Dans un commit qui touche plus de 20 fiches, un même type de changement sur plus de 20 fiches, résumé en une ligne.",
  properties: {
    kind: { enum: ['vocabulary', 'fields', 'added', 'removed', 'renamed'] },
    count: { type: 'integer', minimum: 1 },
    fields: strings,
    phases: { ...counts, description: 'Pour vocabulary : nombre de fiches par remplacement (« alumni → abandon »).' },
    standards: gainedLost(counts, 'Les standards gagnés et perdus par les fiches résumées : le nombre de fiches par règle.'),
    ids: strings,
  },
}

const CHANGE_SET: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['commit', 'date', 'time', 'author', 'subject', 'fiches', 'changes', 'summaries'],
  description: 'Un commit de la branche principale (une fusion compte pour un commit) et les fiches qu’il change.',
  properties: {
    commit,
    date: { ...date, description: 'La date du commit (date du committer, AAAA-MM-JJ).' },
    time: { type: 'string', description: 'La date et l’heure du commit, ISO 8601 avec décalage.' },
    author: { type: 'string' },
    subject: { type: 'string' },
    fiches: { type: 'integer', minimum: 0, description: 'Le nombre de fiches touchées, résumées ou non.' },
    changes: { type: 'array', items: { $ref: '#/$defs/change' } },
    summaries: { type: 'array', items: { $ref: '#/$defs/summary' } },
  },
}

const EVIDENCE_MONTH: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['month', 'at', 'categories'],
  description: 'Les preuves en ligne d’un mois : sa dernière vérification.',
  properties: {
    month: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
    at: { type: 'string', description: 'La date de la dernière vérification du mois (ISO 8601).' },
    categories: {
      type: 'object',
      description: 'Par catégorie : les startups qui y ont des preuves en ligne, celles dont toutes tiennent, et leur part (arrondie à 4 décimales, null sans startup).',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['startups', 'holding', 'share'],
        properties: { startups: { type: 'integer', minimum: 0 }, holding: { type: 'integer', minimum: 0 }, share: { type: ['number', 'null'], minimum: 0, maximum: 1 } },
      },
    },
  },
}

const SNAPSHOT: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['month', 'date', 'commit', 'as_of', 'products', 'rules', 'phases', 'standards'],
  description: "L'état des fiches startups au dernier commit d'un mois (ou au dernier commit avant, pour un mois sans commit), jugé au dernier jour du mois.",
  properties: {
    month: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
    date,
    commit,
    as_of: { ...date, description: 'Le dernier jour du mois : la date de référence des règles qui dépendent du temps (phase, comités…).' },
    products: { type: 'integer', minimum: 0, description: 'Le nombre de fiches startups.' },
    rules: { type: 'object', additionalProperties: { type: 'string' }, description: 'La version des règles de chaque mesure : deux instantanés ne se comparent sans réserve que si elles sont égales.' },
    phases: {
      type: 'object',
      additionalProperties: false,
      required: ['counts', 'unreadable', 'unmapped'],
      properties: {
        counts: { ...counts, description: 'Le nombre de produits par phase actuelle, avec les noms de phase d’aujourd’hui.' },
        unreadable: { type: 'integer', minimum: 0, description: 'Fiches dont la phase n’a pas pu être lue (comptées dans products, pas dans counts).' },
        unmapped: { ...strings, description: 'Noms de phase ni actuels ni connus comme anciens, comptés sous leur propre nom.' },
      },
    },
    standards: {
      type: 'object',
      additionalProperties: false,
      required: ['linted', 'unreadable', 'categories'],
      description: "Les règles de standards d'aujourd'hui (preuves dans les fiches seulement, jamais en ligne) appliquées aux fiches du mois, phases renommées avec le vocabulaire actuel, au dernier jour du mois.",
      properties: {
        linted: { type: 'integer', minimum: 0, description: 'Fiches vérifiées.' },
        unreadable: { type: 'integer', minimum: 0, description: 'Fiches dont l’en-tête n’a pas pu être lu ou vérifié (comptées dans products, pas dans categories).' },
        categories: {
          type: 'object',
          description: 'Par catégorie du catalogue (seulement celles qui ont au moins une vérification applicable), les vérifications applicables et leurs résultats.',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['applicable', 'passed', 'failing', 'exempt', 'share'],
            properties: {
              applicable: { type: 'integer', minimum: 1 },
              passed: { type: 'integer', minimum: 0 },
              failing: { type: 'integer', minimum: 0 },
              exempt: { type: 'integer', minimum: 0 },
              share: { type: ['number', 'null'], minimum: 0, maximum: 1, description: 'passed / applicable, arrondi à 4 décimales.' },
            },
          },
        },
      },
    },
  },
}

export function historySchema(file: HistoryFeedFile, siteUrl: string): JsonSchema {
  const head = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: schemaUrl(siteUrl || 'https://registre.beta.gouv.fr', file) }
  if (file === 'changes') {
    return {
      ...head,
      title: 'Changements récents des fiches (api/v1/changes.json)',
      type: 'object',
      additionalProperties: false,
      required: ['$schema', 'window', 'follow', 'change_sets'],
      properties: {
        $schema: { type: 'string', description: 'L’adresse du schéma JSON de ce fichier.' },
        window: {
          type: 'object',
          additionalProperties: false,
          required: ['days', 'max_change_sets', 'since', 'until'],
          description: 'La fenêtre : les commits des `days` jours avant le dernier commit (since exclu, until inclus), au plus max_change_sets, les plus récents d’abord.',
          properties: { days: { type: 'integer' }, max_change_sets: { type: 'integer' }, since: { type: ['string', 'null'] }, until: { type: ['string', 'null'] } },
        },
        follow: {
          type: 'object',
          additionalProperties: false,
          required: ['index', 'fiche_files', 'how'],
          description: 'Comment ne télécharger que ce qui a changé depuis une date : index.json liste chaque fichier publié avec son empreinte et sa date.',
          properties: {
            index: { type: 'string', description: 'L’adresse de api/v1/index.json.' },
            fiche_files: {
              type: 'object',
              additionalProperties: false,
              required: ['startups', 'organisations', 'incubators'],
              description: 'Par collection, les fichiers propres à une fiche ({id} : son identifiant), à télécharger de nouveau quand un changement la nomme.',
              properties: Object.fromEntries(['startups', 'organisations', 'incubators'].map((c) => [c, strings])),
            },
            how: { type: 'string', description: 'La marche à suivre, en français.' },
          },
        },
        change_sets: { type: 'array', items: { $ref: '#/$defs/changeSet' } },
      },
      $defs: { changeSet: CHANGE_SET, change: CHANGE, summary: SUMMARY },
    }
  }
  return {
    ...head,
    title: 'Tendances de maturité par mois (api/v1/trends.json)',
    type: 'object',
    additionalProperties: false,
    required: ['$schema', 'head', 'metrics', 'snapshots'],
    properties: {
      $schema: { type: 'string', description: 'L’adresse du schéma JSON de ce fichier.' },
      head: { ...commit, type: ['string', 'null'], description: 'Le dernier commit lu.' },
      metrics: { type: 'object', additionalProperties: { type: 'string' }, description: 'Les mesures de chaque instantané et la version de leurs règles.' },
      snapshots: { type: 'array', items: { $ref: '#/$defs/snapshot' } },
      evidence: {
        type: 'array',
        description: 'Présent quand la compilation avait les preuves en ligne (api/v1/evidence.json) : pour chaque mois où elles ont été vérifiées, la dernière vérification du mois et, par catégorie de standards, la part des startups dont toutes les preuves en ligne tiennent.',
        items: { $ref: '#/$defs/evidenceMonth' },
      },
    },
    $defs: { snapshot: SNAPSHOT, evidenceMonth: EVIDENCE_MONTH },
  }
}
