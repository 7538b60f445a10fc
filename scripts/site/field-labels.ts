/**
 * French labels of the fiche's fields, shared by the startup pages and the editor's form (the
 * schema's descriptions say what to write; these name the field). No `node:` import: the editor
 * bundles it for the browser.
 */
export const FIELD_LABELS: Record<string, string> = {
  title: 'Nom',
  mission: 'Pitch',
  incubator: 'Incubateur',
  incubators: 'Incubateurs',
  sponsors: 'Administrations porteuses',
  contact: 'Contact',
  link: 'Adresse du service',
  repository: 'Dépôt de code',
  phases: 'Phases',
  events: 'Événements',
  stats: 'Page de statistiques',
  stats_url: 'Statistiques',
  budget_url: 'Budget',
  impact_url: 'Mesure d’impact',
  dashlord_url: 'Rapport DashLord',
  accessibility_status: 'Accessibilité déclarée',
  analyse_risques: 'Analyse de risques',
  analyse_risques_url: 'Analyse de risques publiée',
  mon_service_securise: 'MonServiceSécurisé',
  techno: 'Technologies',
  usertypes: 'Publics',
  thematiques: 'Thématiques',
  redirect_from: 'Anciennes adresses',
  fast: 'Financement FAST',
  contact_dinum: 'Suivi DINUM',
  contact_incubator: 'Suivi incubateur',
  roadmap_url: 'Feuille de route',
  ecodesign_url: 'Écoconception',
  tech_audit_url: 'Audit technique',
  dsfr_status: 'Adoption du DSFR',
  has_mobile_app: 'Application mobile',
  is_private_url: 'Service réservé aux agents',
  mailing_list: 'Lettre d’information',
  standards_exemptions: 'Exemptions de standards',
  robots: 'Indexation',
  rgpd: 'RGPD',
  // Organisations
  name: 'Nom',
  acronym: 'Sigle',
  domaine_ministeriel: 'Domaine ministériel',
  type: 'Type',
  id: 'Identifiant',
  annuaire: 'Fiche de l’annuaire',
  // Incubators
  owner: 'Organisation porteuse',
  address: 'Adresse',
  website: 'Site',
  github: 'Organisation GitHub',
  logo: 'Logo',
  short_description: 'Présentation courte',
  highlighted_startups: 'Startups mises en avant',
  hidden: 'Masqué',
}

/** Labels of the fields inside a group (a phase, an event, an exemption…), by parent field. */
export const NESTED_FIELD_LABELS: Record<string, Record<string, string>> = {
  phases: { name: 'Phase', start: 'Début', end: 'Fin', comment: 'Commentaire' },
  events: { name: 'Événement', date: 'Date', comment: 'Commentaire' },
  fast: { promotion: 'Promotion', montant: 'Montant' },
  standards_exemptions: { rule: 'Règle', reason: 'Motif', justification: 'Justification', expires: 'Fin de l’exemption' },
  rgpd: {
    responsable: 'Responsable de traitement',
    finalites: 'Finalités',
    donnees: 'Données traitées',
    controles: 'Contrôles',
    exercer_vos_droits: 'Exercer vos droits',
    mesures_securite: 'Mesures de sécurité',
    validite_homologation: 'Fin de validité de l’homologation',
  },
}

/**
 * The label of a field: its French name, then its key as written in the file ("Nom (title)"), so
 * that a reader of the form finds the line in the text. `parent` is the JSON pointer of the group
 * ('' at the top level, '/phases' for a phase's fields).
 */
export function fieldLabel(key: string, parent = ''): string {
  const group = parent.split('/').filter(Boolean).pop()
  const french = group === undefined ? FIELD_LABELS[key] : NESTED_FIELD_LABELS[group]?.[key]
  return french === undefined ? key : `${french} (${key})`
}
