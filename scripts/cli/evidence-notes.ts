/** What `registry evidence` says on stderr besides the change list. */
import { evidenceDay, type EvidenceFile, type PublishResult, type SyncResult } from '../registry/evidence.ts'
import type { Lang } from '../report/diagnostic.ts'

const count = (n: number, one: string, many: string, lang: Lang) => `${n} ${(lang === 'fr' ? n > 1 : n !== 1) ? many : one}`

/** --previous names a file that does not exist yet. */
export function firstRun(previous: string, lang: Lang): string {
  return lang === 'fr' ? `Aucune preuve précédente dans ${previous} : c’est la première vérification.\n` : `No previous evidence in ${previous}: this is the first check.\n`
}

export function published(result: PublishResult & { branch: string }, target: { owner: string; repo: string }, lang: Lang): string {
  const fr = lang === 'fr'
  const said = { created: fr ? 'Branche créée' : 'Branch created', updated: fr ? 'Preuves publiées' : 'Evidence published', unchanged: fr ? 'Preuves déjà à jour' : 'Evidence already up to date' }
  return `${said[result.action]} : ${target.owner}/${target.repo}@${result.branch} (${result.commit.slice(0, 12)})\n`
}

export function fetched(read: { evidence: EvidenceFile | null; branch: string }, lang: Lang): string {
  const fr = lang === 'fr'
  if (!read.evidence) return fr ? `La branche ${read.branch} n’existe pas encore : pas de preuves précédentes (la première vérification la créera).\n` : `The branch ${read.branch} does not exist yet: no previous evidence (the first check will create it).\n`
  const at = evidenceDay(read.evidence.generated_at, lang)
  const n = read.evidence.targets.length
  return fr ? `Preuves du ${at} lues sur la branche ${read.branch} (${count(n, 'adresse', 'adresses', lang)}).\n` : `Evidence of ${at} read from the branch ${read.branch} (${count(n, 'address', 'addresses', lang)}).\n`
}

export function tickets(r: SyncResult, lang: Lang): string {
  const skipped = r.skipped.length
  return lang === 'fr'
    ? `Tickets : ${count(r.opened.length, 'ouvert', 'ouverts', lang)}, ${count(r.reopened.length, 'rouvert', 'rouverts', lang)}, ${r.updated.length} mis à jour, ${count(r.closed.length, 'fermé', 'fermés', lang)}${skipped ? ` ; ${count(skipped, 'nouvelle panne', 'nouvelles pannes', lang)} sans ticket (limite par exécution atteinte)` : ''}.\n`
    : `Issues: ${r.opened.length} opened, ${r.reopened.length} reopened, ${r.updated.length} updated, ${r.closed.length} closed${skipped ? `; ${count(skipped, 'new failure', 'new failures', lang)} without an issue (limit per run reached)` : ''}.\n`
}
