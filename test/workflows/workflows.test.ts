/**
 * The GitHub workflows, checked as data (no workflow linter can be installed
 * here): triggers, least-privilege permissions, no pull-request code under a
 * write token, the report artifact handed from CI to the comment workflow.
 */
import fs from 'node:fs'
import path from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { REPO } from '../cli/run.ts'

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown>; if?: string }
type Job = { environment?: { name: string; url?: string } | string; permissions?: Record<string, string> | string; steps: Step[]; 'timeout-minutes'?: number; strategy?: { matrix?: Record<string, unknown[]> }; if?: string; needs?: string | string[] }
type Workflow = { name: string; on: Record<string, any>; concurrency?: Record<string, unknown>; permissions?: Record<string, string> | string; jobs: Record<string, Job> }

const DIR = path.join(REPO, '.github', 'workflows')
const files = fs.readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f))
const workflows = new Map(files.map((f) => [f, load(fs.readFileSync(path.join(DIR, f), 'utf8')) as Workflow]))
const ci = workflows.get('ci.yml')!
const comment = workflows.get('pr-comment.yml')!
const pages = workflows.get('pages.yml')!
const evidence = workflows.get('evidence.yml')!

const writes = (p: Job['permissions'] | Workflow['permissions']): string[] =>
  p === undefined ? [] : typeof p === 'string' ? (p === 'read-all' ? [] : [p]) : Object.entries(p).filter(([, v]) => v === 'write').map(([k]) => k)
const jobPermissions = (w: Workflow, j: Job) => j.permissions ?? w.permissions
const checkouts = (j: Job) => j.steps.filter((s) => s.uses?.startsWith('actions/checkout@'))

describe('every workflow', () => {
  it.each(files)('%s: top-level permissions, per-job timeout and permissions, pinned actions, no ${{ }} inside run scripts', (file) => {
    const w = workflows.get(file)!
    expect(w.permissions, 'top-level permissions').toBeDefined()
    expect(writes(w.permissions), 'no write permission at the top level').toEqual([])
    for (const [name, job] of Object.entries(w.jobs)) {
      expect(job['timeout-minutes'], `${name}: timeout-minutes`).toBeGreaterThan(0)
      expect(job.permissions, `${name}: its own permissions`).toBeDefined()
      expect(job.permissions).not.toBe('write-all')
      for (const step of job.steps) {
        if (step.uses) expect(step.uses, `${name}: pinned action`).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+)*|[0-9a-f]{40})$/)
        // Expressions in a script are an injection risk: values go through env.
        if (step.run) expect(step.run, `${name}: no expression in run`).not.toContain('${{')
      }
      for (const step of checkouts(job)) expect(step.with?.['persist-credentials'], `${name}: checkout keeps no credentials`).toBe(false)
    }
  })

  it('a pull request never runs the online checks: only the scheduled evidence workflow does', () => {
    for (const [file, w] of workflows) {
      const scripts = Object.values(w.jobs).flatMap((j) => j.steps.map((s) => s.run ?? '')).join('\n')
      const online = /lint [^\n]*--online|evidence [^\n]*--out/.test(scripts)
      expect(online, file).toBe(file === 'evidence.yml')
      if (online) expect(Object.keys(w.on), file).not.toContain('pull_request')
    }
  })

  it('no workflow uses pull_request_target (it runs with a write token on the base)', () => {
    for (const w of workflows.values()) expect(Object.keys(w.on)).not.toContain('pull_request_target')
  })
})

describe('every file of .github/', () => {
  /** Every file under .github/, workflows, issue templates and the pull request template alike. */
  const all = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(path.join(dir, e.name)) : [path.join(dir, e.name)]))

  it.each(all(path.join(REPO, '.github')).map((f) => path.relative(REPO, f)))('%s: calls the tool by its path, never through npx (it installs a missing package without asking)', (file) => {
    const lines = fs.readFileSync(path.join(REPO, file), 'utf8').split('\n')
    expect(lines.map((l, i) => `${i + 1}: ${l}`).filter((l) => /\bnpx\b/.test(l))).toEqual([])
  })
})

describe('ci.yml', () => {
  it('runs on pull requests and pushes to main, read-only', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push'])
    for (const job of Object.values(ci.jobs)) expect(writes(jobPermissions(ci, job))).toEqual([])
  })

  it('validates (blocking), tests on Node 20, 22 and 24, builds after validation', () => {
    const validate = ci.jobs.validate!
    const step = validate.steps.find((s) => s.run?.includes('registry.mjs validate'))!
    expect(step.if).toBeUndefined()
    expect(step.run).not.toMatch(/\|\|\s*true/)
    expect(ci.jobs.test!.strategy?.matrix?.node).toEqual([20, 22, 24])
    expect(ci.jobs.test!.steps.some((s) => s.run === 'npm test')).toBe(true)
    // Node 20 reached its end of life in April 2026: jobs that publish or report run on the active LTS.
    for (const [name, workflow] of workflows) {
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps) {
          const version = step.with?.["node-version"]
          if (version !== undefined && version !== '${{ matrix.node }}') expect(version, name).toBe(24)
        }
      }
    }
    // Browser tests need Debian's Chromium: the job runs in Debian with the Node under test and installs it.
    expect((ci.jobs.test as { container?: string }).container).toBe('node:${{ matrix.node }}-bookworm')
    expect(ci.jobs.test!.steps.some((s) => /apt-get install -y .*\bchromium\b/.test(s.run ?? ''))).toBe(true)
    expect(ci.jobs.build!.needs).toBe('validate')
    expect(ci.jobs.build!.steps.some((s) => s.run === 'npm run build')).toBe(true)
  })

  it('lints the changed fiches on pull requests, new warnings only, before the report; blocking only when configured', () => {
    const steps = ci.jobs.validate!.steps
    const lint = steps.find((s) => s.run?.includes('registry.mjs lint'))!
    expect(lint, 'a lint step').toBeDefined()
    expect(lint.if).toMatch(/github\.event_name == 'pull_request'/)
    expect(lint.if).toMatch(/!cancelled\(\)/)
    const commands = lint.run!.split('\n').filter((l) => l.includes('registry.mjs lint')).map((l) => l.trim())
    expect(commands.length).toBeGreaterThan(0)
    for (const c of commands) expect(c).toMatch(/^node bin\/registry\.mjs lint --changed --base "origin\/\$BASE_REF" --new-only( --fail-on-new)?$/)
    // Not blocking by design (warnings exit 0), so no swallowed exit code; --fail-on-new only behind the variable.
    expect(lint.run).not.toMatch(/\|\|\s*(true|:)/)
    expect(lint.run).toMatch(/if \[ "\$LINT_BLOCKING" = "true" \]; then\n\s*node bin\/registry\.mjs lint [^\n]* --fail-on-new\n\s*else\n\s*node bin\/registry\.mjs lint [^\n]*--new-only\n\s*fi/)
    expect(lint.env).toMatchObject({ BASE_REF: '${{ github.base_ref }}', LINT_BLOCKING: '${{ vars.REGISTRY_LINT_BLOCKING }}' })
    // The base branch must be there for the merge base: full history.
    expect(checkouts(ci.jobs.validate!)[0]!.with?.['fetch-depth']).toBe(0)
    const at = (s: Step | undefined) => steps.indexOf(s!)
    expect(at(lint)).toBeGreaterThan(at(steps.find((s) => s.run?.includes('registry.mjs validate'))))
    expect(at(lint)).toBeLessThan(at(steps.find((s) => s.run?.includes('registry.mjs report'))))
  })

  it('installs only the runtime dependencies in the validation job (no test tool, browser driver or DSFR), which hold everything its steps run', () => {
    const steps = ci.jobs.validate!.steps
    const installs = steps.filter((s) => /\bnpm (ci|install|i)\b|\bnpx\b|playwright|apt-get/.test(s.run ?? ''))
    expect(installs.map((s) => s.run!.trim())).toEqual(['npm ci --omit=dev --no-audit --no-fund'])
    const at = (s: Step | undefined) => steps.indexOf(s!)
    expect(at(installs[0])).toBeLessThan(at(steps.find((s) => s.run?.includes('registry.mjs validate'))))
    // setup-node restores npm's cache, keyed by the lockfile.
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!.with?.cache).toBe('npm')
    // What that install leaves: esbuild makes the program (the prepare script); the test tools and the site's DSFR are not installed.
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> }
    expect(pkg.scripts.prepare).toContain('bundle')
    expect(Object.keys(pkg.dependencies)).toContain('esbuild')
    for (const dev of ['vitest', 'playwright-core', 'tsx', '@gouvfr/dsfr', 'axe-core', 'typescript']) expect(Object.keys(pkg.devDependencies), dev).toContain(dev)
  })

  it('writes the report as data and uploads it as the artifact the comment workflow downloads', () => {
    const steps = ci.jobs.validate!.steps
    const report = steps.find((s) => s.run?.includes('registry.mjs report'))!
    expect(report.run).toContain('--output-json report/report.json')
    expect(report.run).not.toContain('--output-file')
    expect(report.run).toContain('report/pr-number')
    expect(report.run).not.toContain('--pr')
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!
    expect(upload.with).toMatchObject({ name: 'registry-report', path: 'report/' })
    const download = comment.jobs.comment!.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!
    expect(download.with?.name).toBe(upload.with?.name)
  })
})

describe('pr-comment.yml', () => {
  const job = comment.jobs.comment!

  it('runs after CI completes, for pull requests only', () => {
    expect(Object.keys(comment.on)).toEqual(['workflow_run'])
    expect(comment.on.workflow_run).toEqual({ workflows: [ci.name], types: ['completed'] })
    expect(job.if).toContain("github.event.workflow_run.event == 'pull_request'")
  })

  it('least privilege: pull-requests write (the comment) and statuses write (the fork status), plus reading actions and contents', () => {
    expect(comment.permissions).toEqual({})
    expect(job.permissions).toEqual({ actions: 'read', contents: 'read', 'pull-requests': 'write', statuses: 'write' })
  })

  it('never checks out or runs the pull request’s code under its write token', () => {
    for (const step of checkouts(job)) {
      // No ref: the default branch. A ref, repository or head sha from the event would fetch the pull request.
      expect(step.with?.ref).toBeUndefined()
      expect(step.with?.repository).toBeUndefined()
    }
    const text = JSON.stringify(job.steps)
    expect(text).not.toMatch(/workflow_run\.(head_branch|head_repository)|pull_requests\[|refs\/pull\//)
    // The artifact is data: kept outside the work tree, never executed, never installed.
    const download = job.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!
    expect(String(download.with?.path)).toMatch(/^\$\{\{ runner\.temp \}\}/)
    for (const step of job.steps.filter((s) => s.run)) {
      expect(step.run).not.toMatch(/npm (test|run build)|registry\.mjs (validate|build)|bash .*REPORT_DIR|source /)
    }
    const post = job.steps.find((s) => s.run?.includes('registry.mjs report --pr'))!
    // The artifact is data, checked and rendered by this branch's code; no markdown is posted as written.
    expect(post.run).toContain('--data "$REPORT_DIR/report.json"')
    expect(post.run).not.toMatch(/--body-file|report\.md/)
    // The pull request number from the artifact is checked: digits, and the head commit CI ran on.
    expect(post.run).toContain("*[!0-9]*")
    expect(post.env?.HEAD_SHA).toBe('${{ github.event.workflow_run.head_sha }}')
    expect(post.run).toContain('$HEAD_SHA')
  })
})

describe('pages.yml', () => {
  it('builds on pushes to main, after each evidence run, and by hand; never on pull requests', () => {
    expect(Object.keys(pages.on).sort()).toEqual(['push', 'workflow_dispatch', 'workflow_run'])
    expect(pages.on.push).toEqual({ branches: ['main'] })
    // workflow_run runs the default branch's code; the evidence workflow itself never runs on pull requests.
    expect(pages.on.workflow_run).toEqual({ workflows: [evidence.name], types: ['completed'] })
    expect(pages.jobs.build!.if).toBe("github.event_name != 'workflow_run' || github.event.workflow_run.conclusion == 'success'")
  })

  it('builds with the latest evidence read from its branch, running no online check itself', () => {
    const build = pages.jobs.build!
    const fetch = build.steps.find((s) => s.run?.includes('evidence --fetch'))!
    expect(fetch.run).toBe('node bin/registry.mjs evidence --fetch "$RUNNER_TEMP/evidence/evidence.json" --repo "$REPOSITORY"')
    const compile = build.steps.find((s) => s.run?.includes('npm run build'))!
    expect(build.steps.indexOf(fetch)).toBeLessThan(build.steps.indexOf(compile))
    expect(compile.run).toContain('npm run build -- --evidence "$RUNNER_TEMP/evidence/evidence.json"')
    const scripts = build.steps.map((s) => s.run ?? '').join('\n')
    expect(scripts).not.toMatch(/evidence --out|lint --online|\bnpx\b/)
  })

  it('least privilege: contents read at the top and in the build; pages and id-token write only in the deploy job', () => {
    expect(pages.permissions).toEqual({ contents: 'read' })
    expect(pages.jobs.build!.permissions).toEqual({ contents: 'read' })
    expect(pages.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' })
    for (const [name, job] of Object.entries(pages.jobs)) {
      if (name !== 'deploy') expect(writes(jobPermissions(pages, job)), name).toEqual([])
    }
  })

  it('builds the feed and the site with the whole history, and uploads dist/ as the Pages artifact', () => {
    const build = pages.jobs.build!
    expect(checkouts(build)[0]!.with?.['fetch-depth']).toBe(0)
    const at = (predicate: (s: Step) => boolean) => build.steps.findIndex(predicate)
    // The build, with the repository's address for the site's GitHub links and the evidence when there is some (test/workflows/pages-build.test.ts runs it).
    const compile = at((s) => s.run?.includes('npm run build') === true)
    const upload = at((s) => s.uses?.startsWith('actions/upload-pages-artifact@') === true)
    expect(compile).toBeGreaterThan(at((s) => s.run?.startsWith('npm ci') === true))
    expect(upload).toBeGreaterThan(compile)
    expect(build.steps[upload]!.with?.path).toBe('dist/')
    // REGISTRY_SITE=0 would publish the feed without the site.
    expect(JSON.stringify(pages)).not.toContain('REGISTRY_SITE')
  })

  it('deploys after the build, from the artifact alone: no checkout, no script, in the github-pages environment', () => {
    const deploy = pages.jobs.deploy!
    expect(deploy.needs).toBe('build')
    expect(checkouts(deploy)).toEqual([])
    expect(deploy.steps.filter((s) => s.run)).toEqual([])
    expect(deploy.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages'])
    expect(deploy.environment).toMatchObject({ name: 'github-pages' })
    expect(pages.concurrency).toMatchObject({ group: 'pages', 'cancel-in-progress': false })
  })
})

describe('evidence.yml', () => {
  const runs = (job: Job) => job.steps.filter((s) => s.run).map((s) => s.run!)

  it('runs every week and by hand, never on a pull request or a push', () => {
    expect(Object.keys(evidence.on).sort()).toEqual(['schedule', 'workflow_dispatch'])
    expect(evidence.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* [0-6]$/) }])
    expect(evidence.concurrency).toMatchObject({ group: 'evidence', 'cancel-in-progress': false })
  })

  it('least privilege: nothing at the top; the checks read only; contents write only to publish; issues write only for the optional issues', () => {
    expect(evidence.permissions).toEqual({})
    expect(evidence.jobs.check!.permissions).toEqual({ contents: 'read' })
    expect(evidence.jobs.publish!.permissions).toEqual({ contents: 'write' })
    expect(evidence.jobs.issues!.permissions).toEqual({ contents: 'read', issues: 'write' })
    expect(evidence.jobs.issues!.if).toBe("vars.REGISTRY_EVIDENCE_ISSUES == 'true'")
    expect(Object.keys(evidence.jobs).sort()).toEqual(['check', 'issues', 'publish'])
  })

  it('the checks: the previous evidence fetched from its branch, the checker’s cache kept by actions/cache, the change list in the job summary', () => {
    const check = evidence.jobs.check!
    const [fetch, checkRun] = runs(check).filter((r) => r.includes('registry.mjs evidence'))
    expect(fetch).toBe('node bin/registry.mjs evidence --fetch "$RUNNER_TEMP/previous/evidence.json" --repo "$REPOSITORY"')
    expect(checkRun).toBe('node bin/registry.mjs evidence --previous "$RUNNER_TEMP/previous/evidence.json" --out "$RUNNER_TEMP/evidence/evidence.json" --format markdown >> "$GITHUB_STEP_SUMMARY"')
    const cache = check.steps.find((s) => s.uses?.startsWith('actions/cache@'))!
    expect(cache.with).toMatchObject({ path: '.cache/online-checks.json', 'restore-keys': 'online-checks-' })
    expect(check.steps.indexOf(cache)).toBeLessThan(check.steps.findIndex((s) => s.run === checkRun))
    const upload = check.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!
    expect(upload.with).toMatchObject({ name: 'evidence', path: '${{ runner.temp }}/evidence/evidence.json', 'if-no-files-found': 'error' })
    // The checks' token only reads: GITHUB_TOKEN for the public repositories, nothing else.
    for (const step of check.steps) for (const value of Object.values(step.env ?? {})) expect(String(value)).toMatch(/^\$\{\{ (secrets\.GITHUB_TOKEN|github\.repository) \}\}$/)
  })

  it('publication and issues read the checks’ file as data (downloaded outside the work tree), after the checks, and run the default branch’s code only', () => {
    for (const name of ['publish', 'issues'] as const) {
      const job = evidence.jobs[name]!
      const download = job.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!
      expect(download.with).toEqual({ name: 'evidence', path: '${{ runner.temp }}/evidence' })
      for (const step of checkouts(job)) expect(step.with?.ref).toBeUndefined()
    }
    expect(evidence.jobs.publish!.needs).toBe('check')
    expect(evidence.jobs.issues!.needs).toBe('publish')
    expect(runs(evidence.jobs.publish!)).toContain('node bin/registry.mjs evidence --publish "$RUNNER_TEMP/evidence/evidence.json" --repo "$REPOSITORY"')
    expect(runs(evidence.jobs.issues!)).toContain('node bin/registry.mjs evidence --notify "$RUNNER_TEMP/evidence/evidence.json" --repo "$REPOSITORY"')
  })

  it('each job installs only the runtime dependencies, which hold everything evidence runs', () => {
    for (const [name, job] of Object.entries(evidence.jobs)) {
      expect(runs(job).filter((r) => /\bnpm (ci|install|i)\b|playwright|apt-get/.test(r)), name).toEqual(['npm ci --omit=dev --no-audit --no-fund'])
    }
  })

  it('the registry is run as node bin/registry.mjs, never through npx', () => {
    const scripts = Object.values(evidence.jobs).flatMap(runs)
    expect(scripts.filter((r) => r.includes('registry')).length).toBe(4)
    for (const r of scripts) expect(r).not.toMatch(/\bnpx\b/)
  })
})
