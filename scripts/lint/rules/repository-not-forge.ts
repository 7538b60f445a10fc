import { defineRule } from '../define-rule.ts'
import { q, qe, T, w } from '../kit.ts'

/** Forges where a repository URL is https://host/owner/name (GitLab may nest groups). */
const FORGE_HOST = /^(github\.com|gitlab\.com|framagit\.org|codeberg\.org|bitbucket\.org|git\.sr\.ht|gitlab\.[a-z0-9.-]+|forge\.[a-z0-9.-]+|git\.[a-z0-9.-]+|[a-z0-9.-]*gitlab[a-z0-9.-]*|code\.[a-z0-9.-]+)$/

/** Whether a URL names one repository on a known public forge (not a user, an organisation or a file). */
export function isForgeRepository(url: string): boolean {
  let u: URL
  try {
    u = new URL(url.trim())
  } catch {
    return false
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false
  if (!FORGE_HOST.test(u.hostname.toLowerCase())) return false
  const parts = u.pathname.split('/').filter(Boolean)
  if (parts.length < 2 || /[\s;,"']/.test(url.trim()) || u.search !== '' || u.hash !== '') return false
  if (u.hostname === 'github.com' || u.hostname === 'codeberg.org' || u.hostname === 'bitbucket.org') {
    // owner/name, optionally /tree/<branch>/… (a folder of a monorepo)
    return parts.length === 2 || (parts[2] === 'tree' && parts.length >= 4)
  }
  return true
}

export default defineRule({
  id: 'repository-not-forge',
  description: "L'adresse du code source n'est pas celle d'un dépôt sur une forge publique.",
  standards: ['l-open-source-et-les-communs-numeriques-sont-privilegies'],
  category: 'qualité-logicielle',
  applies: 'always',
  messages: {
    notRepository: T(
      w((d) => `${q(d.value)} n'est pas l'adresse d'un dépôt sur une forge publique.`, () => 'Donnez l’adresse d’un dépôt, de la forme https://github.com/<organisation>/<dépôt> (ou GitLab, Framagit, Codeberg…), pas celle d’une organisation ni d’un fichier.'),
      w((d) => `${qe(d.value)} is not the address of a repository on a public forge.`, () => 'Give the address of one repository, such as https://github.com/<organisation>/<repository> (or GitLab, Framagit, Codeberg…), not an organisation or a file.'),
    ),
  },
  docs: `\`repository\` doit mener au code du produit : l'adresse d'**un dépôt** sur une forge publique (GitHub,
GitLab et ses instances, Framagit, Codeberg, Bitbucket, sourcehut, forges \`forge.*\` / \`git.*\` des
administrations). Une organisation (\`https://github.com/betagouv\`), un fichier ou une page web ne
permettent pas de vérifier l'ouverture du code. Sur GitHub, un dossier d'un dépôt
(\`/owner/name/tree/main/dossier\`) est accepté.

**Corriger** : \`repository: https://github.com/betagouv/exemple\`.`,
  when: (data) => typeof data.repository === 'string' && data.repository.trim() !== '',
  check(ctx) {
    const v = ctx.record.data.repository
    if (typeof v !== 'string' || v.trim() === '') return
    if (!isForgeRepository(v)) ctx.report({ messageId: 'notRepository', path: '/repository', data: { value: v } })
  },
})
