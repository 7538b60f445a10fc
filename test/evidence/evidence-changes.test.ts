import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { issueMarker, issuePlan } from '../../scripts/github/evidence-issues.ts'
import { hostileString, sameElements } from '../report/markdown-check.ts'
import { evidenceChanges } from '../../scripts/evidence/evidence-changes.ts'
import { formatEvidenceChanges } from '../../scripts/evidence/format-evidence-changes.ts'
import { runOf, runs, WEEK } from './helpers.ts'

const A = 'https://a.example/stats'
const F = 'https://flap.example/'
const N = 'https://never.example/'
const R = 'https://github.com/betagouv/app'
const NEW = 'https://new.example/'

const list = (e: ReturnType<typeof runs>) => evidenceChanges(e).changes.map((c) => [c.change, c.target.url, c.before ?? null])

describe('evidenceChanges: what changed at the last run, from the file alone', () => {
  const run1 = runOf(WEEK[0]!, [['url', A, 'ok'], ['url', F, 'dead'], ['url', N, 'dead'], ['repository', R, 'ok']])
  const run2 = runOf(WEEK[1]!, [['url', A, 'dead', { status: 404 }], ['url', F, 'ok'], ['url', N, 'dead'], ['repository', R, 'repo-archived']])
  const run3 = runOf(WEEK[2]!, [['url', A, 'dead', { status: 404 }], ['url', F, 'dead', { status: 503 }], ['url', N, 'dead'], ['repository', R, 'repo-archived'], ['url', NEW, 'unreachable', { detail: 'ENOTFOUND' }]])

  it('the first run compares with nothing', () => {
    const c = evidenceChanges(runs([run1]))
    expect(c).toMatchObject({ at: WEEK[0], changes: [], stillFailing: 0, failing: 2, targets: 4 })
    expect(c.previousAt).toBeUndefined()
  })

  it('the second run: a page dies, a repository is archived, a page comes back; the dead one is still dead', () => {
    const e = runs([run1, run2])
    expect(list(e)).toEqual([
      ['broken', A, 'ok'],
      ['broken', R, 'ok'],
      ['repaired', F, 'dead'],
    ])
    expect(evidenceChanges(e)).toMatchObject({ previousAt: WEEK[0], stillFailing: 1, failing: 3 })
  })

  it('the third run: the page that came back and failed again is flapping, not newly broken; a new address failing at once is listed apart', () => {
    const e = runs([run1, run2, run3])
    expect(list(e)).toEqual([
      ['new-failing', NEW, null],
      ['flapping', F, 'ok'],
    ])
    expect(evidenceChanges(e)).toMatchObject({ stillFailing: 3 })
  })

  it('a page that comes back without flapping is repaired', () => {
    expect(list(runs([runOf(WEEK[0]!, [['url', A, 'dead']]), runOf(WEEK[1]!, [['url', A, 'ok']])]))).toEqual([['repaired', A, 'dead']])
  })

  it('a page that fails again after coming back is flapping rather than newly broken', () => {
    expect(list(runs([runOf(WEEK[0]!, [['url', A, 'dead']]), runOf(WEEK[1]!, [['url', A, 'ok']]), runOf(WEEK[2]!, [['url', A, 'dead']])]))).toEqual([['flapping', A, 'ok']])
  })

  describe('the change list, formatted', () => {
    const e = runs([run1, run2, run3])
    const changes = evidenceChanges(e)
    const run = e.runs[e.runs.length - 1]

    it('stylish: sections, the finding with its dates, what to do', () => {
      const text = formatEvidenceChanges(changes, run, 'fr', 'stylish')
      expect(text).toContain('Preuves en ligne : vérification du 21 septembre 2026 (précédente : 14 septembre 2026).')
      expect(text).toContain('5 adresses vérifiées, 5 en échec.')
      expect(text).toContain('Nouvelles adresses, en échec dès la première vérification (1)')
      expect(text).toContain('Injoignable depuis le 21 septembre 2026 : le nom de domaine n’existe pas (ENOTFOUND).')
      expect(text).toContain('Instables (en échec par intermittence) (1)')
      expect(text).toContain('3 preuves étaient déjà en échec et le restent.')
      expect(text).not.toMatch(/\(s\)|undefined/)
      expect(formatEvidenceChanges(changes, run, 'en', 'stylish')).toContain('Online evidence: check of 21 September 2026 (previous: 14 September 2026).')
    })

    it('markdown: a table per section; values from fiches in code spans (no link, no mention, no HTML)', () => {
      const hostile = runs([runOf(WEEK[0]!, [['url', 'https://x.example/@team<img src=x>|`', 'ok']], '@team'), runOf(WEEK[1]!, [['url', 'https://x.example/@team<img src=x>|`', 'dead']], '@team')])
      const md = formatEvidenceChanges(evidenceChanges(hostile), hostile.runs[1], 'fr', 'markdown')
      expect(md).toContain('### Nouvelles pannes (1)')
      // report/inert-markdown.ts: in code spans (where nothing is a link, a mention or HTML), the pipe escaped.
      expect(md).toContain('| `https://x.example/@team<img src=x>`\\|`` ` `` | `@team` | En erreur depuis le 14 septembre 2026 : le serveur refuse la page. |')
    })

    it.each([
      ['exemple', '<!-- registry-evidence:exemple -->'],
      ['x-->\n@team', '<!-- registry-evidence:x--%3E%0A%40team -->'],
      ['a b--!>c', '<!-- registry-evidence:a%20b--!%3Ec -->'],
    ])('the issue of %j is found again by a marker that its id cannot end', (id, marker) => {
      const e = runs([runOf(WEEK[0]!, [['url', 'https://x.example/', 'ok']], id), runOf(WEEK[1]!, [['url', 'https://x.example/', 'dead', { status: 404 }]], id)])
      const [planned] = issuePlan(e, evidenceChanges(e), new Map(), 'fr')
      expect(planned!.body.split('\n')[0]).toBe(marker)
      expect(issueMarker(id)).toBe(marker)
    })

    it('fiche-derived addresses, ids, titles and file names add no element and no GitHub reference (job summary, issue body)', () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(hostileString, hostileString, hostileString), { minLength: 1, maxLength: 3 }), (values) => {
          const make = (url: (i: number) => string, id: (i: number) => string) =>
            runs([0, 1].map((w) => {
              const run = runOf(WEEK[w]!, values.map((_, i) => ['url', url(i), w === 0 ? 'ok' : 'dead', { status: 404 }] as const) as never)
              return { ...run, startups: new Map(values.map((_, i) => [`url ${url(i)}`, [id(i)]])) }
            }))
          const hostile = make((i) => `https://x.example/${i}${values[i]![0]}`, (i) => `${i}${values[i]![1]}`)
          const benign = make((i) => `https://x.example/${i}`, (i) => `${i}`)
          const summary = (e: typeof hostile) => formatEvidenceChanges(evidenceChanges(e), e.runs[1], 'fr', 'markdown')
          expect(sameElements(summary(hostile), summary(benign))).toEqual({ extra: [], references: [] })
          const bodies = (e: typeof hostile, fiche: (i: number) => { title: string; file: string }) =>
            issuePlan(e, evidenceChanges(e), new Map(values.map((_, i) => [e.targets[i]!.startups[0]!, fiche(i)])), 'fr').map((p) => p.body).join('\n\n')
          const hostileBodies = bodies(hostile, (i) => ({ title: `Produit ${values[i]![2]}`, file: `startups/${values[i]![1]}.md` }))
          const benignBodies = bodies(benign, () => ({ title: 'Produit', file: 'startups/x.md' }))
          expect(sameElements(hostileBodies, benignBodies)).toEqual({ extra: [], references: [] })
        }),
        { numRuns: 100 },
      )
    })

    it('json: every change, with its dates', () => {
      const json = JSON.parse(formatEvidenceChanges(changes, run, 'fr', 'json'))
      expect(json).toMatchObject({ at: WEEK[2], previous_at: WEEK[1], still_failing: 3 })
      expect(json.changes.map((c: { change: string }) => c.change)).toEqual(['new-failing', 'flapping'])
    })
  })
})
