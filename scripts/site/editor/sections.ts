/**
 * The editor's sections, in the order a product team thinks of its fiche: what the product
 * is, who carries it, where it stands, what proves it, and the rest. Every field of the
 * schema is in exactly one section (the last takes what the others do not name, and the
 * keys the schema does not know). Pure data; editor.ts draws them.
 */
import { FICHE_SCHEMAS } from '../../validate/schemas.ts'

export interface Section {
  id: string
  title: string
  /** One sentence under the title: what the section is for. */
  intro: string
  /** The top-level keys of the section, in the order drawn. */
  keys: readonly string[]
}

export const SECTIONS: readonly Section[] = [
  { id: 'produit', title: 'Le produit', intro: 'Son nom, son pitch en une phrase et le texte de sa page.', keys: ['title', 'mission'] },
  { id: 'portage', title: 'Portage', intro: 'L’incubateur, les administrations qui portent le produit et l’adresse de l’équipe.', keys: ['incubator', 'incubators', 'sponsors', 'contact'] },
  { id: 'parcours', title: 'Parcours', intro: 'Les phases du produit, de la plus ancienne à l’actuelle, et ses événements.', keys: ['phases', 'events'] },
  {
    id: 'preuves',
    title: 'Preuves et liens',
    intro: 'Les pages publiques qui montrent où en est le produit au regard des standards.',
    keys: ['link', 'repository', 'stats', 'stats_url', 'budget_url', 'impact_url', 'dashlord_url', 'accessibility_status', 'mon_service_securise', 'analyse_risques', 'analyse_risques_url'],
  },
  { id: 'autres', title: 'Autres champs', intro: 'Le reste de la fiche, et les champs que le schéma ne connaît pas (gardés tels quels).', keys: [] },
]

export const OTHER_SECTION = 'autres'

const NAMED = new Map(SECTIONS.flatMap((s) => s.keys.map((k) => [k, s.id] as const)))

/** The section of a top-level key ('autres' for anything the others do not name). */
export function sectionOf(key: string): string {
  return NAMED.get(key) ?? OTHER_SECTION
}

/** The schema's keys of the last section, in the schema's order. */
export function otherKeys(): string[] {
  return Object.keys(FICHE_SCHEMAS.startups.properties).filter((k) => !NAMED.has(k))
}

/**
 * The field a standards check asks for: where its message is shown when it points at no
 * value (a missing field is reported on the first line), and where « Aller au champ » leads
 * from the standards panel. '#body' is the presentation text.
 */
export const RULE_FIELDS: Readonly<Record<string, string>> = {
  'accessibility-status': 'accessibility_status',
  'analyse-risques': 'analyse_risques',
  'body-sections': '#body',
  'budget-missing': 'budget_url',
  'committee-recent': 'events',
  'contact-missing': 'contact',
  'contact-personal': 'contact',
  'dashlord-missing': 'dashlord_url',
  'impact-missing': 'impact_url',
  'link-missing': 'link',
  'link-unreachable': 'link',
  'mission-too-long': 'mission',
  'mon-service-securise': 'mon_service_securise',
  'phase-stale': 'phases',
  'phases-missing': 'phases',
  'repository-missing': 'repository',
  'repository-not-forge': 'repository',
  'repository-unavailable': 'repository',
  'stats-missing': 'stats_url',
}
