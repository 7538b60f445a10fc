/**
 * The evidence in words a product team understands (pure): for each page or
 * repository, what was found and since when ("Injoignable depuis le 2
 * décembre 2026", "Dépôt archivé"), and what to do about it. French first,
 * English with `--lang en`. The site, the job summary and the notifications
 * all say it with these words.
 */
import type { OnlineOutcome } from '../lint/online/types.ts'
import { stateOf, type EvidenceTarget } from './types.ts'

export type Lang = 'fr' | 'en'

/** How a target reads at a glance. */
export type EvidenceTone = 'holds' | 'fails' | 'flapping' | 'unknown'

export interface EvidenceWords {
  tone: EvidenceTone
  /** Short: « En ligne », « Injoignable », « Dépôt archivé », « Instable ». */
  label: string
  /** One or two sentences: what was found, since when, and when it was last checked. */
  found: string
  /** What to do, when there is something to do. */
  advice?: string
}

/** The months in French, in order (the site's dates and its list's filter use them too). */
export const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** '2026-12-01T05:17:00.000Z' → '1er décembre 2026' or '1 December 2026' (the UTC day: runs are made in the morning). */
export function evidenceDay(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return iso
  const day = Number(m[3])
  return lang === 'fr' ? `${day}${day === 1 ? 'er' : ''} ${MONTHS_FR[Number(m[2]) - 1]} ${m[1]}` : `${day} ${MONTHS_EN[Number(m[2]) - 1]} ${m[1]}`
}

interface Said {
  label: [string, string]
  /** What is wrong, to follow « : » (fr) / ": " (en). */
  why: [string, string]
  advice: [string, string]
}

const PASSING_TROUBLE: [string, string] = [
  'Vérifiez que le service fonctionne et que l’adresse de la fiche est la bonne. Si la panne est passagère, il n’y a rien à faire : la prochaine vérification le dira.',
  'Check that the service works and that the fiche’s address is right. If the outage is temporary, there is nothing to do: the next check will tell.',
]

const FLAPPING_ADVICE: [string, string] = [
  'Vérifiez la disponibilité de l’hébergement : une page qui tombe par intermittence ne prouve rien.',
  'Check the hosting’s availability: a page that comes and goes proves nothing.',
]

function networkWhy(detail: string | undefined): Said {
  if (detail === 'ENOTFOUND') {
    return {
      label: ['Injoignable', 'Unreachable'],
      why: ['le nom de domaine n’existe pas (ENOTFOUND)', 'the domain name does not exist (ENOTFOUND)'],
      advice: ['Corrigez l’adresse dans la fiche, ou retirez-la si le service n’existe plus.', 'Correct the address in the fiche, or remove it if the service no longer exists.'],
    }
  }
  if (detail !== undefined && /^(CERT_|ERR_TLS|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_SSL)/.test(detail)) {
    return {
      label: ['Certificat invalide', 'Invalid certificate'],
      why: [`le certificat HTTPS du site n’est pas valide (${detail})`, `the site’s HTTPS certificate is not valid (${detail})`],
      advice: ['Renouvelez ou corrigez le certificat HTTPS du site.', 'Renew or fix the site’s HTTPS certificate.'],
    }
  }
  const code = detail ? ` (${detail})` : ''
  return {
    label: ['Injoignable', 'Unreachable'],
    why: [`le serveur refuse ou coupe la connexion${code}`, `the server refuses or drops the connection${code}`],
    advice: PASSING_TROUBLE,
  }
}

function said(t: Pick<EvidenceTarget, 'kind' | 'result' | 'status' | 'detail' | 'repository'>): Said {
  const repo = t.kind === 'repository'
  const status = t.status
  switch (t.result as Exclude<OnlineOutcome, 'ok' | 'rate-limited'>) {
    case 'dead':
      if (status === 404 || status === 410) {
        return {
          label: ['Page introuvable', 'Page not found'],
          why: [`le serveur répond « page introuvable » (erreur ${status})`, `the server answers "not found" (error ${status})`],
          advice: ['Si la page a déménagé, écrivez sa nouvelle adresse dans la fiche ; si elle n’existe plus, retirez ce champ.', 'If the page moved, write its new address in the fiche; if it no longer exists, remove the field.'],
        }
      }
      return {
        label: ['En erreur', 'Error'],
        why:
          status === undefined
            ? ['le serveur refuse la page', 'the server refuses the page']
            : status >= 500
              ? [`le serveur répond par une erreur ${status}`, `the server answers with error ${status}`]
              : [`le serveur refuse la page (erreur ${status})`, `the server refuses the page (error ${status})`],
        advice: PASSING_TROUBLE,
      }
    case 'timeout':
      return { label: ['Ne répond pas', 'No answer'], why: ['pas de réponse dans le délai, deux fois de suite', 'no answer in time, twice in a row'], advice: PASSING_TROUBLE }
    case 'unreachable':
      return networkWhy(t.detail)
    case 'refused-address':
      return {
        label: ['Adresse refusée', 'Address refused'],
        why: ['l’adresse mène à un réseau privé ou local, elle n’est pas vérifiée', 'the address leads to a private or local network, it is not checked'],
        advice: ['Donnez une adresse publique, accessible depuis Internet.', 'Give a public address, reachable from the Internet.'],
      }
    case 'refused-scheme':
      return {
        label: ['Adresse invalide', 'Invalid address'],
        why: ['ce n’est pas une adresse web complète (https://…), ou elle contient un identifiant', 'it is not a full web address (https://…), or it holds credentials'],
        advice: ['Écrivez l’adresse complète, qui commence par https://.', 'Write the full address, starting with https://.'],
      }
    case 'too-many-redirects':
      return {
        label: ['Trop de redirections', 'Too many redirects'],
        why: [t.detail === 'loop' ? 'l’adresse redirige en boucle' : 'l’adresse redirige plus de dix fois', t.detail === 'loop' ? 'the address redirects in a loop' : 'the address redirects more than ten times'],
        advice: ['Ouvrez l’adresse dans un navigateur et écrivez dans la fiche celle où elle aboutit.', 'Open the address in a browser and write in the fiche the one it ends at.'],
      }
    case 'repo-not-found':
      return {
        label: ['Dépôt introuvable', 'Repository not found'],
        why: ['la forge ne le trouve pas : supprimé, renommé ou privé', 'the forge cannot find it: deleted, renamed or private'],
        advice: ['Corrigez l’adresse du dépôt dans la fiche, ou rendez le dépôt public.', 'Correct the repository’s address in the fiche, or make the repository public.'],
      }
    case 'repo-private':
      return {
        label: ['Dépôt privé', 'Private repository'],
        why: ['le dépôt existe mais n’est pas public', 'the repository exists but is not public'],
        advice: ['Rendez le dépôt public (le code des services publics est ouvert par défaut), ou retirez son adresse.', 'Make the repository public (public services’ code is open by default), or remove its address.'],
      }
    case 'repo-archived':
      return {
        label: ['Dépôt archivé', 'Archived repository'],
        why: ['la forge le marque comme archivé, il n’évolue plus', 'the forge marks it as archived, it no longer changes'],
        advice: ['Si le code a déménagé, donnez l’adresse du nouveau dépôt ; si le produit n’est plus développé, il n’y a rien à faire.', 'If the code moved, give the new repository’s address; if the product is no longer developed, there is nothing to do.'],
      }
    case 'repo-no-licence':
      return {
        label: ['Sans licence', 'No licence'],
        why: ['la forge ne trouve pas de licence dans le dépôt', 'the forge finds no licence in the repository'],
        advice: ['Ajoutez un fichier LICENSE au dépôt (par exemple MIT, AGPL-3.0 ou EUPL-1.2).', 'Add a LICENSE file to the repository (for example MIT, AGPL-3.0 or EUPL-1.2).'],
      }
    case 'repo-inactive': {
      const pushed = t.repository?.pushed_at
      return {
        label: ['Dépôt inactif', 'Inactive repository'],
        why: pushed ? [`aucun envoi de code depuis le ${evidenceDay(pushed, 'fr')}`, `no code pushed since ${evidenceDay(pushed, 'en')}`] : ['le dépôt est vide', 'the repository is empty'],
        advice: ['Si le développement continue dans un autre dépôt, donnez son adresse.', 'If development goes on in another repository, give its address.'],
      }
    }
    default:
      return { label: [repo ? 'Dépôt en échec' : 'En échec', repo ? 'Repository failing' : 'Failing'], why: [String(t.result), String(t.result)], advice: PASSING_TROUBLE }
  }
}

/** The last time the target failed before now, for a flapping target that holds today. */
function lastFailure(t: EvidenceTarget): string | undefined {
  for (let i = t.history.length - 1; i >= 0; i--) if (stateOf(t.history[i]!.result) === 'fails') return t.history[i]!.at
  return undefined
}

function holdsWords(t: EvidenceTarget, lang: Lang): string {
  const fr = lang === 'fr'
  const when = evidenceDay(t.checked_at, lang)
  if (t.kind === 'url') return fr ? `La page répond : vérifié le ${when}.` : `The page answers: checked on ${when}.`
  const r = t.repository
  if (!r || r.public === undefined) return fr ? `Le dépôt répond : vérifié le ${when}.` : `The repository answers: checked on ${when}.`
  const licence = r.licence && r.licence !== 'NOASSERTION' && r.licence !== 'unknown' ? (fr ? ` (${r.licence})` : ` (${r.licence})`) : ''
  return fr ? `Dépôt public, sous licence${licence}, actif : vérifié le ${when}.` : `Public repository, licensed${licence}, active: checked on ${when}.`
}

export function evidenceWords(t: EvidenceTarget, lang: Lang = 'fr'): EvidenceWords {
  const fr = lang === 'fr'
  const i = fr ? 0 : 1
  const checked = evidenceDay(t.checked_at, lang)
  if (t.state === 'unknown') {
    return {
      tone: 'unknown',
      label: fr ? 'Pas encore vérifié' : 'Not checked yet',
      found: fr ? `Pas encore vérifié : la forge a limité les requêtes le ${checked}. La prochaine vérification s’en chargera.` : `Not checked yet: the forge rate-limited requests on ${checked}. The next check will see to it.`,
    }
  }
  if (t.state === 'holds') {
    const found = holdsWords(t, lang)
    if (!t.flapping) return { tone: 'holds', label: fr ? (t.kind === 'url' ? 'En ligne' : 'Dépôt ouvert') : t.kind === 'url' ? 'Online' : 'Open repository', found }
    const failed = lastFailure(t)
    return {
      tone: 'flapping',
      label: fr ? 'Instable' : 'Unstable',
      found: fr
        ? `${found} Mais elle a été en échec par moments ces dernières semaines${failed ? ` (encore le ${evidenceDay(failed, lang)})` : ''}.`
        : `${found} But it has failed now and then in recent weeks${failed ? ` (again on ${evidenceDay(failed, lang)})` : ''}.`,
      advice: FLAPPING_ADVICE[i],
    }
  }
  const s = said(t)
  const since = evidenceDay(t.failing_since ?? t.checked_at, lang)
  const lastCheck = t.failing_since && t.failing_since !== t.checked_at ? (fr ? ` Dernière vérification le ${checked}.` : ` Last checked on ${checked}.`) : ''
  const what = fr ? `${s.label[0]} depuis le ${since} : ${s.why[0]}.${lastCheck}` : `${s.label[1]} since ${since}: ${s.why[1]}.${lastCheck}`
  if (t.flapping) {
    const held = t.last_success ? evidenceDay(t.last_success, lang) : undefined
    return {
      tone: 'flapping',
      label: fr ? 'Instable' : 'Unstable',
      found: fr ? `${what} Elle tombe par intermittence${held ? ` : elle répondait encore le ${held}` : ''}.` : `${what} It comes and goes${held ? `: it still answered on ${held}` : ''}.`,
      // "Wait for the next check" is no advice for a page that keeps coming and going.
      advice: s.advice === PASSING_TROUBLE ? FLAPPING_ADVICE[i] : s.advice[i],
    }
  }
  return { tone: 'fails', label: s.label[i]!, found: what, advice: s.advice[i] }
}

/** An outcome in a few words (the change list's "before"): « en ligne », « page introuvable (erreur 404) ». */
export function outcomeWords(t: Pick<EvidenceTarget, 'kind' | 'result' | 'status' | 'detail' | 'repository'>, lang: Lang = 'fr'): string {
  if (t.result === 'ok') return lang === 'fr' ? (t.kind === 'url' ? 'en ligne' : 'dépôt ouvert') : t.kind === 'url' ? 'online' : 'open repository'
  if (t.result === 'rate-limited') return lang === 'fr' ? 'non vérifié' : 'not checked'
  const s = said(t)
  return s.label[lang === 'fr' ? 0 : 1]!.toLowerCase()
}
