import { defineRule } from '../define-rule.ts'
import { q, qe, S, T, w } from '../kit.ts'

/** Free mail services: an address there belongs to a person, not to a team or an administration. */
const WEBMAIL = new Set(['gmail.com', 'googlemail.com', 'yahoo.fr', 'yahoo.com', 'hotmail.fr', 'hotmail.com', 'outlook.fr', 'outlook.com', 'live.fr', 'live.com', 'msn.com', 'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'neuf.fr', 'icloud.com', 'me.com', 'protonmail.com', 'proton.me', 'gmx.fr', 'gmx.com', 'aol.com', 'yandex.com', 'mailo.com'])

/**
 * A personal address: on a webmail, or a person's name: `prenom.nom@`, with compound names
 * (`marie-claire.dupont-durand@`), an initial (`j.dupont@`) and a contractor's suffix
 * (`prenom.nom.ext@`, `.externe`, `.prestataire`) — unless a word names a function or the product
 * ([contact-1], [contact-2]). `product` holds the product's own words (its id and title words).
 */
export function personalReason(address: string, product: ReadonlySet<string> = NO_WORDS): 'webmail' | 'person' | undefined {
  const at = address.lastIndexOf('@')
  if (at <= 0) return undefined
  const local = address.slice(0, at).toLowerCase()
  const domain = address.slice(at + 1).toLowerCase().trim()
  if (WEBMAIL.has(domain)) return 'webmail'
  const m = PERSON.exec(local)
  if (!m) return undefined
  const words = `${m[1]}-${m[2]}`.split('-')
  // A single letter is an initial (j.dupont); a one-letter last name is not a name.
  if (m[2]!.length < 2 || words.some((w) => TEAM_WORDS.has(fold(w)) || product.has(fold(w)))) return undefined
  return 'person'
}

const NO_WORDS: ReadonlySet<string> = new Set()
/** first(-first)*.last(-last)*, then perhaps a contractor's suffix; letters only (a digit or an underscore names a mailbox, not a person). */
const PERSON = /^([a-zà-ÿ]+(?:-[a-zà-ÿ]+)*)\.([a-zà-ÿ]+(?:-[a-zà-ÿ]+)*)(?:\.(?:ext|externe|prestataire|presta))?$/
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')

/** The words that name the product: its id's and its title's (folded, 3 letters or more). */
export function productWords(id: string, title: unknown): Set<string> {
  const words = new Set<string>()
  for (const text of [id, typeof title === 'string' ? title : '']) for (const w of fold(text.toLowerCase()).split(/[^a-z0-9]+/)) if (w.length >= 3) words.add(w)
  return words
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
      w((d) => `L’adresse de contact ${q(d.value)} est sur une messagerie grand public.`, () => 'Utilisez une adresse d’équipe sur un domaine de l’administration ou du produit, par exemple contact@exemple.beta.gouv.fr.'),
      w((d) => `The contact address ${qe(d.value)} is on a consumer webmail.`, () => 'Use a team address on the administration’s or the product’s domain, for example contact@example.beta.gouv.fr.'),
    ),
    person: T(
      w((d) => `L’adresse de contact ${q(d.value)} semble être celle d’une personne (prenom.nom@).`, () => 'Utilisez une adresse d’équipe qui survit aux départs, par exemple contact@exemple.beta.gouv.fr ou une liste de diffusion.'),
      w((d) => `The contact address ${qe(d.value)} looks like a person's (first.last@).`, () => 'Use a team address that outlives departures, for example contact@example.beta.gouv.fr or a mailing list.'),
    ),
  },
  docs: `Les équipes changent : une adresse \`prenom.nom@\` ou une messagerie grand public (gmail, orange…)
cesse de répondre quand la personne part, et expose une personne plutôt qu’un service. Le standard de
fiche à jour attend une adresse de contact qui joint l’équipe.

La règle signale une adresse sur une messagerie grand public, ou dont la partie avant \`@\` est de la forme
\`prenom.nom\` : deux noms de lettres séparés par un point, composés ou non
(\`marie-claire.dupont-durand\`), le premier réduit à une initiale ou non (\`j.dupont\`), suivis ou non
d’un suffixe de prestataire (\`prenom.nom.ext\`, \`.externe\`, \`.prestataire\`)
([contact-1](../standards.md#contact-1)) ; sauf si un des mots désigne une fonction (\`contact\`,
\`equipe\`, \`support\`…) ou le produit lui-même, son identifiant ou un mot de son titre
(\`jafer.sadjav-sg@\` pour JAFER, [contact-2](../standards.md#contact-2)).

**Corriger** : une adresse d’équipe (\`contact@produit.beta.gouv.fr\`, \`equipe-produit@ministere.gouv.fr\`)
ou une liste de diffusion.`,
  seenWords: {
    team: S((d) => `L’adresse de contact ${q(d.value)} est celle d’une équipe.`, (d) => `The contact address ${qe(d.value)} is a team’s.`),
  },
  when: (data) => typeof data.contact === 'string',
  check(ctx) {
    const v = ctx.record.data.contact
    if (typeof v !== 'string') return
    // The product's words are needed only for an address that looks like a person's (a few fiches).
    let reason = personalReason(v.trim())
    if (reason === 'person') reason = personalReason(v.trim(), productWords(ctx.record.id, ctx.record.data.title))
    if (reason) ctx.report({ messageId: reason, path: '/contact', data: { value: v } })
  },
  seen: (ctx) => ({ messageId: 'team', data: { value: ctx.record.data.contact } }),
})
