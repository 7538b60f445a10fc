/**
 * The checker's warnings (cache trouble, GitHub rate limit) in French (the
 * default) and English, for the command to print. The outcomes themselves are
 * put in words by the lint rules (`scripts/lint/online-words.ts`). Pure.
 */
import type { CacheProblem } from './cache.ts'
import type { OnlineWarning } from './check.ts'

export type OnlineLang = 'fr' | 'en'

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

/**
 * One sentence for a warning of the checker. `command`: what the user runs again once
 * connected (`registry lint --online`, or the scheduled `registry evidence`).
 */
export function describeOnlineWarning(warning: OnlineWarning, lang: OnlineLang = 'fr', command: 'lint' | 'evidence' = 'lint'): string {
  const fr = lang === 'fr'
  switch (warning.id) {
    case 'cache-ignored':
      return fr
        ? `Cache des vérifications en ligne ignoré (${warning.file}) : ${cacheProblem(warning.problem, lang)}. Tout est revérifié.`
        : `Online check cache ignored (${warning.file}): ${cacheProblem(warning.problem, lang)}. Everything is checked again.`
    case 'cache-entries-dropped':
      return fr
        ? warning.count === 1
          ? `1 entrée invalide du cache ${warning.file} ignorée.`
          : `${warning.count} entrées invalides du cache ${warning.file} ignorées.`
        : `${warning.count} invalid entr${warning.count === 1 ? 'y' : 'ies'} of the cache ${warning.file} ignored.`
    case 'cache-unwritable':
      return fr
        ? `Le cache ${warning.file} n’a pas pu être écrit (${warning.code}).`
        : `The cache ${warning.file} could not be written (${warning.code}).`
    case 'no-network': {
      const why = fr ? `${warning.code === 'ECONNREFUSED' ? 'connexion refusée' : 'adresse introuvable'}, ${warning.code}` : `${warning.code === 'ECONNREFUSED' ? 'connection refused' : 'address not found'}, ${warning.code}`
      // One host: GitHub's API, the only server a registry citing only repositories contacts.
      const none = fr
        ? warning.hosts === 1
          ? `l’API de GitHub, seul serveur contacté, n’a pas répondu (${why})`
          : `aucun des ${warning.hosts} serveurs contactés n’a répondu (${why})`
        : warning.hosts === 1
          ? `GitHub's API, the only server contacted, did not answer (${why})`
          : `none of the ${warning.hosts} servers contacted answered (${why})`
      if (command === 'evidence') {
        return fr
          ? `Pas de réseau : ${none}. Aucune preuve n’a été écrite (les preuves précédentes restent telles quelles) : relancez « registry evidence » une fois connecté.`
          : `No network: ${none}. No evidence was written (the previous evidence stays as it is): run "registry evidence" again once connected.`
      }
      return fr
        ? `Pas de réseau : ${none}. Les vérifications en ligne n’ont pas été faites : relancez « registry lint --online » une fois connecté, ou lancez « registry lint » sans --online.`
        : `No network: ${none}. The online checks were not done: run "registry lint --online" again once connected, or run "registry lint" without --online.`
    }
    case 'github-rate-limited': {
      const when = warning.resetAt ? (fr ? ` jusqu’à ${warning.resetAt}` : ` until ${warning.resetAt}`) : ''
      if (warning.reserve !== undefined) {
        return fr
          ? `Il ne reste que ${warning.reserve} requêtes à GitHub ou moins${when} : elles sont laissées aux autres workflows du dépôt, les dépôts restants ne sont pas vérifiés (ils le seront à la prochaine exécution).`
          : `Only ${warning.reserve} GitHub requests or fewer are left${when}: they are left to the repository's other workflows, and the remaining repositories are not checked (the next run will check them).`
      }
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
