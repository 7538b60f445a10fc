/**
 * The build's files from git history: `api/v1/changes.json` (the change sets
 * of a bounded window), `api/v1/changes.atom` (the same as an Atom feed,
 * RFC 4287) and `api/v1/trends.json` (monthly snapshots). One
 * first-parent `git log` serves all three. Deterministic for a commit: the
 * window ends at the last commit's date, never at the clock.
 */
import { publishedSchemaUrl } from '../validate/schemas.ts'
import type { RegistryConfig } from '../load/config.ts'
import { changeSets, type ChangeSet } from './changes.ts'
import { describeChange, summaryText } from './format-changes.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import { createHash } from 'node:crypto'
import type { PastFiche } from './past-fiche.ts'
import { collectionFolders } from './history-fields.ts'
import { readLog, type LogCommit } from './log.ts'
import { standardsMetric } from './past-standards.ts'
import { computeTrends, PHASES_METRIC, trendsCachePath, type SnapshotMetric } from './trends.ts'
import { evidenceTrends } from '../evidence/evidence-trends.ts'
import type { EvidenceFile } from '../evidence/types.ts'

/** changes.json and changes.atom hold the change sets of the last CHANGES_WINDOW_DAYS days before the last commit, at most CHANGES_MAX_SETS of them. */
export const CHANGES_WINDOW_DAYS = 90
export const CHANGES_MAX_SETS = 200

/** The metrics of each trends snapshot: phases, and the standards rules of the configuration (field evidence only, never online). */
export function trendsMetrics(config: RegistryConfig): SnapshotMetric[] {
  return [PHASES_METRIC, standardsMetric(config)]
}

const serialize = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - days)
  return d.toISOString().slice(0, 10)
}

/**
 * Atom needs absolute links: written only when the configuration gives
 * `siteUrl`. Written here, every value escaped as XML text: titles,
 * summaries and names are `type="text"` (a commit subject such as
 * `]]><img src=x onerror=…>` is shown as those characters, never as markup
 * by a feed reader); the content is HTML built from escaped text, then
 * escaped as a whole, so that the only elements in it are the list's own.
 */
export function changesAtom(sets: readonly ChangeSet[], siteUrl: string): string {
  const host = new URL(siteUrl).host
  const self = `${siteUrl}/api/v1/changes.atom`
  const newest = sets[0]
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `    <id>${xml(`tag:${host},2026:registry/changes`)}</id>`,
    '    <title type="text">Registre des startups d’État : changements des fiches</title>',
    `    <updated>${(newest ? new Date(newest.time) : new Date(0)).toISOString()}</updated>`,
    '    <generator>registry</generator>',
    `    <link rel="alternate" href="${xml(`${siteUrl}/api/v1/changes.json`)}"/>`,
    `    <link rel="self" href="${xml(self)}"/>`,
    '    <subtitle type="text">Les fiches ajoutées, supprimées, renommées ou modifiées, commit par commit.</subtitle>',
    '    <rights type="text">Les fiches du registre et leurs licences</rights>',
  ]
  for (const set of sets) {
    const lines = [...set.summaries.map((s) => summaryText(s, 'fr')), ...set.changes.map((c) => `${c.collection}/${c.id} : ${describeChange(c, 'fr')}`)]
    out.push(
      '    <entry>',
      `        <title type="text">${xml(`${set.date} : ${set.fiches} fiche${set.fiches > 1 ? 's' : ''} (${set.subject})`)}</title>`,
      `        <id>${xml(`tag:${host},2026:registry/commit/${set.commit}`)}</id>`,
      `        <link href="${xml(`${siteUrl}/api/v1/changes.json#${set.commit}`)}"/>`,
      `        <updated>${new Date(set.time).toISOString()}</updated>`,
      `        <summary type="text">${xml(lines.slice(0, 3).join(' ; '))}</summary>`,
      `        <content type="html">${xml(`<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`)}</content>`,
      '        <author>',
      `            <name>${xml(set.author)}</name>`,
      '        </author>',
      '    </entry>',
    )
  }
  out.push('</feed>', '')
  return out.join('\n')
}

/** Characters XML 1.0 cannot hold (control characters a commit message or a fiche may contain) become U+FFFD. */
const xmlText = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')

/** Text for XML element content or a double-quoted attribute. */
const xml = (s: string) => xmlText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const escapeHtml = (s: string) => xmlText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The first-parent history the files are computed from, oldest first (one git process, started early by build). */
export function mainLine(root: string, config: RegistryConfig): Promise<LogCommit[]> {
  return readLog(root, collectionFolders(config), { firstParent: true, reverse: true })
}

/**
 * The fiches a build has just parsed, by the id of the git blob their text
 * would be: the change sets and the trends of the last months need not read
 * and parse them again (a file whose bytes differ from HEAD's, uncommitted,
 * simply matches no blob).
 */
export function parsedBlobs(records: readonly ParsedRecord[]): Map<string, PastFiche> {
  const out = new Map<string, PastFiche>()
  for (const r of records) {
    // Hashed from the string: a copy of every fiche's bytes (hundreds of MB at 50k) would wait for a GC.
    const id = createHash('sha1').update(`blob ${Buffer.byteLength(r.text, 'utf8')}\0`).update(r.text, 'utf8').digest('hex')
    out.set(id, { data: r.data, body: r.body, text: r.text })
  }
  return out
}

/** The published files of one fiche, by collection ({id}: its id): what to fetch again when a change names it. */
export const FICHE_FILES: Record<string, string[]> = {
  startups: ['api/v1/startups/{id}.json', 'api/v3/startups/{id}.json'],
  organisations: [],
  incubators: [],
}

/** changes.json's `follow`: how to fetch only what changed since a date. */
export function changesFollow(site: string) {
  return {
    index: `${site}/api/v1/index.json`,
    fiche_files: FICHE_FILES,
    how:
      'Pour ne télécharger que ce qui a changé depuis une date D : lisez index.json et téléchargez les fichiers de published dont updated est postérieur à D (ou, plus sûr, dont sha256 diffère de votre copie) ; si contract.released est postérieur à D, comparez toutes les empreintes. Chaque changement ci-dessous nomme sa fiche (collection, id) : fiche_files donne ses fichiers propres ; les fichiers qui agrègent des fiches (listes, standards) changent avec elles.',
  }
}

/** `evidence`: the online evidence the build was given; trends.json then carries its share of startups whose evidence holds, month by month. */
export async function historyFiles(root: string, config: RegistryConfig, commits: readonly LogCommit[], parsed?: ReadonlyMap<string, PastFiche>, useCache = true, evidence?: EvidenceFile): Promise<[string, string][]> {
  const head = commits[commits.length - 1]
  const from = head ? daysBefore(head.date, CHANGES_WINDOW_DAYS) : ''
  const recent = commits.filter((c) => c.date > from).slice(-CHANGES_MAX_SETS)
  const sets = (await changeSets(root, config, recent, parsed)).filter((s) => s.fiches > 0).reverse()
  const window = { days: CHANGES_WINDOW_DAYS, max_change_sets: CHANGES_MAX_SETS, since: from || null, until: head?.date ?? null }
  const metrics = trendsMetrics(config)
  const trends = await computeTrends(root, config.collections.startups, commits, metrics, useCache ? await trendsCachePath(root) : undefined, parsed)
  const site = config.siteUrl
  return [
    ['api/v1/changes.json', serialize({ $schema: publishedSchemaUrl(site, 'changes'), window, follow: changesFollow(site), change_sets: sets })],
    ...(site ? [['api/v1/changes.atom', changesAtom(sets, site)] as [string, string]] : []),
    ['api/v1/trends.json', serialize({ $schema: publishedSchemaUrl(site, 'trends'), head: head?.id ?? null, metrics: Object.fromEntries(metrics.map((m) => [m.id, m.version])), snapshots: trends.snapshots, ...(evidence ? { evidence: evidenceTrends(evidence) } : {}) })],
  ]
}
