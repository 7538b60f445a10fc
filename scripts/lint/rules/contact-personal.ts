import { defineRule } from '../define-rule.ts'
import { q, qe, T, w } from '../kit.ts'

/** Free mail services: an address there belongs to a person, not to a team or an administration. */
const WEBMAIL = new Set(['gmail.com', 'googlemail.com', 'yahoo.fr', 'yahoo.com', 'hotmail.fr', 'hotmail.com', 'outlook.fr', 'outlook.com', 'live.fr', 'live.com', 'msn.com', 'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'neuf.fr', 'icloud.com', 'me.com', 'protonmail.com', 'proton.me', 'gmx.fr', 'gmx.com', 'aol.com', 'yandex.com', 'mailo.com'])

/** A personal address: on a webmail, or `first.last@` (two words of letters joined by a dot). */
export function personalReason(address: string): 'webmail' | 'person' | undefined {
  const at = address.lastIndexOf('@')
  if (at <= 0) return undefined
  const local = address.slice(0, at).toLowerCase()
  const domain = address.slice(at + 1).toLowerCase().trim()
  if (WEBMAIL.has(domain)) return 'webmail'
  if (/^[a-zà-ÿ]+(?:-[a-zà-ÿ]+)?\.[a-zà-ÿ]+(?:-[a-zà-ÿ]+)?$/.test(local) && !local.split(/[.-]/).some((w) => TEAM_WORDS.has(w))) return 'person'
  return undefined
}

/** Words that name a team, a service or a function rather than a person (checked against each word of the local part). */
const TEAM_WORDS = new Set(['contact', 'equipe', 'team', 'support', 'bonjour', 'hello', 'info', 'infos', 'admin', 'dev', 'tech', 'produit', 'service', 'services', 'mission', 'projet', 'startup', 'beta', 'incubateur', 'direction', 'secretariat', 'communication', 'pole', 'bureau', 'cellule', 'dpo', 'rgpd', 'accessibilite', 'securite', 'assistance', 'aide', 'aides', 'nepasrepondre', 'noreply', 'no', 'reply', 'atelier', 'ateliernumerique', 'numerique', 'fabrique', 'dnum', 'snum', 'sonum', 'dsi', 'api', 'carte', 'cartographie', 'data', 'donnees', 'gouv', 'simplifiees', 'archeo', 'lab', 'labo', 'innovation', 'digital', 'plateforme', 'outil', 'app', 'appli', 'site', 'portail', 'france', 'ministere', 'agence', 'reseau'])

export default defineRule({
  id: 'contact-personal',
  description: 'L’adresse de contact semble personnelle (prenom.nom@, messagerie grand public) plutôt que celle d’une équipe.',
  standards: ['le-produit-a-une-fiche-a-jour-sur-le-site-beta-gouv-fr'],
  category: 'transparence',
  collections: ['startups', 'incubators'],
  applies: 'active',
  messages: {
    webmail: T(
      w((d) => `L'adresse de contact ${q(d.value)} est sur une messagerie grand public.`, () => 'Utilisez une adresse d’équipe sur un domaine de l’administration ou du produit, par exemple contact@exemple.beta.gouv.fr.'),
      w((d) => `The contact address ${qe(d.value)} is on a consumer webmail.`, () => 'Use a team address on the administration’s or the product’s domain, for example contact@example.beta.gouv.fr.'),
    ),
    person: T(
      w((d) => `L'adresse de contact ${q(d.value)} semble être celle d'une personne (prenom.nom@).`, () => 'Utilisez une adresse d’équipe qui survit aux départs, par exemple contact@exemple.beta.gouv.fr ou une liste de diffusion.'),
      w((d) => `The contact address ${qe(d.value)} looks like a person's (first.last@).`, () => 'Use a team address that outlives departures, for example contact@example.beta.gouv.fr or a mailing list.'),
    ),
  },
  docs: `Les équipes changent : une adresse \`prenom.nom@\` ou une messagerie grand public (gmail, orange…)
cesse de répondre quand la personne part, et expose une personne plutôt qu'un service. Le standard de
fiche à jour attend une adresse de contact qui joint l'équipe.

La règle signale une adresse sur une messagerie grand public, ou dont la partie avant \`@\` est de la forme
\`prenom.nom\` (deux mots de lettres séparés par un point), sauf si un des mots désigne une fonction
(\`contact\`, \`equipe\`, \`support\`…).

**Corriger** : une adresse d'équipe (\`contact@produit.beta.gouv.fr\`, \`equipe-produit@ministere.gouv.fr\`)
ou une liste de diffusion.`,
  when: (data) => typeof data.contact === 'string',
  check(ctx) {
    const v = ctx.record.data.contact
    if (typeof v !== 'string') return
    const reason = personalReason(v.trim())
    if (reason) ctx.report({ messageId: reason, path: '/contact', data: { value: v } })
  },
})
