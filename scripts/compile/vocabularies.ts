/**
 * The open vocabularies of the published data: phase and event names. Their
 * values come from the fiche schemas (schemas/startup.schema.json), their
 * renames from the history's vocabulary (history/vocabulary.ts); what each
 * value means is written here, once, for the API's documentation.
 *
 * "Open" is a promise to consumers: these lists grow (the programme renamed
 * its phases in May 2026 and a consumer that rejected unknown names broke).
 * The published JSON Schemas and the OpenAPI document describe such a field
 * as `anyOf: [{enum: [known values]}, {type: string}]`: every JSON Schema
 * validator accepts a new value, a code generator gives the known values and
 * `string`, a reader sees the list. (`x-extensible-enum` is not JSON Schema:
 * Ajv in strict mode refuses it and most tools ignore it.)
 */
import { RETIRED_PHASES } from '../history/vocabulary.ts'
import { FICHE_SCHEMAS, type JsonSchema } from '../validate/schemas.ts'

export type VocabularyId = 'phases' | 'events'

export interface Rename {
  /** The retired name. */
  from: string
  /** Today's name(s) it became. */
  to: string[]
  /** When the fiches were renamed. */
  date: string
  note: string
}

export interface Vocabulary {
  id: VocabularyId
  /** Its name, in French. */
  label: string
  /** Where its values are used, in French. */
  where: string
  values: readonly string[]
  meanings: Readonly<Record<string, string>>
  renames: readonly Rename[]
}

const PHASE_MEANINGS: Record<string, string> = {
  investigation: 'Investigation : l’équipe vérifie que le problème existe et qu’un service numérique peut le résoudre.',
  construction: 'Construction : l’équipe construit et met en ligne une première version du service.',
  acceleration: 'Accélération : le service a fait ses preuves et passe à l’échelle.',
  consolidation: 'Consolidation : le service consolide son modèle (financement, équipe, gouvernance) pour durer.',
  transfere: 'Transféré : sorti du programme, le service continue, porté par une administration.',
  opere: 'Opéré : le service est opéré durablement au sein du réseau beta.gouv.fr.',
  abandon: 'Abandon : le service a été arrêté.',
  'abandon-investigation': 'Abandon après investigation : l’investigation n’a pas été concluante, aucun service n’a été construit.',
}

const EVENT_MEANINGS: Record<string, string> = {
  committee: 'Comité d’investissement : le point régulier où le produit rend compte et où son financement est décidé.',
  product_launch: 'Lancement : la mise en ligne du service pour ses usagers.',
  other: 'Autre événement marquant (précisé dans le commentaire).',
  end: 'Fin : la fin du produit ou de son accompagnement.',
  fast: 'Financement par le Fonds d’accélération des startups d’État (FAST).',
  national_impact: 'Impact national : le passage à l’échelle nationale.',
  eig: 'Entrepreneurs d’intérêt général : le produit a accueilli une promotion du programme EIG.',
}

/** Every name a retired phase may have become (some depend on the phase before). */
function targets(to: (typeof RETIRED_PHASES)[number]['to']): string[] {
  if (typeof to === 'string') return [to]
  return [...new Set([undefined, 'investigation', 'construction', 'acceleration'].map((previous) => to(previous)))]
}

export const VOCABULARIES: Readonly<Record<VocabularyId, Vocabulary>> = {
  phases: {
    id: 'phases',
    label: 'Noms de phase',
    where: 'phases[].name (v1, v3, v2.7), current_phase (v1), la colonne status du CSV v2.7',
    values: FICHE_SCHEMAS.startups.$defs.phase.properties.name.enum,
    meanings: PHASE_MEANINGS,
    renames: RETIRED_PHASES.map((r) => ({ from: r.name, to: targets(r.to), date: r.retired.date, note: r.note })),
  },
  events: {
    id: 'events',
    label: 'Noms d’événement',
    where: 'events[].name (v1, v2.7)',
    values: FICHE_SCHEMAS.startups.$defs.event.properties.name.enum,
    meanings: EVENT_MEANINGS,
    renames: [],
  },
}

export const OPEN_NOTE = 'Vocabulaire ouvert : d’autres valeurs pourront apparaître (des phases ont été renommées en mai 2026) ; acceptez une valeur inconnue, par exemple en l’affichant telle quelle.'

/** The schema of a field whose values come from an open vocabulary. */
export function openVocabulary(vocabulary: Vocabulary, description?: string): JsonSchema {
  return {
    type: 'string',
    anyOf: [{ enum: [...vocabulary.values] }, { type: 'string' }],
    description: description ? `${description} ${OPEN_NOTE}` : OPEN_NOTE,
  }
}

const sameSet = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v) => b.includes(v))

/** The vocabulary whose values a closed `enum` lists, if any. */
function vocabularyOfEnum(values: unknown): Vocabulary | undefined {
  if (!Array.isArray(values)) return undefined
  return Object.values(VOCABULARIES).find((v) => sameSet(v.values, values))
}

/** The open vocabulary a published schema node describes (`anyOf: [{enum}, {type: string}]`), if any. */
export function vocabularyOf(node: unknown): Vocabulary | undefined {
  const anyOf = (node as JsonSchema | undefined)?.anyOf
  if (!Array.isArray(anyOf) || anyOf.length !== 2 || anyOf[1]?.type !== 'string') return undefined
  return vocabularyOfEnum(anyOf[0]?.enum)
}

/**
 * A schema whose closed lists of phase or event names are made open: what is
 * published, so that a consumer who validates with it keeps working when a
 * name is added. Other enums (accessibility levels, statuses) stay closed.
 */
export function openVocabularies<T>(node: T): T {
  if (Array.isArray(node)) return node.map(openVocabularies) as T
  if (node === null || typeof node !== 'object') return node
  const source = node as JsonSchema
  // Already open: kept as it is (opening twice changes nothing).
  if (vocabularyOf(source)) return node
  const vocabulary = vocabularyOfEnum(source.enum)
  if (vocabulary) {
    const { enum: _, description, type: __, ...rest } = source
    return { ...openVocabulary(vocabulary, description), ...openVocabularies(rest) } as T
  }
  const out: JsonSchema = {}
  for (const [key, value] of Object.entries(source)) out[key] = key === 'enum' || key === 'const' || key === 'examples' ? value : openVocabularies(value)
  return out as T
}

/** The reverse, for tests: each open vocabulary closed to today's values (an unknown value then fails). */
export function closeVocabularies<T>(node: T): T {
  if (Array.isArray(node)) return node.map(closeVocabularies) as T
  if (node === null || typeof node !== 'object') return node
  const vocabulary = vocabularyOf(node)
  const out: JsonSchema = {}
  for (const [key, value] of Object.entries(node as JsonSchema)) {
    if (vocabulary && key === 'anyOf') out.enum = [...vocabulary.values]
    else out[key] = key === 'enum' || key === 'const' || key === 'examples' ? value : closeVocabularies(value)
  }
  return out as T
}
