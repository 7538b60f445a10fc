/**
 * What each lint rule looks for, as a short noun phrase that people read under a standard
 * ("Page de statistiques (stats_url)"), in French and English. A rule's `description` says
 * when it reports (a failure); this says what the check is about, passed or not, so that a
 * passed check can be listed too. Every rule has one in each language (test/lint/check-labels.test.ts).
 * Two tables, so that what shows French only (the site, the editor in the browser) carries no English.
 */
import type { Lang } from '../report/diagnostic.ts'

export const CHECK_LABELS_FR: Readonly<Record<string, string>> = {
  'accessibility-status': 'Niveau de conformité d’accessibilité déclaré (accessibility_status)',
  'analyse-risques': 'Analyse de risques de sécurité (analyse_risques)',
  'body-sections': 'Sections du texte de présentation (problème, solution, stratégie)',
  'budget-missing': 'Page de budget (budget_url)',
  'committee-recent': 'Comité d’investissement dans les 6 derniers mois (events)',
  'contact-missing': 'Adresse de contact (contact)',
  'contact-personal': 'Adresse de contact d’équipe, pas personnelle (contact)',
  'dashlord-missing': 'Rapport DashLord (dashlord_url)',
  'exemption-invalid': 'Exemptions de standards complètes et en cours (standards_exemptions)',
  'frontmatter-in-body': 'Aucun champ écrit sous l’en-tête par erreur',
  'impact-missing': 'Page d’impact (impact_url)',
  'link-missing': 'Adresse du service (link)',
  'link-unreachable': 'Le service répond en ligne (link)',
  'mission-too-long': 'Pitch en une phrase (mission)',
  'mon-service-securise': 'Inscription sur MonServiceSécurisé (mon_service_securise)',
  'page-unreachable': 'Les pages de statistiques, de budget, d’impact et DashLord répondent en ligne',
  'phase-stale': 'Phase actuelle à jour (phases)',
  'phases-missing': 'Phases du produit (phases)',
  'repository-missing': 'Adresse du code source (repository)',
  'repository-not-forge': 'Dépôt sur une forge publique (repository)',
  'repository-unavailable': 'Dépôt public, sous licence et actif (repository)',
  'stats-missing': 'Page de statistiques (stats_url)',
  'url-not-https': 'Adresses web en https://',
  'usertypes-unknown': 'Publics du vocabulaire usuel (usertypes)',
  'value-blank': 'Aucune valeur vide',
  'value-formula': 'Aucune valeur qui commence comme une formule de tableur',
  'vocabulary-case': 'Thématiques et technos écrites comme dans les autres fiches',
}

export const CHECK_LABELS_EN: Readonly<Record<string, string>> = {
  'accessibility-status': 'Declared accessibility conformity (accessibility_status)',
  'analyse-risques': 'Security risk analysis (analyse_risques)',
  'body-sections': 'Sections of the presentation text (problem, solution, strategy)',
  'budget-missing': 'Budget page (budget_url)',
  'committee-recent': 'Investment committee in the last 6 months (events)',
  'contact-missing': 'Contact address (contact)',
  'contact-personal': 'A team contact address, not a personal one (contact)',
  'dashlord-missing': 'DashLord report (dashlord_url)',
  'exemption-invalid': 'Complete, current standards exemptions (standards_exemptions)',
  'frontmatter-in-body': 'No field written below the header by mistake',
  'impact-missing': 'Impact page (impact_url)',
  'link-missing': 'Address of the service (link)',
  'link-unreachable': 'The service answers online (link)',
  'mission-too-long': 'A one-sentence pitch (mission)',
  'mon-service-securise': 'Registered on MonServiceSécurisé (mon_service_securise)',
  'page-unreachable': 'The stats, budget, impact and DashLord pages answer online',
  'phase-stale': 'Current phase up to date (phases)',
  'phases-missing': 'Phases of the product (phases)',
  'repository-missing': 'Source code address (repository)',
  'repository-not-forge': 'Repository on a public forge (repository)',
  'repository-unavailable': 'Public, licensed and active repository (repository)',
  'stats-missing': 'Statistics page (stats_url)',
  'url-not-https': 'Web addresses in https://',
  'usertypes-unknown': 'Audiences from the usual vocabulary (usertypes)',
  'value-blank': 'No blank value',
  'value-formula': 'No value that starts like a spreadsheet formula',
  'vocabulary-case': 'Themes and technologies spelled as in the other fiches',
}

/** The label of a rule's check in `lang`; the rule id for a rule without one (never expected: a test lists them all). */
export function checkLabel(ruleId: string, lang: Lang): string {
  return lang === 'fr' ? checkLabelFr(ruleId) : Object.hasOwn(CHECK_LABELS_EN, ruleId) ? CHECK_LABELS_EN[ruleId]! : ruleId
}

/** The French label alone (the site and the editor). */
export function checkLabelFr(ruleId: string): string {
  return Object.hasOwn(CHECK_LABELS_FR, ruleId) ? CHECK_LABELS_FR[ruleId]! : ruleId
}
