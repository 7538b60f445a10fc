import { describe, expect, it } from 'vitest'
import rule from '../../../scripts/lint/rules/accessibility-status.ts'
import { fiche } from '../phases.ts'
import { lintCase, testRule } from '../rule-tester.ts'

const status = (v: string): [string, string] => ['accessibility_status: partiellement conforme', v]
const phase = (name: string, extra = '') => `${extra}phases:\n  - name: investigation\n    start: 2022-01-03\n  - name: construction\n    start: 2022-09-01\n${name === 'construction' ? '' : `  - name: ${name}\n    start: 2024-01-15\n`}`
const launch = 'events:\n  - name: product_launch\n    date: 2023-03-01\n'

testRule(rule, {
  valid: [
    { name: 'partiellement conforme', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'totalement conforme', fiche: status('accessibility_status: totalement conforme') },
    { name: 'non conforme in construction: the statement of an unaudited service ([a11y-2])', fiche: status('accessibility_status: non conforme') },
    { name: 'non conforme in acceleration ([a11y-2])', fiche: fiche(`link: https://exemple.beta.gouv.fr\naccessibility_status: non conforme\n${phase('acceleration')}`) },
    { name: 'investigation', fiche: fiche('phases:\n  - name: investigation\n    start: 2024-01-01\n') },
    { name: 'construction without link, launched the day construction started (a project start)', fiche: fiche(`link: ''\nphases:\n  - name: construction\n    start: 2024-01-08\nevents:\n  - name: product_launch\n    date: 2024-01-08\n`) },
    { name: 'non conforme but ended', fiche: fiche('accessibility_status: non conforme\nphases:\n  - name: abandon\n    start: 2024-01-01\n') },
    { name: 'partiellement conforme in consolidation', fiche: fiche(`link: https://exemple.beta.gouv.fr\naccessibility_status: partiellement conforme\n${phase('consolidation')}`) },
  ],
  invalid: [
    { name: 'missing in construction with a link', fiche: status('usertypes_x: 1').map((x, i) => (i === 1 ? '' : `${x}\n`)) as [string, string], errors: [['missing', 1, 1]] },
    { name: 'missing in construction after a launch', fiche: fiche(`link: ''\n${phase('construction', launch)}`), errors: [['missing', 1, 1]] },
    { name: 'non conforme in consolidation, an audit expected ([a11y-3], at the value)', fiche: fiche(`link: https://exemple.beta.gouv.fr\naccessibility_status: non conforme\n${phase('consolidation')}`), errors: [['declaredNonConforme', 6, 23]] },
    { name: 'non conforme in opere', fiche: fiche(`accessibility_status: non conforme\n${phase('opere')}`), errors: [['declaredNonConforme', 5, 23]] },
  ],
})

describe('the message says what makes the product live ([en-ligne-4])', () => {
  it.each([
    ['a link', fiche(`link: https://exemple.beta.gouv.fr\n${phase('construction')}`), 'La fiche donne l’adresse du service (link), mais la fiche ne déclare pas'],
    ['a launch', fiche(`link: ''\n${phase('construction', launch)}`), 'La fiche indique un lancement le 2023-03-01, mais'],
    ['the phase', fiche(phase('acceleration')), 'Le produit est en accélération, mais'],
  ])('%s', (_name, text, start) => {
    expect(lintCase(rule, { name: '', fiche: text, asOf: '2024-06-01' }).fr[0]!.message).toContain(start)
  })
})

/**
 * [a11y-4]: every accessibility_status line a hint offers, applied as written, leaves no warning of
 * this rule in the same phase — in French and in English, from every state the rule reports.
 */
describe('the hints, applied literally, never contradict each other', () => {
  const states: [string, string][] = [
    ['no status', ''],
    ['non conforme', 'accessibility_status: non conforme\n'],
  ]
  const phases: [string, string][] = [
    ['construction with a link', `link: https://exemple.beta.gouv.fr\n${phase('construction')}`],
    ['construction after a launch', `link: ''\n${phase('construction', launch)}`],
    ['acceleration', `link: https://exemple.beta.gouv.fr\n${phase('acceleration')}`],
    ['consolidation', `link: https://exemple.beta.gouv.fr\n${phase('consolidation')}`],
    ['opere', `link: https://exemple.beta.gouv.fr\n${phase('opere')}`],
  ]
  const offered = (hint: string) => [...hint.matchAll(/[«"] ?accessibility_status: ([a-z ]+?) ?[»"]/g)].map((m) => m[1]!)
  let warned = 0
  it.each(phases.flatMap(([p, front]) => states.map(([s, line]) => [`${p}, ${s}`, `${line}${front}`] as const)))('%s', (_name, front) => {
    const before = lintCase(rule, { name: '', fiche: fiche(front) })
    for (const [lang, diagnostics] of [['fr', before.fr], ['en', before.en]] as const) {
      for (const d of diagnostics) {
        const values = offered(d.hint)
        expect(values.length, `${lang}: ${d.hint}`).toBeGreaterThan(0)
        for (const v of values) {
          const fixed = `accessibility_status: ${v}\n${front.replace('accessibility_status: non conforme\n', '')}`
          expect(lintCase(rule, { name: '', fiche: fiche(fixed) }).fr, `${lang}: « ${v} » from « ${d.hint} »`).toEqual([])
        }
      }
    }
    warned += before.fr.length
  })
  it('covered every message of the rule', () => {
    // 5 phases with no status, and non conforme in consolidation and opere.
    expect(warned).toBe(7)
  })
})
