/**
 * api/v1/index.json: every published file with its fingerprint and the date
 * its content may last have changed, from the main line of the history.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildFeed } from '../../scripts/compile/build-feed.ts'
import { CONTRACT_RELEASED } from '../../scripts/compile/feed-schema.ts'
import { publishedDates } from '../../scripts/compile/published-index.ts'
import { mainLine } from '../../scripts/history/history-files.ts'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { validateRegistry } from '../../scripts/validate/validate-registry.ts'
import { cleanTemps, snapshotTree } from '../cli/run.ts'
import { cleanRepos, Repo, startup } from '../history/git-repo.ts'
import { BASE, sources } from '../helpers.ts'
import { listFiles, sharedPublishedBuild, SITE, type PublishedBuild } from './published-build.ts'

afterAll(() => {
  cleanTemps()
  cleanRepos()
})

const read = (out: string, file: string) => fs.readFileSync(path.join(out, file))

describe('index.json of a build', () => {
  let serial: PublishedBuild
  let threaded: PublishedBuild
  beforeAll(async () => {
    serial = await sharedPublishedBuild('0')
    threaded = await sharedPublishedBuild('1')
  }, 120_000)
  const index = () => JSON.parse(read(serial.out, 'api/v1/index.json').toString('utf8'))

  it('lists every file under api/ but itself, with the SHA-256 and size of its bytes', () => {
    const files = listFiles(serial.out).filter((f) => f.startsWith('api/') && f !== 'api/v1/index.json')
    expect(index().published.map((p: { path: string }) => p.path)).toEqual(files)
    for (const p of index().published) {
      const bytes = read(serial.out, p.path)
      expect(p, p.path).toMatchObject({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length })
    }
  })

  it('is the same, byte for byte, when a worker thread writes half of the files', () => {
    expect(snapshotTree(threaded.out)).toEqual(snapshotTree(serial.out))
  })

  it('says which contract it follows, under which licence the data is, and where the document is', () => {
    expect(index()).toMatchObject({
      api_version: '1.3',
      contract: { version: '1.3', released: CONTRACT_RELEASED, openapi: `${SITE}/api/openapi.json` },
      licence: { id: 'etalab-2.0', name: 'Licence Ouverte 2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
      files: { v3_startup: `${SITE}/api/v3/startups/{id}.json`, openapi: `${SITE}/api/openapi.json`, changes_atom: `${SITE}/api/v1/changes.atom` },
    })
  })

  it('dates each file from the main line: a fiche’s files by its last merge, aggregates by their folders, schemas by the contract', () => {
    const updated = Object.fromEntries(index().published.map((p: { path: string; updated: string }) => [p.path, p.updated]))
    // biblio-partage changed on a branch on 2026-04-01, merged on 2026-05-04: the merge is when it changed on the main line.
    expect(updated['api/v3/startups/biblio-partage.json']).toBe('2026-05-04')
    expect(updated['api/v3/startups/calamites-express.json']).toBe('2026-03-02')
    // The removal of a fiche on 2026-04-10, then the merge, changed the lists.
    expect(updated['api/v3/startups.json']).toBe('2026-05-04')
    expect(updated['api/v2.7/organisations.json']).toBe('2026-03-02')
    expect(updated['api/v1/changes.json']).toBe('2026-05-04')
    // The standards are judged as of HEAD's date (the merge), with the online evidence of the last run (2026-05-18), later.
    expect(updated['api/v1/standards.json']).toBe('2026-05-18')
    expect(updated['api/v1/evidence.json']).toBe('2026-05-18')
    expect(updated['api/v1/trends.json']).toBe('2026-05-18')
    expect(updated['api/openapi.json']).toBe(CONTRACT_RELEASED)
    expect(updated['api/v1/schemas/startups.schema.json']).toBe(CONTRACT_RELEASED)
  })
})

describe('publishedDates', () => {
  const FUTURE = startup('Future', [['investigation', '2026-01-05'], ['construction', '2026-06-01']])
  const setup = async () => {
    const repo = Repo.init()
    repo.commit('2026-02-01T10:00:00+01:00', { ...BASE, 'startups/future.md': FUTURE })
    repo.commit('2026-03-01T10:00:00+01:00', { 'organisations/ademe.md': BASE['organisations/ademe.md']!.replace('ADEME', 'Ademe') })
    const all = sources({ ...BASE, 'startups/future.md': FUTURE })
    const { records } = validateRegistry(all, all, DEFAULT_CONFIG)
    return { records, commits: await mainLine(repo.root, DEFAULT_CONFIG) }
  }

  it('dates the online evidence by its last run, and what reads it by that day when it is later', async () => {
    const { records, commits } = await setup()
    const dates = publishedDates(records, DEFAULT_CONFIG, commits, '2026-03-01', '2026-03-09')
    expect(['api/v1/evidence.json', 'api/v1/standards.json', 'api/v1/startups.json', 'api/v1/trends.json', 'api/v1/organisations.json'].map(dates)).toEqual(['2026-03-09', '2026-03-09', '2026-03-09', '2026-03-09', '2026-03-01'])
    expect(publishedDates(records, DEFAULT_CONFIG, commits, '2026-03-01')('api/v1/evidence.json')).toBeNull()
  })

  it('raises a v1 startup file to the start of a phase begun since its last commit (its current_phase changed that day)', async () => {
    const { records, commits } = await setup()
    expect(publishedDates(records, DEFAULT_CONFIG, commits, '2026-04-01')('api/v1/startups/future.json')).toBe('2026-02-01')
    expect(publishedDates(records, DEFAULT_CONFIG, commits, '2026-07-01')('api/v1/startups/future.json')).toBe('2026-06-01')
    // The v3 file has no current phase: its fiche's commit only.
    expect(publishedDates(records, DEFAULT_CONFIG, commits, '2026-07-01')('api/v3/startups/future.json')).toBe('2026-02-01')
  })

  it('dates an aggregate by the folders it reads', async () => {
    const { records, commits } = await setup()
    const updated = publishedDates(records, DEFAULT_CONFIG, commits, '2026-03-01')
    expect(updated('api/v2.7/sponsors.json')).toBe('2026-03-01')
    expect(updated('api/v2.7/startups.csv')).toBe('2026-02-01')
    expect(updated('api/v1/organisations.json')).toBe('2026-03-01')
    expect(updated('api/v1/incubators.json')).toBe('2026-02-01')
  })

  it('gives null without history, and for a fiche never committed', async () => {
    const { records, commits } = await setup()
    expect(publishedDates(records, DEFAULT_CONFIG, null, '2026-03-01')('api/v3/startups.json')).toBeNull()
    const extra = validateRegistry(sources({ 'startups/neuve.md': startup('Neuve') }), sources({ ...BASE, 'startups/neuve.md': startup('Neuve') }), DEFAULT_CONFIG).records
    expect(publishedDates([...records, ...extra], DEFAULT_CONFIG, commits, '2026-03-01')('api/v3/startups/neuve.json')).toBeNull()
  })

  it('in memory, buildFeed lists the same fingerprints as the files it returns', () => {
    const all = sources(BASE)
    const { records } = validateRegistry(all, all, DEFAULT_CONFIG)
    const files = buildFeed(records, DEFAULT_CONFIG, { commit: null })
    for (const p of JSON.parse(files.get('api/v1/index.json')!).published) {
      expect(p.sha256).toBe(createHash('sha256').update(files.get(p.path)!, 'utf8').digest('hex'))
      expect(p.updated).toBeNull()
    }
  })
})
