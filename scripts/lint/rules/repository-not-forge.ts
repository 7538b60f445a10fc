import type { ParsedRecord } from '../../load/parse-record.ts'
import type { RuleContext } from '../define-rule.ts'
import { defineRule } from '../define-rule.ts'
import { hostOf, parseUrl, q, qe, S, T, w } from '../kit.ts'

/** Forges where a repository URL is https://host/owner/name (GitLab may nest groups). */
const FORGE_HOST = /^(github\.com|gitlab\.com|framagit\.org|codeberg\.org|bitbucket\.org|git\.sr\.ht|gitlab\.[a-z0-9.-]+|forge\.[a-z0-9.-]+|git\.[a-z0-9.-]+|[a-z0-9.-]*gitlab[a-z0-9.-]*|code\.[a-z0-9.-]+)$/

/** Forges whose first path segment names an owner and the second a repository, nothing nested. */
const FLAT = new Set(['github.com', 'codeberg.org', 'bitbucket.org'])

/** Whether a URL names one repository on a known public forge (not a user, an organisation or a file). */
export function isForgeRepository(url: string): boolean {
  const u = parseUrl(url)
  if (!u) return false
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false
  if (!FORGE_HOST.test(u.hostname.toLowerCase())) return false
  const parts = u.pathname.split('/').filter(Boolean)
  if (parts.length < 2 || /[\s;,"']/.test(url.trim()) || u.search !== '' || u.hash !== '') return false
  if (FLAT.has(u.hostname)) {
    // owner/name, optionally /tree/<branch>/… (a folder of a monorepo)
    return parts.length === 2 || (parts[2] === 'tree' && parts.length >= 4)
  }
  return true
}

/** What is malformed in a value meant to be one address, or undefined when it is one address. */
export function malformation(value: string): { problem: 'several' | 'separator' | 'space' | 'quote' | 'notUrl'; fixed?: string } | undefined {
  const v = value.trim()
  const urls = v.match(/https?:\/\/[^\s;,"'<>]+/gi) ?? []
  const fixed = urls[0]?.replace(/[.)\]]+$/, '')
  if (urls.length === 0) return { problem: 'notUrl' }
  if (urls.length > 1) return { problem: 'several', fixed }
  if (/["'<>]/.test(v)) return { problem: 'quote', fixed }
  if (/[;,]/.test(v)) return { problem: 'separator', fixed }
  if (/\s/.test(v)) return { problem: 'space', fixed }
  return undefined
}

const PROBLEM_FR: Record<string, string> = { several: 'plusieurs adresses', separator: 'un « ; » ou une « , » en trop', space: 'des espaces', quote: 'des guillemets', notUrl: 'aucune adresse web (https://…)' }
const PROBLEM_EN: Record<string, string> = { several: 'several addresses', separator: 'a stray ";" or ","', space: 'spaces', quote: 'quotation marks', notUrl: 'no web address (https://…)' }

/** `host/owner` of a forge address (lower case), with the path segments after the owner; undefined when not on a forge. */
function ownerOf(url: string): { owner: string; host: string; rest: string[]; team: boolean } | undefined {
  const u = parseUrl(url)
  if (!u) return undefined
  const host = hostOf(u)
  if (!FORGE_HOST.test(host)) return undefined
  let parts = u.pathname.split('/').filter(Boolean)
  // https://github.com/orgs/<owner>[/teams/<team>/…]: an organisation's page, or one of its teams'.
  const orgs = host === 'github.com' && parts[0] === 'orgs'
  if (orgs) parts = parts.slice(1)
  if (parts.length === 0) return undefined
  return { owner: `${host}/${parts[0]!.toLowerCase()}`, host, rest: parts.slice(1), team: orgs && parts[1] === 'teams' }
}

const squash = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '')

/** Whether an organisation bears the product's name (github.com/suitenumerique for suite-numerique): an umbrella product's own. */
function namedAfter(owner: string, id: string, title: unknown): boolean {
  const name = squash(owner.slice(owner.indexOf('/') + 1))
  return name !== '' && (name === squash(id) || (typeof title === 'string' && name === squash(title)))
}

/** For each forge owner, the startups whose repository is in it (the fiche's own included). */
function ownersIndex(records: readonly ParsedRecord[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>()
  for (const r of records) {
    if (r.collection !== 'startups' || typeof r.data.repository !== 'string') continue
    const o = ownerOf(r.data.repository)
    if (!o) continue
    let ids = index.get(o.owner)
    if (!ids) index.set(o.owner, (ids = new Set()))
    ids.add(r.id)
  }
  return index
}

type Verdict =
  | { kind: 'repository' }
  | { kind: 'organisation'; owner: string }
  | { kind: 'report'; messageId: string; data: Record<string, unknown> }

function classify(ctx: RuleContext<any>, value: string): Verdict {
  const bad = malformation(value)
  if (bad) return { kind: 'report', messageId: 'malformed', data: { value, problem: bad.problem, ...(bad.fixed ? { fixed: bad.fixed } : {}) } }
  if (isForgeRepository(value)) return { kind: 'repository' }
  const o = ownerOf(value)
  if (!o) return { kind: 'report', messageId: 'notForge', data: { value, host: parseUrl(value)?.hostname ?? '' } }
  if (o.team) return { kind: 'report', messageId: 'teamPage', data: { value } }
  if (o.rest.length > 0) return { kind: 'report', messageId: 'notRepository', data: { value } }
  const users = ctx.shared('repository-owners', () => ownersIndex(ctx.records)).get(o.owner)
  const others = users ? users.size - (users.has(ctx.record.id) ? 1 : 0) : 0
  if (others >= 2 && !namedAfter(o.owner, ctx.record.id, ctx.record.data.title)) return { kind: 'report', messageId: 'sharedOrganisation', data: { value, owner: o.owner, others } }
  return { kind: 'organisation', owner: o.owner }
}

export default defineRule({
  id: 'repository-not-forge',
  description: "L’adresse du code source n’est ni un dépôt sur une forge publique ni l’organisation propre au produit, ou elle est mal formée.",
  standards: ['l-open-source-et-les-communs-numeriques-sont-privilegies'],
  category: 'qualité-logicielle',
  applies: 'active',
  // ownersIndex: which startups have their repository in each forge organisation.
  registryFields: ['repository'],
  messages: {
    malformed: T(
      w((d) => `L’adresse du code source ${q(d.value)} est mal formée : elle contient ${PROBLEM_FR[String(d.problem)]}.`, (d) => (d.fixed ? `Gardez une seule adresse : « repository: ${d.fixed} » (pour un produit fait de plusieurs dépôts, l’adresse de son organisation).` : 'Écrivez une seule adresse, de la forme « repository: https://github.com/<organisation>/<dépôt> ».')),
      w((d) => `The source code address ${qe(d.value)} is malformed: it contains ${PROBLEM_EN[String(d.problem)]}.`, (d) => (d.fixed ? `Keep one address: "repository: ${d.fixed}" (for a product made of several repositories, its organisation’s address).` : 'Write one address, such as "repository: https://github.com/<organisation>/<repository>".')),
    ),
    notForge: T(
      w((d) => `${q(d.value)} est une page de ${d.host || 'ce site'}, pas un dépôt sur une forge de code (GitHub, GitLab, Framagit…).`, () => 'Donnez l’adresse du dépôt : « repository: https://github.com/<organisation>/<dépôt> » (ou GitLab, Framagit, Codeberg…).'),
      w((d) => `${qe(d.value)} is a page of ${d.host || 'this site'}, not a repository on a code forge (GitHub, GitLab, Framagit…).`, () => 'Give the repository’s address: "repository: https://github.com/<organisation>/<repository>" (or GitLab, Framagit, Codeberg…).'),
    ),
    teamPage: T(
      w((d) => `${q(d.value)} est la page d’une équipe GitHub, que seuls les membres de l’organisation voient.`, () => 'Donnez l’adresse publique du dépôt : « repository: https://github.com/<organisation>/<dépôt> ».'),
      w((d) => `${qe(d.value)} is a GitHub team’s page, which only the organisation’s members can see.`, () => 'Give the repository’s public address: "repository: https://github.com/<organisation>/<repository>".'),
    ),
    notRepository: T(
      w((d) => `${q(d.value)} mène à une page d’un dépôt (un fichier, un ticket…), pas au dépôt lui-même.`, () => 'Donnez l’adresse du dépôt lui-même : « repository: https://github.com/<organisation>/<dépôt> » (un dossier d’un dépôt GitHub : …/tree/<branche>/<dossier>).'),
      w((d) => `${qe(d.value)} leads to a page inside a repository (a file, an issue…), not to the repository itself.`, () => 'Give the repository’s own address: "repository: https://github.com/<organisation>/<repository>" (a folder of a GitHub repository: …/tree/<branch>/<folder>).'),
    ),
    sharedOrganisation: T(
      w((d) => `${q(d.value)} est une organisation commune à ${d.others} autres fiches : elle ne montre pas le code de ce produit.`, (d) => `Donnez le dépôt du produit dans cette organisation : « repository: https://${d.owner}/<dépôt> ».`),
      w((d) => `${qe(d.value)} is an organisation shared with ${d.others} other fiches: it does not show this product’s code.`, (d) => `Give the product’s repository in this organisation: "repository: https://${d.owner}/<repository>".`),
    ),
  },
  seenWords: {
    repository: S((d) => `La fiche donne le dépôt ${q(d.value)}.`, (d) => `The fiche gives the repository ${qe(d.value)}.`),
    organisation: S((d) => `La fiche donne l’organisation ${q(d.value)}, propre au produit : acceptée pour un produit fait de plusieurs dépôts.`, (d) => `The fiche gives the organisation ${qe(d.value)}, the product’s own: accepted for a product made of several repositories.`),
  },
  docs: `\`repository\` doit mener au code du produit : l’adresse d'**un dépôt** sur une forge publique (GitHub,
GitLab et ses instances, Framagit, Codeberg, Bitbucket, sourcehut, forges \`forge.*\` / \`git.*\` des
administrations) ; sur GitHub, un dossier d’un dépôt (\`/owner/name/tree/main/dossier\`) est accepté.

Un produit fait de plusieurs dépôts peut donner **l’organisation** (ou le groupe GitLab) qui les réunit,
quand elle est la sienne (\`https://github.com/tchapgouv\`) : c’est accepté. Une organisation commune à
d’autres produits (les dépôts d’au moins deux autres fiches y sont, comme \`https://github.com/betagouv\`)
ne montre pas le code du produit : c’est signalé, sauf si elle porte le nom du produit (La Suite
numérique et \`https://github.com/suitenumerique\`, qui réunit les dépôts de ses produits)
([depots-2](../standards.md#depots-2)).

Sont aussi signalés, chacun avec son message ([depots-3](../standards.md#depots-3)) : une adresse qui
n’est pas sur une forge (un pad, une documentation), la page d’une équipe GitHub (visible des seuls
membres), une page à l’intérieur d’un dépôt (un fichier), et une valeur mal formée (plusieurs adresses,
un « ; » en trop, des espaces), avec ce qui est mal formé et l’adresse à garder.

**Corriger** : \`repository: https://github.com/betagouv/exemple\`.`,
  when: (data) => typeof data.repository === 'string' && data.repository.trim() !== '',
  check(ctx) {
    const v = ctx.record.data.repository
    if (typeof v !== 'string' || v.trim() === '') return
    const verdict = classify(ctx, v)
    if (verdict.kind === 'report') ctx.report({ messageId: verdict.messageId, path: '/repository', data: verdict.data })
  },
  seen(ctx) {
    const v = ctx.record.data.repository as string
    return { messageId: classify(ctx, v).kind === 'organisation' ? 'organisation' : 'repository', data: { value: v } }
  },
})
