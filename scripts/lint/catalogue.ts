/**
 * The beta.gouv.fr product standards catalogue, v2.0 (released 2026-01-07), as
 * data: each standard's stable id, title and category, and nothing else (the
 * standards' descriptions belong to the programme; the rules' documentation is
 * the registry's own). Source: betagouv/standards, exported by
 * betagouv/standards-front as config/standards-beta.yml.
 */

export const CATALOGUE_VERSION = '2.0'
export const CATALOGUE_RELEASED = '2026-01-07'

export const CATEGORIES = ['accessibilité', 'design', 'impact', 'qualité-du-support', 'qualité-logicielle', 'sécurité', 'transparence', 'vie-privée', 'équipe'] as const
export type Category = (typeof CATEGORIES)[number]

/** The category of rules that check how values are written rather than a standard. */
export const HYGIENE = 'value hygiene'

/**
 * What people read for each category, in French and in English: the catalogue's ids
 * ('qualité-logicielle') are slugs, never shown as labels.
 */
export const CATEGORY_LABELS: Readonly<Record<Category | typeof HYGIENE, { fr: string; en: string }>> = {
  accessibilité: { fr: 'Accessibilité', en: 'Accessibility' },
  design: { fr: 'Design', en: 'Design' },
  impact: { fr: 'Impact', en: 'Impact' },
  'qualité-du-support': { fr: 'Qualité du support', en: 'Support quality' },
  'qualité-logicielle': { fr: 'Qualité logicielle', en: 'Software quality' },
  sécurité: { fr: 'Sécurité', en: 'Security' },
  transparence: { fr: 'Transparence', en: 'Transparency' },
  'vie-privée': { fr: 'Vie privée', en: 'Privacy' },
  équipe: { fr: 'Équipe', en: 'Team' },
  [HYGIENE]: { fr: 'Hygiène des valeurs', en: 'Value hygiene' },
}

/** A category as people read it, in their language ('qualité-logicielle' → 'Qualité logicielle', 'Software quality'); an unknown id as written. */
export function categoryLabel(category: string, lang: 'fr' | 'en'): string {
  return Object.hasOwn(CATEGORY_LABELS, category) ? CATEGORY_LABELS[category as keyof typeof CATEGORY_LABELS][lang] : category
}

export interface Standard {
  id: string
  category: Category
  title: string
}

export const STANDARDS: readonly Standard[] = [
  { id: "l-equipe-produit-du-code-accessible", category: "accessibilité", title: "L’équipe produit du code accessible" },
  { id: "l-equipe-recette-regulierement-l-accessibilite-de-son-service", category: "accessibilité", title: "L’équipe recette régulièrement l’accessibilité de son service" },
  { id: "le-produit-respecte-ses-obligations-declaratives", category: "accessibilité", title: "Le produit respecte ses obligations déclaratives" },
  { id: "l-equipe-pratique-la-recherche-utilisateur", category: "design", title: "L’équipe pratique la recherche utilisateur" },
  { id: "le-service-prevoit-les-cas-d-exclusion-numerique", category: "design", title: "Le service prévoit les cas d’exclusion numérique" },
  { id: "l-equipe-suit-la-methodologie-aarri", category: "impact", title: "L’équipe suit la méthodologie AARRI" },
  { id: "l-equipe-suit-une-north-star-metric", category: "impact", title: "L’équipe suit une North Star Metric" },
  { id: "la-page-stats-est-construite-selon-la-matrice-impact", category: "impact", title: "La page stats est construite selon la matrice impact" },
  { id: "le-service-simplifie-ses-contenus-d-aide", category: "qualité-du-support", title: "Le service simplifie ses contenus d’aide" },
  { id: "les-utilisateurs-peuvent-faire-des-retours-facilement", category: "qualité-du-support", title: "Les utilisateurs peuvent faire des retours facilement" },
  { id: "l-equipe-a-implemente-l-observabilite-de-son-produit", category: "qualité-logicielle", title: "L’équipe a implémenté l’observabilité de son produit" },
  { id: "l-equipe-enregistre-et-documente-les-changements-du-code", category: "qualité-logicielle", title: "L’équipe enregistre et documente les changements du code" },
  { id: "l-open-source-et-les-communs-numeriques-sont-privilegies", category: "qualité-logicielle", title: "L’open-source et les communs numériques sont privilégiés" },
  { id: "le-code-est-deploye-frequemment-idealement-en-continu", category: "qualité-logicielle", title: "Le code est déployé fréquemment, idéalement en continu" },
  { id: "le-code-est-instrumente-par-des-tests-unitaires-et-des-tests-e2e", category: "qualité-logicielle", title: "Le code est instrumenté par des tests unitaires et des tests E2E" },
  { id: "le-code-source-est-uniforme", category: "qualité-logicielle", title: "Le code source est uniforme" },
  { id: "le-produit-s-appuie-sur-une-architecture-cloud", category: "qualité-logicielle", title: "Le produit s’appuie sur une architecture Cloud" },
  { id: "les-aspects-techniques-du-produit-sont-documentes", category: "qualité-logicielle", title: "Les aspects techniques du produit sont documentés" },
  { id: "l-equipe-a-etabli-un-plan-d-action-visant-l-homologation-de-son-service", category: "sécurité", title: "L’équipe a établi un plan d’action visant l’homologation de son service" },
  { id: "l-equipe-est-sensibilisee-aux-regles-d-hygiene-informatique-et-de-securite", category: "sécurité", title: "L’équipe est sensibilisée aux règles d’hygiène informatique et de sécurité" },
  { id: "l-equipe-identifie-et-maitrise-les-risques-cyber-de-son-service", category: "sécurité", title: "L’équipe identifie et maîtrise les risques cyber de son service" },
  { id: "le-produit-a-une-fiche-a-jour-sur-le-site-beta-gouv-fr", category: "transparence", title: "Le produit a une fiche à jour sur le site beta.gouv.fr" },
  { id: "le-produit-communique-sur-son-budget", category: "transparence", title: "Le produit communique sur son budget" },
  { id: "le-produit-suit-ses-bonnes-pratiques-sur-dashlord", category: "transparence", title: "Le produit suit ses bonnes pratiques sur DashLord" },
  { id: "l-equipe-initie-une-analyse-d-impact-relative-a-la-protection-des-donnees-si-necessaire", category: "vie-privée", title: "L’équipe initie une analyse d’impact relative à la protection des données si nécessaire" },
  { id: "les-donnees-de-production-ne-sont-utilisees-qu-en-production", category: "vie-privée", title: "Les données de production ne sont utilisées qu’en production" },
  { id: "tous-les-documents-legaux-sont-publies-et-accessibles", category: "vie-privée", title: "Tous les documents légaux sont publiés et accessibles" },
  { id: "des-comites-d-investissement-sont-organises-regulierement", category: "équipe", title: "Des comités d’investissement sont organisés régulièrement" },
  { id: "des-rituels-d-equipes-reguliers-sont-mis-en-place", category: "équipe", title: "Des rituels d’équipes réguliers sont mis en place" },
  { id: "le-produit-est-pilote-par-un-agent-public", category: "équipe", title: "Le produit est piloté par un agent public" },
]

const BY_ID = new Map(STANDARDS.map((s) => [s.id, s]))

export function standardById(id: string): Standard | undefined {
  return BY_ID.get(id)
}

/** The standard's public page: its markdown file in the programme's public repository. */
export function standardUrl(standard: Standard): string {
  return `https://github.com/betagouv/standards/blob/main/${standard.category}/${standard.id}.md`
}

/**
 * How the 8 axes of the "Produits @ beta.gouv.fr" fiche map onto the
 * categories (transparence is a ninth category of its own).
 */
export const AXES: readonly { axis: string; categories: readonly Category[] }[] = [
  { axis: 'impact et mesure de l’impact', categories: ['impact'] },
  { axis: 'développement logiciel', categories: ['qualité-logicielle'] },
  { axis: 'ops', categories: ['qualité-logicielle'] },
  { axis: 'accessibilité', categories: ['accessibilité'] },
  { axis: 'écoute des usagers', categories: ['design', 'qualité-du-support'] },
  { axis: 'sécurité', categories: ['sécurité'] },
  { axis: 'protection des données', categories: ['vie-privée'] },
  { axis: 'rituels d’équipes', categories: ['équipe'] },
]
