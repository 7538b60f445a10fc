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
  stats: 'Statistiques à l’adresse du service',
  stats_url: 'Page de statistiques',
  budget_url: 'Page de budget',
  impact_url: 'Page d’impact',
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
  controles: { type: 'Type de contrôle', intervenant: 'Intervenant', date: 'Date' },
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

/** How one item of a list is named (« Ajouter une phase », « Phase 2 »), by the list's key. */
export const ITEM_NOUNS: Record<string, { noun: string; article: 'un' | 'une' }> = {
  incubators: { noun: 'incubateur', article: 'un' },
  sponsors: { noun: 'administration porteuse', article: 'une' },
  phases: { noun: 'phase', article: 'une' },
  events: { noun: 'événement', article: 'un' },
  techno: { noun: 'technologie', article: 'une' },
  usertypes: { noun: 'public', article: 'un' },
  thematiques: { noun: 'thématique', article: 'une' },
  redirect_from: { noun: 'ancienne adresse', article: 'une' },
  standards_exemptions: { noun: 'exemption', article: 'une' },
  finalites: { noun: 'finalité', article: 'une' },
  donnees: { noun: 'donnée traitée', article: 'une' },
  controles: { noun: 'contrôle', article: 'un' },
  highlighted_startups: { noun: 'startup mise en avant', article: 'une' },
}

/** The words shown for a vocabulary's values (the value is what the fiche holds), by field key. */
export const VALUE_LABELS: Record<string, Record<string, string>> = {
  usertypes: {
    etat: 'État',
    particulier: 'Particuliers',
    'collectivite-territoriale': 'Collectivités territoriales',
    entreprise: 'Entreprises',
    association: 'Associations',
    'etablissement-scolaire': 'Établissements scolaires',
    parlement: 'Parlement',
  },
  robots: { noindex: 'Ne pas indexer (noindex)' },
  // The reason of a standards exemption.
  reason: {
    'not-applicable': 'ne s’applique pas à ce produit',
    'not-supported': 'la preuve existe mais le registre ne peut pas la lire',
    remediated: 'corrigé, en attente de mise à jour de la fiche',
    'accepted-risk': 'écart assumé et décidé',
  },
}

/** A value as people read it: its label when the field's vocabulary has one, else the value as written. */
export function valueLabel(key: string, value: string): string {
  return VALUE_LABELS[key]?.[value] ?? value
}

/** A field's French name ('Nom' for title, 'Début' for a phase's start); undefined for a key the schema does not know. */
export function fieldName(key: string, parent = ''): string | undefined {
  const group = parent.split('/').filter(Boolean).pop()
  return group === undefined ? FIELD_LABELS[key] : NESTED_FIELD_LABELS[group]?.[key]
}

/**
 * The label of a field: its French name, then its key as written in the file ("Nom (title)"), so
 * that a reader of the form finds the line in the text. `parent` is the JSON pointer of the group
 * ('' at the top level, '/phases' for a phase's fields).
 */
export function fieldLabel(key: string, parent = ''): string {
  const french = fieldName(key, parent)
  return french === undefined ? key : `${french} (${key})`
}
