/**
 * Notifications a product team can act on: one GitHub issue per product
 * whose online evidence newly failed, found again by a hidden marker and the
 * label, written by the workflow's bot only (anyone can write the marker in
 * an issue of their own: it is not adopted). The issue is updated rather than
 * duplicated, reopened when the product's evidence fails again, and closed
 * when it holds again. A product whose evidence has been failing for a long
 * time gets no issue the day notifications are turned on: only new failures
 * open one (the dashboard lists the rest). A flapping target keeps its issue
 * open rather than closing and reopening it every week.
 *
 * `issuePlan` is pure (what each product's issue should say and be);
 * `syncEvidenceIssues` does the requests.
 */
import type { EvidenceChanges } from '../evidence/evidence-changes.ts'
import { evidenceDay, evidenceWords, type Lang } from '../evidence/evidence-words.ts'
import type { EvidenceFile, EvidenceTarget } from '../evidence/types.ts'
import { inertCode, inertMarkdown, visibleLine } from '../report/inert-markdown.ts'
import { explainGitHubError, type GitHub } from './client.ts'

export const EVIDENCE_LABEL = 'preuves-en-ligne'
/** At most this many issues are opened by one run (a network outage on our side must not open hundreds). */
export const MAX_NEW_ISSUES = 20
const MAX_PAGES = 30

/**
 * The hidden marker that finds a product's issue again. The id is
 * percent-encoded: whatever the evidence file says, it cannot end the HTML
 * comment (`-->`) and leave the rest of the line to be read as markdown (a
 * mention, a link). Plain ids (letters, digits, hyphens) are unchanged.
 */
export const issueMarker = (startup: string): string => `<!-- registry-evidence:${markerId(startup)} -->`
const markerId = (startup: string): string => encodeURIComponent(startup)

export interface PlannedIssue {
  startup: string
  title: string
  body: string
  /** Failing now (the issue should be open) or holding (closed). */
  failing: boolean
  /** Whether one of its targets broke, failed from its first check or flapped at the last run (an issue may be opened). */
  fresh: boolean
}


function body(startup: string, title: string, failing: EvidenceTarget[], flapping: EvidenceTarget[], evidence: EvidenceFile, file: string | undefined, lang: Lang): string {
  const fr = lang === 'fr'
  const when = evidenceDay(evidence.generated_at, lang)
  const lines = [
    issueMarker(startup),
    fr
      ? `Les vérifications en ligne du registre trouvent un problème dans les preuves de **${inertMarkdown(title.slice(0, 300))}** (${inertCode(startup)}), vérifiées le ${when}.`
      : `The registry's online checks find a problem in the evidence of **${inertMarkdown(title.slice(0, 300))}** (${inertCode(startup)}), checked on ${when}.`,
    '',
    fr ? '| Adresse | Constat | Que faire |' : '| Address | Finding | What to do |',
    '| --- | --- | --- |',
  ]
  for (const t of [...failing, ...flapping.filter((f) => !failing.includes(f))]) {
    const w = evidenceWords(t, lang)
    lines.push(`| ${inertCode(t.url)} | ${inertMarkdown(w.found)} | ${inertMarkdown(w.advice ?? '')} |`)
  }
  lines.push(
    '',
    fr
      ? `Ce ticket est mis à jour à chaque vérification et se ferme de lui-même quand les preuves tiennent à nouveau.${file ? ` Fiche : ${inertCode(file)}.` : ''}`
      : `This issue is updated at every check and closes itself when the evidence holds again.${file ? ` Fiche: ${inertCode(file)}.` : ''}`,
  )
  return lines.join('\n')
}

/** What each product's issue should say (pure): products with failing or flapping targets, and those whose issue may close. */
export function issuePlan(evidence: EvidenceFile, changes: EvidenceChanges, fiches: ReadonlyMap<string, { title: string; file: string }>, lang: Lang): PlannedIssue[] {
  const fresh = new Set(changes.changes.filter((c) => c.change !== 'repaired').flatMap((c) => c.target.startups))
  const byStartup = new Map<string, EvidenceTarget[]>()
  for (const t of evidence.targets) {
    for (const s of t.startups) byStartup.set(s, [...(byStartup.get(s) ?? []), t])
  }
  const plan: PlannedIssue[] = []
  for (const [startup, targets] of [...byStartup].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const failing = targets.filter((t) => t.state === 'fails')
    const flapping = targets.filter((t) => t.flapping)
    const fiche = fiches.get(startup)
    const title = fiche?.title || startup
    const issueTitle = visibleLine(lang === 'fr' ? `Preuves en ligne à vérifier : ${title}` : `Online evidence to check: ${title}`).slice(0, 200)
    plan.push({
      startup,
      title: issueTitle,
      body: failing.length + flapping.length > 0 ? body(startup, title, failing, flapping, evidence, fiche?.file, lang) : '',
      failing: failing.length + flapping.length > 0,
      fresh: fresh.has(startup),
    })
  }
  return plan
}

export interface SyncResult {
  opened: string[]
  reopened: string[]
  updated: string[]
  closed: string[]
  /** New failures without an issue because this run opened MAX_NEW_ISSUES already. */
  skipped: string[]
}

interface ExistingIssue {
  number: number
  state: string
  body: string
}

/** The bot's evidence issues, by marker id (the startup's, percent-encoded): the label and the marker at the start of the body, written by `bot`. */
async function existingIssues(github: GitHub, owner: string, repo: string, bot: string): Promise<Map<string, ExistingIssue>> {
  const found = new Map<string, ExistingIssue>()
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await github.rest.issues.listForRepo({ owner, repo, labels: EVIDENCE_LABEL, state: 'all', per_page: 100, page })
    for (const issue of data) {
      if (issue.pull_request || issue.user?.login !== bot || issue.user?.type !== 'Bot') continue
      const m = /^<!-- registry-evidence:([^\s>]{1,1024}) -->/.exec(issue.body ?? '')
      if (m && !found.has(m[1]!)) found.set(m[1]!, { number: issue.number, state: issue.state, body: issue.body ?? '' })
    }
    if (data.length < 100) break
  }
  return found
}

async function ensureLabel(github: GitHub, owner: string, repo: string, lang: Lang): Promise<void> {
  try {
    await github.rest.issues.getLabel({ owner, repo, name: EVIDENCE_LABEL })
  } catch (err) {
    if ((err as { status?: number }).status !== 404) throw err
    await github.rest.issues.createLabel({ owner, repo, name: EVIDENCE_LABEL, color: 'd4c5f9', description: lang === 'fr' ? 'Preuves en ligne en échec (vérification planifiée du registre)' : 'Online evidence failing (the registry’s scheduled check)' })
  }
}

export async function syncEvidenceIssues(github: GitHub, target: { owner: string; repo: string; bot?: string }, plan: readonly PlannedIssue[], lang: Lang): Promise<SyncResult> {
  const { owner, repo } = target
  const fr = lang === 'fr'
  const result: SyncResult = { opened: [], reopened: [], updated: [], closed: [], skipped: [] }
  try {
    const existing = await existingIssues(github, owner, repo, target.bot ?? 'github-actions[bot]')
    for (const p of plan) {
      const issue = existing.get(markerId(p.startup))
      if (p.failing) {
        if (issue?.state === 'open') {
          if (issue.body === p.body) continue
          await github.rest.issues.update({ owner, repo, issue_number: issue.number, title: p.title, body: p.body })
          result.updated.push(p.startup)
        } else if (issue && p.fresh) {
          await github.rest.issues.update({ owner, repo, issue_number: issue.number, title: p.title, body: p.body, state: 'open' })
          await github.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: fr ? 'Les preuves sont de nouveau en échec : voir la description, mise à jour.' : 'The evidence fails again: see the description, updated.' })
          result.reopened.push(p.startup)
        } else if (!issue && p.fresh) {
          if (result.opened.length >= MAX_NEW_ISSUES) {
            result.skipped.push(p.startup)
            continue
          }
          if (result.opened.length === 0) await ensureLabel(github, owner, repo, lang)
          await github.rest.issues.create({ owner, repo, title: p.title, body: p.body, labels: [EVIDENCE_LABEL] })
          result.opened.push(p.startup)
        }
      } else if (issue?.state === 'open') {
        await github.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: fr ? 'Les preuves tiennent de nouveau : ce ticket se ferme.' : 'The evidence holds again: this issue closes.' })
        await github.rest.issues.update({ owner, repo, issue_number: issue.number, state: 'closed', state_reason: 'completed' })
        result.closed.push(p.startup)
      }
    }
    // Products no fiche names any more (or without targets now): their open issues close too.
    const planned = new Set(plan.map((p) => p.startup))
    for (const [startup, issue] of existing) {
      if (planned.has(startup) || issue.state !== 'open') continue
      await github.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: fr ? 'La fiche ne cite plus ces adresses : ce ticket se ferme.' : 'The fiche no longer names these addresses: this issue closes.' })
      await github.rest.issues.update({ owner, repo, issue_number: issue.number, state: 'closed', state_reason: 'not_planned' })
      result.closed.push(startup)
    }
  } catch (err) {
    throw explainGitHubError(err, fr ? 'mise à jour des tickets de preuves en ligne' : 'updating the online evidence issues', lang)
  }
  return result
}
