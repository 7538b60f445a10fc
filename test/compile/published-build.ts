/**
 * The test corpus of the consumer-facing tests (OpenAPI contract, types,
 * index.json, the example consumer script): the repository's own fiches in a
 * real git repository with a site URL and a short history (a merged branch,
 * a deletion), built by the CLI with online evidence. Every published file
 * exists in its output: changes.json, changes.atom, trends.json and
 * evidence.json included.
 */
import fs from 'node:fs'
import path from 'node:path'
import { REPO, run, runFolder, tempDir } from '../cli/run.ts'
import { Repo, startup } from '../history/git-repo.ts'
import { writeEvidence } from '../../scripts/evidence/evidence-files.ts'
import { readConfig, runValidation } from '../../scripts/registry.ts'
import { evidenceOf } from '../evidence/helpers.ts'

export const SITE = 'https://registre.example.org'

export interface PublishedBuild {
  repo: Repo
  out: string
}

function repositoryFiches(): Record<string, string> {
  const files: Record<string, string> = {}
  for (const c of ['incubators', 'organisations', 'startups']) for (const f of fs.readdirSync(path.join(REPO, c))) files[`${c}/${f}`] = fs.readFileSync(path.join(REPO, c, f), 'utf8')
  return files
}

/** The repository's fiches, committed in 2026, then changed on a branch merged later, and a fiche removed. */
export function publishedRepo(repo = Repo.init()): Repo {
  repo.commit('2026-03-02T10:00:00+01:00', { ...repositoryFiches(), 'registry.config.json': JSON.stringify({ siteUrl: SITE }), 'startups/ephemere.md': startup('Éphémère') }, 'import')
  repo.git('checkout', '-q', '-b', 'edit')
  repo.commit('2026-04-01T10:00:00+02:00', { 'startups/biblio-partage.md': fs.readFileSync(path.join(REPO, 'startups/biblio-partage.md'), 'utf8').replace(/\n---\n/, '\n---\n\nUn paragraphe ajouté.\n') }, 'biblio-partage: body')
  repo.git('checkout', '-q', 'main')
  repo.commit('2026-04-10T10:00:00+02:00', { 'startups/ephemere.md': null }, 'remove ephemere')
  repo.merge('edit', '2026-05-04T10:00:00+02:00')
  return repo
}

/** Online evidence for the published repository's fiches: two weekly runs in May 2026 (evidence.json, trends.json's evidence), written in `dir`. */
async function publishedEvidence(root: string, dir: string): Promise<string> {
  const config = await readConfig(root)
  const { records } = await runValidation(root, config, 'fr')
  const file = path.join(dir, 'evidence.json')
  await writeEvidence(file, evidenceOf(records, config, ['2026-05-11T05:17:00.000Z', '2026-05-18T05:17:00.000Z']))
  return file
}

/** Builds the published repository (serially, or with the worker thread) into `dir`/dist, with online evidence. */
export async function publishedBuild(threads: '0' | '1' = '0', repo = publishedRepo(), dir = tempDir()): Promise<PublishedBuild> {
  const out = path.join(dir, 'dist')
  const r = await run(['build', '--root', repo.root, '--out', out, '--evidence', await publishedEvidence(repo.root, dir)], { env: { REGISTRY_THREADS: threads } })
  if (r.code !== 0) throw new Error(`build failed: ${r.stdout}${r.stderr}`)
  return { repo, out }
}

let sharedRepo: Repo | undefined
const shared = new Map<string, Promise<PublishedBuild>>()

/**
 * The published repository's build, serial or with the worker thread, made once per test
 * process for the files that only read it (both from the same repository), in the run's folder:
 * each such file used to make its own, about a second of processor each.
 */
export function sharedPublishedBuild(threads: '0' | '1' = '0'): Promise<PublishedBuild> {
  let build = shared.get(threads)
  if (!build) {
    sharedRepo ??= publishedRepo(Repo.init(runFolder('published-repo-')))
    build = publishedBuild(threads, sharedRepo, runFolder(`published-build-${threads}-`))
    shared.set(threads, build)
  }
  return build
}

/** Every file under `dir` (relative POSIX paths), sorted. */
export function listFiles(dir: string, under = ''): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(path.join(dir, under), { withFileTypes: true })) {
    const rel = under ? `${under}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...listFiles(dir, rel))
    else out.push(rel)
  }
  return out.sort()
}
