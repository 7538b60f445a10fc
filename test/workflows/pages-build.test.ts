/**
 * The site as the Pages workflow builds it: the build step of .github/workflows/pages.yml run
 * as written (bash, in a checkout of the repository's fiches, with the variables GitHub
 * Actions sets), then the site's GitHub links read from what it wrote: "Proposer sur GitHub"
 * in the editor (the repository in editer/registre.json, through proposal()) and "Modifier la
 * fiche sur GitHub" on a startup's page point at the repository the workflow runs in; a
 * repositoryUrl in registry.config.json wins (withRepositoryFromEnvironment).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { load } from 'js-yaml'
import { afterAll, describe, expect, it } from 'vitest'
import { proposal } from '../../scripts/site/editor/proposal.ts'
import { ConfigError, DEFAULT_CONFIG, withRepositoryFromEnvironment } from '../../scripts/load/config.ts'
import { cleanTemps, GOOD, REPO, run, tempDir } from '../cli/run.ts'
import { validate } from '../../scripts/registry.ts'
import { writeEvidence } from '../../scripts/evidence/evidence-files.ts'
import { evidenceOf } from '../evidence/helpers.ts'

type Step = { name?: string; run?: string; env?: Record<string, string> }
const pages = load(fs.readFileSync(path.join(REPO, '.github/workflows/pages.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> }
const buildStep = pages.jobs.build!.steps.find((s) => s.run?.includes('npm run build'))!

/** A checkout as the workflow's: the repository's package.json, bin/ and fiches (the tool's code is this repository's, through bin/). */
function checkout(): string {
  const root = tempDir('pages-checkout-')
  fs.copyFileSync(path.join(REPO, 'package.json'), path.join(root, 'package.json'))
  fs.symlinkSync(path.join(REPO, 'bin'), path.join(root, 'bin'))
  for (const dir of ['startups', 'organisations', 'incubators']) fs.cpSync(path.join(REPO, dir), path.join(root, dir), { recursive: true })
  if (fs.existsSync(path.join(REPO, 'registry.config.json'))) fs.copyFileSync(path.join(REPO, 'registry.config.json'), path.join(root, 'registry.config.json'))
  return root
}

/** Runs the workflow's build step in `root` with GitHub Actions' variables for betagouv-test/registre on main (RUNNER_TEMP: where the previous step left the evidence). */
function runStep(root: string, runnerTemp = tempDir('pages-runner-')): void {
  const env = {
    RUNNER_TEMP: runnerTemp,
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'betagouv-test/registre',
    GITHUB_REF_NAME: 'main',
    ...buildStep.env,
  }
  execFileSync('bash', ['-e', '-c', buildStep.run!], { cwd: root, env, stdio: 'pipe', timeout: 120_000 })
}

function shippedConfig(root: string): { repositoryUrl: string; repositoryBranch: string } {
  return JSON.parse(fs.readFileSync(path.join(root, 'dist/editer/registre.json'), 'utf8')).config
}

afterAll(() => cleanTemps())

describe('the site built as pages.yml builds it', () => {
  it('points "Proposer sur GitHub" and "Modifier la fiche sur GitHub" at the workflow’s repository', () => {
    const root = checkout()
    runStep(root)
    const config = shippedConfig(root)
    expect(config).toMatchObject({ repositoryUrl: 'https://github.com/betagouv-test/registre', repositoryBranch: 'main' })
    const id = fs.readdirSync(path.join(root, 'startups')).sort()[0]!.replace(/\.md$/, '')
    const file = `startups/${id}.md`
    // The editor's link, as its script makes it from the shipped configuration.
    const existing = proposal({ repositoryUrl: config.repositoryUrl, branch: config.repositoryBranch, file, text: '---\n', existing: true })
    expect(existing?.url).toBe(`https://github.com/betagouv-test/registre/edit/main/${file}`)
    const fresh = proposal({ repositoryUrl: config.repositoryUrl, branch: config.repositoryBranch, file: 'startups/nouveau.md', text: '---\n', existing: false })
    expect(fresh?.url.startsWith('https://github.com/betagouv-test/registre/new/main?filename=startups%2Fnouveau.md&value=')).toBe(true)
    const page = fs.readFileSync(path.join(root, `dist/startups/${id}/index.html`), 'utf8')
    expect(page).toContain(`href="https://github.com/betagouv-test/registre/edit/main/${file}" rel="noopener noreferrer">Modifier la fiche sur GitHub`)
    // No evidence fetched (before the evidence workflow's first publication): none published.
    expect(fs.existsSync(path.join(root, 'dist/api/v1/evidence.json'))).toBe(false)
  }, 120_000)

  it('publishes the evidence the previous step fetched, and shows it on the startups’ pages', async () => {
    const root = checkout()
    const runnerTemp = tempDir('pages-runner-')
    const { records } = await validate({ root, config: DEFAULT_CONFIG, lang: 'fr' })
    const evidence = evidenceOf(records, DEFAULT_CONFIG, ['2026-05-11T05:17:00.000Z', '2026-05-18T05:17:00.000Z'])
    await writeEvidence(path.join(runnerTemp, 'evidence', 'evidence.json'), evidence)
    runStep(root, runnerTemp)
    expect(JSON.parse(fs.readFileSync(path.join(root, 'dist/api/v1/evidence.json'), 'utf8'))).toEqual(evidence)
    const id = evidence.targets[0]!.startups[0]!
    const page = fs.readFileSync(path.join(root, `dist/startups/${id}/index.html`), 'utf8')
    expect(page).toContain('18 mai 2026')
    expect(page).not.toContain('n’ont pas encore été vérifiées en ligne')
  }, 120_000)

})

describe('the repository from the environment (REGISTRY_REPOSITORY_URL)', () => {
  const env = { REGISTRY_REPOSITORY_URL: 'https://github.com/betagouv-test/registre', REGISTRY_REPOSITORY_BRANCH: 'main' }
  it('is taken when the configuration names none, and the configuration’s wins, with its branch', () => {
    expect(withRepositoryFromEnvironment(DEFAULT_CONFIG, env)).toMatchObject({ repositoryUrl: 'https://github.com/betagouv-test/registre', repositoryBranch: 'main' })
    expect(withRepositoryFromEnvironment(DEFAULT_CONFIG, { REGISTRY_REPOSITORY_URL: 'https://github.com/a/b/' })).toMatchObject({ repositoryUrl: 'https://github.com/a/b', repositoryBranch: 'main' })
    const configured = { ...DEFAULT_CONFIG, repositoryUrl: 'https://github.com/betagouv/beta.gouv.fr', repositoryBranch: 'master' }
    expect(withRepositoryFromEnvironment(configured, env)).toBe(configured)
    expect(withRepositoryFromEnvironment(DEFAULT_CONFIG, {})).toBe(DEFAULT_CONFIG)
  })

  it('refuses what is not a repository’s address, with a message (exit 2)', async () => {
    expect(() => withRepositoryFromEnvironment(DEFAULT_CONFIG, { REGISTRY_REPOSITORY_URL: '/' })).toThrow(ConfigError)
    expect(() => withRepositoryFromEnvironment(DEFAULT_CONFIG, { REGISTRY_REPOSITORY_URL: 'https://github.com/a/b', REGISTRY_REPOSITORY_BRANCH: '../x' })).toThrow(ConfigError)
    const root = tempDir('pages-env-')
    fs.cpSync(GOOD, root, { recursive: true })
    const r = await run(['build', '--root', root, '--out', path.join(root, 'dist')], { env: { REGISTRY_REPOSITORY_URL: 'http://exemple.fr', REGISTRY_SITE: '0' } })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('REGISTRY_REPOSITORY_URL doit être l’adresse https://')
  })
})
