/**
 * What each lint rule looks for, as a short noun phrase that people read under a standard
 * ("Page de statistiques (stats_url)"), in French and English. A rule's `description` says
 * when it reports (a failure); this says what the check is about, passed or not, so that a
 * passed check can be listed too. Every rule has one (test/lint/check-labels.test.ts).
 */
import type { Lang } from '../report/diagnostic.ts'

export const CHECK_LABELS: Readonly<Record<string, { fr: string; en: string }>> = {
  'accessibility-status': { fr: 'Niveau de conformité d’accessibilité déclaré (accessibility_status)', en: 'Declared accessibility conformity (accessibility_status)' },
  'analyse-risques': { fr: 'Analyse de risques de sécurité (analyse_risques)', en: 'Security risk analysis (analyse_risques)' },
  'body-sections': { fr: 'Sections du texte de présentation (problème, solution, stratégie)', en: 'Sections of the presentation text (problem, solution, strategy)' },
  'budget-missing': { fr: 'Page de budget (budget_url)', en: 'Budget page (budget_url)' },
  'committee-recent': { fr: 'Comité d’investissement dans les 6 derniers mois (events)', en: 'Investment committee in the last 6 months (events)' },
  'contact-missing': { fr: 'Adresse de contact (contact)', en: 'Contact address (contact)' },
  'contact-personal': { fr: 'Adresse de contact d’équipe, pas personnelle (contact)', en: 'A team contact address, not a personal one (contact)' },
  'dashlord-missing': { fr: 'Rapport DashLord (dashlord_url)', en: 'DashLord report (dashlord_url)' },
  'exemption-invalid': { fr: 'Exemptions de standards complètes et en cours (standards_exemptions)', en: 'Complete, current standards exemptions (standards_exemptions)' },
  'frontmatter-in-body': { fr: 'Aucun champ écrit sous l’en-tête par erreur', en: 'No field written below the header by mistake' },
  'impact-missing': { fr: 'Page d’impact (impact_url)', en: 'Impact page (impact_url)' },
  'link-missing': { fr: 'Adresse du service (link)', en: 'Address of the service (link)' },
  'link-unreachable': { fr: 'Le service répond en ligne (link)', en: 'The service answers online (link)' },
  'mission-too-long': { fr: 'Pitch en une phrase (mission)', en: 'A one-sentence pitch (mission)' },
  'mon-service-securise': { fr: 'Inscription sur MonServiceSécurisé (mon_service_securise)', en: 'Registered on MonServiceSécurisé (mon_service_securise)' },
  'page-unreachable': { fr: 'Les pages de statistiques, de budget, d’impact et DashLord répondent en ligne', en: 'The stats, budget, impact and DashLord pages answer online' },
  'phase-stale': { fr: 'Phase actuelle à jour (phases)', en: 'Current phase up to date (phases)' },
  'phases-missing': { fr: 'Phases du produit (phases)', en: 'Phases of the product (phases)' },
  'repository-missing': { fr: 'Adresse du code source (repository)', en: 'Source code address (repository)' },
  'repository-not-forge': { fr: 'Dépôt sur une forge publique (repository)', en: 'Repository on a public forge (repository)' },
  'repository-unavailable': { fr: 'Dépôt public, sous licence et actif (repository)', en: 'Public, licensed and active repository (repository)' },
  'stats-missing': { fr: 'Page de statistiques (stats_url)', en: 'Statistics page (stats_url)' },
  'url-not-https': { fr: 'Adresses web en https://', en: 'Web addresses in https://' },
  'usertypes-unknown': { fr: 'Publics du vocabulaire usuel (usertypes)', en: 'Audiences from the usual vocabulary (usertypes)' },
  'value-blank': { fr: 'Aucune valeur vide', en: 'No blank value' },
  'value-formula': { fr: 'Aucune valeur qui commence comme une formule de tableur', en: 'No value that starts like a spreadsheet formula' },
  'vocabulary-case': { fr: 'Thématiques et technos écrites comme dans les autres fiches', en: 'Themes and technologies spelled as in the other fiches' },
}

/** The label of a rule's check in `lang`; the rule id for a rule without one (never expected: a test lists them all). */
export function checkLabel(ruleId: string, lang: Lang): string {
  return Object.hasOwn(CHECK_LABELS, ruleId) ? CHECK_LABELS[ruleId]![lang] : ruleId
}
