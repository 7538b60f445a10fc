/** Online outcomes in words, for the online rules' messages. */
import type { Data } from './define-rule.ts'

const FR: Record<string, string> = {
  dead: 'la page répond par une erreur',
  timeout: 'pas de réponse dans le délai',
  unreachable: 'serveur injoignable',
  'refused-address': 'adresse privée ou locale, refusée',
  'refused-scheme': 'adresse refusée (ni http ni https, ou identifiants dans l’adresse)',
  'too-many-redirects': 'trop de redirections',
  'rate-limited': 'la forge limite les requêtes, vérification impossible pour l’instant',
  'repo-not-found': 'dépôt introuvable (supprimé ou privé)',
  'repo-private': 'dépôt privé',
  'repo-no-licence': 'pas de licence',
  'repo-inactive': 'pas d’activité récente',
  'repo-archived': 'dépôt archivé',
}
const EN: Record<string, string> = {
  dead: 'the page answers with an error',
  timeout: 'no answer in time',
  unreachable: 'server unreachable',
  'refused-address': 'private or local address, refused',
  'refused-scheme': 'address refused (not http or https, or credentials in the URL)',
  'too-many-redirects': 'too many redirects',
  'rate-limited': 'the forge rate-limits requests, cannot check for now',
  'repo-not-found': 'repository not found (deleted or private)',
  'repo-private': 'private repository',
  'repo-no-licence': 'no licence',
  'repo-inactive': 'no recent activity',
  'repo-archived': 'archived repository',
}

const status = (d: Data) => (typeof d.status === 'number' ? ` (HTTP ${d.status})` : '')
export const OUTCOME_FR = (d: Data): string => `${FR[String(d.outcome)] ?? String(d.outcome)}${status(d)}`
export const OUTCOME_EN = (d: Data): string => `${EN[String(d.outcome)] ?? String(d.outcome)}${status(d)}`
