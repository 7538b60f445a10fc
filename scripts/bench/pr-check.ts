/**
 * The pull-request check job, as a person waits for it: "from a fresh checkout to the report
 * file". The steps of ci.yml's `validate` job are read from the workflow and run locally, in
 * order, in a fresh clone of a pull request that changes one fiche: the checkout becomes a
 * `git clone` (full history, as fetch-depth: 0), setup-node is the node running the bench with
 * npm's cache as this machine has it (warm: setup-node restores it, keyed by the lockfile), every
 * `run` step runs with bash and the step's environment (its ${{ }} expressions evaluated for a
 * pull request on `main`), and the artifact upload is replaced by checking that the report file is
 * there. npm is told to prefer its cache (--prefer-offline): the bench never waits on the network.
 * The repository is the bench's own checkout at HEAD (committed work only).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { load } from 'js-yaml'

interface Step {
  name?: string
  uses?: string
  run?: string
  if?: string
  env?: Record<string, string>
}

/** The expressions of ci.yml's validate job, as GitHub sets them for pull request 1 on main. */
const EXPRESSIONS: Record<string, string> = { 'github.base_ref': 'main', 'github.event.pull_request.number': '1', 'github.event_name': 'pull_request' }
const evaluate = (value: string) => value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, e: string) => EXPRESSIONS[e] ?? '')

export interface PrCheckRow {
  /** Total, from the clone to the report file. */
  ms: number
  /** Each step's time, in order (its name, or the action it replaces). */
  steps: { name: string; ms: number }[]
}

/** Makes the "remote": the repository at HEAD as `main`, and `pr`, which changes one fiche. */
function origin(repo: string, work: string): string {
  const remote = path.join(work, 'pr-origin')
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repo, remote])
  execFileSync('git', ['-C', remote, 'checkout', '--quiet', '-B', 'main'])
  execFileSync('git', ['-C', remote, 'checkout', '--quiet', '-b', 'pr'])
  const startups = path.join(remote, 'startups')
  const fiche = path.join(startups, execFileSync('git', ['-C', remote, 'ls-files', 'startups'], { encoding: 'utf8' }).split('\n').find((f) => f.endsWith('.md'))!.slice('startups/'.length))
  writeFileSync(fiche, `${readFileSync(fiche, 'utf8')}\nUne phrase de plus dans la présentation.\n`)
  execFileSync('git', ['-C', remote, '-c', 'user.name=banc', '-c', 'user.email=banc@example.org', 'commit', '--quiet', '-am', 'Une fiche modifiée'])
  return remote
}

/** One run of the job's steps in a fresh clone; throws if a step fails or no report is written. */
export function prCheck(repo: string, work: string, run: number): PrCheckRow {
  const job = (load(readFileSync(path.join(repo, '.github/workflows/ci.yml'), 'utf8')) as { jobs: { validate: { steps: Step[] } } }).jobs.validate
  const remote = existsSync(path.join(work, 'pr-origin')) ? path.join(work, 'pr-origin') : origin(repo, work)
  const checkout = path.join(work, `pr-checkout-${run}`)
  const steps: PrCheckRow['steps'] = []
  const start = performance.now()
  for (const step of job.steps) {
    const t = performance.now()
    if (step.uses?.startsWith('actions/checkout@')) {
      execFileSync('git', ['clone', '--quiet', '--no-hardlinks', '--branch', 'pr', remote, checkout])
    } else if (step.uses?.startsWith('actions/upload-artifact@')) {
      if (!existsSync(path.join(checkout, 'report/report.json'))) throw new Error('pas de report/report.json après les étapes du job')
    } else if (step.run) {
      const env = { ...process.env, GITHUB_ACTIONS: 'true', ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(String(v))])) }
      // npm ci from the cache as setup-node leaves it; the rest exactly as written.
      const script = step.run.replace(/\bnpm ci\b/g, 'npm ci --prefer-offline')
      const r = spawnSync('bash', ['-eo', 'pipefail', '-c', script], { cwd: checkout, env, encoding: 'utf8', maxBuffer: 1 << 26 })
      // The validation step exits 1 when a fiche has an error: the repository's have none.
      if (r.status !== 0) throw new Error(`étape « ${step.name ?? step.run} » : code ${r.status}\n${r.stderr}`)
    } else if (!step.uses?.startsWith('actions/setup-node@')) {
      throw new Error(`étape non reproduite par le banc : ${step.uses ?? step.name}`)
    }
    steps.push({ name: step.name ?? step.uses ?? step.run!.split('\n')[0]!, ms: performance.now() - t })
  }
  const ms = performance.now() - start
  return { ms, steps }
}
