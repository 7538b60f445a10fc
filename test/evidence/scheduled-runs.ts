/**
 * Three weekly scheduled runs against servers on 127.0.0.1, with an injected
 * clock: a registry whose fiches name pages and repositories, a web server
 * and a fake GitHub whose answers change from one week to the next, each run
 * through the programmatic API (`evidence()`, files in and out). Shared by
 * the evidence tests and the acceptance test of the site.
 *
 * - `vivante`: its link answers every week; its statistics page dies at the
 *   second run; its repository is archived at the second run.
 * - `instable`: its link fails, answers, fails again (it flaps).
 * - `abandonnee`: its link never answered.
 */
import fs from 'node:fs'
import path from 'node:path'
import { DEFAULT_CONFIG, evidence, type EvidenceFile, type EvidenceResult } from '../../scripts/registry.ts'
import { writeEvidence } from '../../scripts/evidence/evidence-files.ts'
import { startFakeGitHub, type FakeGitHub } from '../lint/online/fake-forges.ts'
import { startServer, type TestServer } from '../lint/online/servers.ts'

export const RUN_DATES = ['2026-11-23T05:17:00.000Z', '2026-11-30T05:17:00.000Z', '2026-12-07T05:17:00.000Z']
export const TOKEN = 'ghp_scheduled_runs_token_never_printed_01'

export interface Scenario {
  root: string
  site: TestServer
  github: FakeGitHub
  /** Which week the servers answer as (0, 1, 2). */
  week: number
  close(): Promise<void>
}

const FICHE = (title: string, fields: string) => `---
title: ${title}
mission: Simplifier une démarche pour les usagers
incubator: dinum
sponsors:
  - /organisations/dinum
contact: equipe@exemple.beta.gouv.fr
${fields}
phases:
  - name: investigation
    start: 2025-01-06
    end: 2025-06-30
  - name: construction
    start: 2025-07-01
---
Un texte.
`

/** `root` gets the registry (a copy of the good fixture's incubator and organisation, and three startups). */
export async function startScenario(root: string, goodFixture: string): Promise<Scenario> {
  const scenario = { week: 0 } as Scenario
  scenario.site = await startServer((req, res) => {
    const w = scenario.week
    if (req.url === '/vivante' || req.url === '/') return void res.writeHead(200).end('ok')
    if (req.url === '/vivante/stats') return void res.writeHead(w === 0 ? 200 : 404).end()
    if (req.url === '/instable') return void res.writeHead(w === 1 ? 200 : 503).end()
    res.writeHead(404).end()
  })
  scenario.github = await startFakeGitHub({ 'betagouv/vivante': {}, 'betagouv/instable': {} })
  const s = scenario.site.origin
  fs.cpSync(goodFixture, root, { recursive: true })
  fs.rmSync(path.join(root, 'startups', 'exemple.md'))
  const files: Record<string, string> = {
    'vivante.md': FICHE('La Vivante', `link: ${s}/vivante\nstats_url: ${s}/vivante/stats\nrepository: https://github.com/betagouv/vivante`),
    'instable.md': FICHE('L’Instable', `link: ${s}/instable\nrepository: https://github.com/betagouv/instable`),
    'abandonnee.md': FICHE('L’Abandonnée', `link: ${s}/abandonnee`),
  }
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, 'startups', name), text)
  scenario.root = root
  scenario.close = async () => {
    await Promise.all([scenario.site.close(), scenario.github.close()])
  }
  return scenario
}

/** Run `week` (0, 1 or 2) as the scheduled workflow would, a week after the previous one: `previous` is the file the last run wrote. */
export async function scheduledRun(scenario: Scenario, week: number, previous: EvidenceFile | undefined): Promise<EvidenceResult> {
  scenario.week = week
  if (week === 1) scenario.github.repos['betagouv/vivante'] = { archived: true }
  const runs = path.join(scenario.root, '.evidence-runs')
  const file = (name: string) => path.join(runs, `${name}-${week}.json`)
  if (previous) await writeEvidence(file('previous'), previous)
  return evidence({
    root: scenario.root,
    config: DEFAULT_CONFIG,
    lang: 'fr',
    out: file('evidence'),
    previous: previous ? file('previous') : undefined,
    asOf: RUN_DATES[week]!.slice(0, 10),
    now: () => new Date(RUN_DATES[week]!),
    online: { githubBaseUrl: scenario.github.origin, githubToken: TOKEN, allowPrivateAddresses: true, timeoutMs: 3000 },
  })
}
