/** The string formats of the schemas, as registered in the registry's Ajv. */
import { describe, expect, it } from 'vitest'
import { createAjv } from '../../scripts/validate/ajv.ts'
import { FORMATS, isCalendarDate, isDateShaped } from '../../scripts/validate/formats.ts'

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true], // leap year (divisible by 4)
    ['2023-02-29', false],
    ['1900-02-29', false], // divisible by 100, not by 400
    ['2000-02-29', true], // divisible by 400
    ['2100-02-29', false],
    ['2023-02-28', true],
    ['2023-02-30', false],
    ['2023-04-30', true],
    ['2023-04-31', false],
    ['2023-06-31', false],
    ['2023-01-31', true],
    ['2023-12-31', true],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-01-00', false],
    ['2023-01-32', false],
    ['2023-1-5', false],
    ['2023-01-5', false],
    ['23-01-05', false],
    ['02/01/2023', false],
    ['20230105', false],
    ['2023-01-05T10:00', false],
    [' 2023-01-05', false],
    ['2023-01-05 ', false],
    ['2023-01-05\n', false],
    ['２０２３-０１-０５', false], // full-width digits
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected)
  })
})

describe('isDateShaped', () => {
  it.each([
    ['2023-02-30', true], // the shape is right, the calendar is not
    ['2023-13-45', true],
    ['2023-2-3', false],
    ['2023/02/03', false],
  ])('%j → %s', (value, expected) => {
    expect(isDateShaped(value)).toBe(expected)
  })
})

const CASES: [string, string, boolean][] = [
  ['date', '2024-02-29', true],
  ['date', '2023-02-29', false],
  ['email', 'contact@beta.gouv.fr', true],
  ['email', 'equipe@exemple.beta.gouv.fr?subject=Bonjour', true], // loose on purpose: mailto targets
  ['email', ' contact@beta.gouv.fr ', true], // spaces are reported by value/untrimmed
  ['email', 'contact.beta.gouv.fr', false],
  ['email', 'contact@beta', false],
  ['email', 'a@b@c.fr', false],
  ['email', 'prénom nom@beta.gouv.fr', false],
  ['email', '', false],
  ['url-or-empty', '', true],
  ['url-or-empty', 'https://beta.gouv.fr', true],
  ['url-or-empty', 'http://beta.gouv.fr/page?x=1#ancre', true],
  ['url-or-empty', 'HTTPS://BETA.GOUV.FR', true],
  ['url-or-empty', ' https://beta.gouv.fr ', true], // spaces are reported by value/untrimmed
  ['url-or-empty', 'beta.gouv.fr', false],
  ['url-or-empty', 'www.beta.gouv.fr', false],
  ['url-or-empty', 'ftp://beta.gouv.fr', false],
  ['url-or-empty', 'https://', false],
  ['url-or-empty', 'https:///chemin', false],
  ['url-or-empty', 'https://beta.gouv.fr/une page', false],
  ['url-or-empty', 'javascript:alert(1)', false],
  ['url-or-empty', '/startups/exemple', false],
  ['non-blank', 'a', true],
  ['non-blank', ' a ', true],
  ['non-blank', '', false],
  ['non-blank', '   ', false],
  ['non-blank', '\n\t', false],
  ['organisation-ref', '/organisations/dinum', true],
  ['organisation-ref', '/organisations/ministère', true], // the id rules are checked on file names
  ['organisation-ref', 'organisations/dinum', false],
  ['organisation-ref', '/organisations/', false],
  ['organisation-ref', '/organisations/a/b', false],
  ['organisation-ref', '/organisations/a b', false],
  ['organisation-ref', '/startups/dinum', false],
  ['organisation-ref', '', false],
  ['organisation-ref-or-empty', '', true],
  ['organisation-ref-or-empty', '/organisations/dinum', true],
  ['organisation-ref-or-empty', ' ', false],
  ['organisation-ref-or-empty', 'dinum', false],
  ['absolute-path', '/startups/ancien-nom.html', true],
  ['absolute-path', '/', true],
  ['absolute-path', 'startups/ancien-nom.html', false],
  ['absolute-path', '/ancien nom', false],
  ['absolute-path', 'https://beta.gouv.fr/x', false],
  ['member-id', 'camille.martin', true],
  ['member-id', 'camille-martin_2', true],
  ['member-id', '0camille', true],
  ['member-id', 'Camille.Martin', false],
  ['member-id', '.camille', false],
  ['member-id', 'camille martin', false],
  ['member-id', 'camille@beta.gouv.fr', false],
  ['member-id', '', false],
]

describe('FORMATS', () => {
  const ajv = createAjv()

  it('has one row per format below', () => {
    expect(new Set(CASES.map((c) => c[0]))).toEqual(new Set(Object.keys(FORMATS)))
  })

  it.each(CASES)('%s: %j → %s', (format, value, expected) => {
    expect(FORMATS[format]!(value)).toBe(expected)
  })

  it.each(CASES)('Ajv format %s: %j → %s', (format, value, expected) => {
    const validate = ajv.compile({ type: 'string', format })
    expect(validate(value)).toBe(expected)
  })
})
