/**
 * Words for online results and warnings, in French (the default) and
 * English. The lint rules write their own messages; these sentences serve as
 * the detail they may quote, and as the text of the checker's warnings. Pure.
 */
import type { CacheProblem } from './cache.ts'
import type { OnlineWarning } from './check.ts'
import type { OnlineOutcome, OnlineResult } from './types.ts'

export type OnlineLang = 'fr' | 'en'

type Words = (r: OnlineResult) => string

const status = (r: OnlineResult): string => (r.status !== undefined ? ` (HTTP ${r.status})` : '')
const detail = (r: OnlineResult): string => (r.detail !== undefined ? ` (${r.detail})` : '')
/** Whether the forge's API described the repository (not only its page answering). */
const judged = (r: OnlineResult): boolean => r.repository?.public !== undefined
const pushed = (r: OnlineResult): string => (r.repository?.pushedAt ?? '').slice(0, 10)

const rangeFr: Record<string, string> = {
  loopback: 'la machine locale',
  private: 'un réseau privé',
  shared: 'un réseau partagé d’opérateur',
  'link-local': 'un réseau local de lien',
  'unique-local': 'un réseau local IPv6',
  'ipv4-mapped': 'une adresse IPv4 déguisée en IPv6',
}
const rangeEn: Record<string, string> = {
  loopback: 'the local machine',
  private: 'a private network',
  shared: 'a carrier-grade NAT network',
  'link-local': 'a link-local network',
  'unique-local': 'a unique-local IPv6 network',
  'ipv4-mapped': 'an IPv4 address in IPv6 form',
}

const WORDS: Record<OnlineOutcome, Record<OnlineLang, Words>> = {
  ok: {
    fr: (r) =>
      r.kind === 'url'
        ? `L’adresse répond${status(r)}.`
        : judged(r)
          ? 'Le dépôt est public, sous licence et actif.'
          : 'La page du dépôt répond.',
    en: (r) =>
      r.kind === 'url'
        ? `The address answers${status(r)}.`
        : judged(r)
          ? 'The repository is public, licensed and active.'
          : 'The repository page answers.',
  },
  dead: {
    fr: (r) => `L’adresse ne répond pas correctement${status(r)} : lien mort ou erreur du serveur.`,
    en: (r) => `The address does not answer properly${status(r)}: a dead link or a server error.`,
  },
  timeout: {
    fr: () => 'L’adresse n’a pas répondu dans le temps imparti, même au second essai.',
    en: () => 'The address did not answer in time, even on the second try.',
  },
  unreachable: {
    fr: (r) => `Le serveur est injoignable${detail(r)} : nom de domaine inconnu, connexion refusée ou certificat invalide.`,
    en: (r) => `The server cannot be reached${detail(r)}: unknown domain name, connection refused or invalid certificate.`,
  },
  'refused-address': {
    fr: (r) => `L’adresse mène à ${rangeFr[r.detail ?? ''] ?? 'une adresse non publique'} : elle n’est pas consultée.`,
    en: (r) => `The address leads to ${rangeEn[r.detail ?? ''] ?? 'a non-public address'}: it is not fetched.`,
  },
  'refused-scheme': {
    fr: () => 'Seules les adresses http(s) sans identifiant ni mot de passe sont consultées.',
    en: () => 'Only http(s) addresses without user name or password are fetched.',
  },
  'too-many-redirects': {
    fr: (r) => (r.detail === 'loop' ? 'L’adresse redirige en boucle.' : 'L’adresse redirige trop de fois.'),
    en: (r) => (r.detail === 'loop' ? 'The address redirects in a loop.' : 'The address redirects too many times.'),
  },
  'rate-limited': {
    fr: (r) => `La forge a limité le nombre de requêtes${r.detail ? ` jusqu’à ${r.detail}` : ''} : le dépôt n’a pas été vérifié.`,
    en: (r) => `The forge rate-limited the requests${r.detail ? ` until ${r.detail}` : ''}: the repository was not checked.`,
  },
  'repo-not-found': {
    fr: () => 'Le dépôt est introuvable : il n’existe pas ou n’est pas public.',
    en: () => 'The repository cannot be found: it does not exist or is not public.',
  },
  'repo-private': {
    fr: () => 'Le dépôt est privé : le code doit être publié.',
    en: () => 'The repository is private: the code must be published.',
  },
  'repo-no-licence': {
    fr: () => 'Le dépôt n’a pas de licence reconnue : ajoutez un fichier LICENSE.',
    en: () => 'The repository has no recognised licence: add a LICENSE file.',
  },
  'repo-inactive': {
    fr: (r) => (pushed(r) ? `Le dépôt n’a pas été modifié depuis le ${pushed(r)}.` : 'Le dépôt est vide.'),
    en: (r) => (pushed(r) ? `The repository has not been changed since ${pushed(r)}.` : 'The repository is empty.'),
  },
  'repo-archived': {
    fr: () => 'Le dépôt est archivé.',
    en: () => 'The repository is archived.',
  },
}

/** One sentence saying what an online result means. */
export function describeOnlineResult(result: OnlineResult, lang: OnlineLang = 'fr'): string {
  return WORDS[result.outcome][lang](result)
}

function cacheProblem(problem: CacheProblem, lang: OnlineLang): string {
  switch (problem.reason) {
    case 'json':
      return lang === 'fr' ? 'ce n’est pas du JSON valide' : 'it is not valid JSON'
    case 'shape':
      return lang === 'fr' ? 'sa structure est inattendue' : 'its structure is unexpected'
    case 'version':
      return lang === 'fr' ? 'sa version est inconnue' : 'its version is unknown'
    case 'too-large':
      return lang === 'fr' ? `il est trop gros (${problem.bytes} octets)` : `it is too large (${problem.bytes} bytes)`
    case 'io':
      return lang === 'fr' ? `il est illisible (${problem.code})` : `it cannot be read (${problem.code})`
  }
}

/** One sentence for a warning of the checker. */
export function describeOnlineWarning(warning: OnlineWarning, lang: OnlineLang = 'fr'): string {
  const fr = lang === 'fr'
  switch (warning.id) {
    case 'cache-ignored':
      return fr
        ? `Cache des vérifications en ligne ignoré (${warning.file}) : ${cacheProblem(warning.problem, lang)}. Tout est revérifié.`
        : `Online check cache ignored (${warning.file}): ${cacheProblem(warning.problem, lang)}. Everything is checked again.`
    case 'cache-entries-dropped':
      return fr
        ? `${warning.count} entrée(s) invalide(s) du cache ${warning.file} ignorée(s).`
        : `${warning.count} invalid entr${warning.count === 1 ? 'y' : 'ies'} of the cache ${warning.file} ignored.`
    case 'cache-unwritable':
      return fr
        ? `Le cache ${warning.file} n’a pas pu être écrit (${warning.code}).`
        : `The cache ${warning.file} could not be written (${warning.code}).`
    case 'github-rate-limited': {
      const when = warning.resetAt ? (fr ? ` jusqu’à ${warning.resetAt}` : ` until ${warning.resetAt}`) : ''
      const hint = warning.authenticated
        ? ''
        : fr
          ? ' Définissez la variable GITHUB_TOKEN pour une limite plus haute.'
          : ' Set the GITHUB_TOKEN variable for a higher limit.'
      return fr
        ? `GitHub limite le nombre de requêtes${when} : les dépôts restants ne sont pas vérifiés.${hint}`
        : `GitHub is rate-limiting requests${when}: the remaining repositories are not checked.${hint}`
    }
  }
}
