/**
 * Cross-file rules, one case each, on the base registry of the helpers:
 * references between fiches (incubator, co-incubation, sponsors, owner,
 * highlighted startups) and ids (duplicates, case and Unicode collisions,
 * format, invalid names, the redundant id field).
 *
 * Base startup (startups/exemple.md):     Base incubator (incubators/dinum.md):
 *   1 ---                                    1 ---
 *   2 title: Exemple                         2 title: Incubateur de la DINUM
 *   3 mission: …                             3 owner: /organisations/dinum      (value col 8)
 *   4 incubator: dinum        (col 12)       …
 *   5 sponsors:                             10 highlighted_startups:
 *   6   - /organisations/dinum (col 5)      11   - exemple                     (col 5)
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { organisationId } from '../../scripts/validate/references.ts'
import { BASE, check, editStartup, located, onlyMessage, replaceOnce } from '../helpers.ts'

const STARTUP = BASE['startups/exemple.md']!
const ORGANISATION = BASE['organisations/ademe.md']!
const editIncubator = (id: 'dinum' | 'ademe', from: string, to: string) => ({ [`incubators/${id}.md`]: replaceOnce(BASE[`incubators/${id}.md`]!, from, to) })

type Quad = [string, string, number, number]
const S = 'startups/exemple.md'

const REFERENCES: [string, Record<string, string | null>, Quad[], string?][] = [
  ['an unknown incubator, with a suggestion', editStartup('incubator: dinum', 'incubator: dinun'), [[S, 'ref/unknown-incubator', 4, 12]], "L’incubateur « dinun » n’existe pas. Vouliez-vous dire « dinum » ?"],
  ['an unknown incubator, nothing close', editStartup('incubator: dinum', 'incubator: inconnu'), [[S, 'ref/unknown-incubator', 4, 12]], "L’incubateur « inconnu » n’existe pas."],
  ['the incubator whose fiche was removed', { 'incubators/dinum.md': null }, [[S, 'ref/unknown-incubator', 4, 12]]],
  ['a co-incubation list without the main incubator (at the key)', editStartup('incubator: dinum', 'incubator: dinum\nincubators:\n  - ademe'), [[S, 'ref/co-incubation-main', 5, 1]], "La liste incubators ne contient pas l’incubateur principal « dinum »."],
  ['an empty main incubator with a co-incubation list: only the schema error', editStartup('incubator: dinum', "incubator: ''\nincubators:\n  - dinum"), [[S, 'schema/format', 4, 12]]],
  ['an unknown co-incubator', editStartup('incubator: dinum', 'incubator: dinum\nincubators:\n  - dinum\n  - ademee'), [[S, 'ref/unknown-incubator', 7, 5]], "L’incubateur « ademee » n’existe pas. Vouliez-vous dire « ademe » ?"],
  ['an unknown main incubator also in the co-incubation list (both places)', editStartup('incubator: dinum', 'incubator: dinun\nincubators:\n  - dinun\n  - ademe'), [[S, 'ref/unknown-incubator', 4, 12], [S, 'ref/unknown-incubator', 6, 5]]],
  ['an unknown sponsor, with a suggestion', editStartup('  - /organisations/dinum', '  - /organisations/dinun'), [[S, 'ref/unknown-sponsor', 6, 5]], "L’organisation « dinun » n’existe pas. Vouliez-vous dire « dinum » ?"],
  ['an unknown second sponsor', editStartup('  - /organisations/dinum', '  - /organisations/dinum\n  - /organisations/inconnue'), [[S, 'ref/unknown-sponsor', 7, 5]], "L’organisation « inconnue » n’existe pas."],
  ['a sponsor that is not a reference: the schema reports it, not the reference check', editStartup('  - /organisations/dinum', '  - dinum'), [[S, 'schema/format', 6, 5]]],
  ['a sponsor that is a startup id, not an organisation', editStartup('  - /organisations/dinum', '  - /organisations/exemple'), [[S, 'ref/unknown-sponsor', 6, 5]]],
  ['an unknown owner of an incubator', editIncubator('ademe', 'owner: /organisations/ademe', 'owner: /organisations/adem'), [['incubators/ademe.md', 'ref/unknown-owner', 3, 8]], "L’organisation « adem » n’existe pas. Vouliez-vous dire « ademe » ?"],
  ['an unknown highlighted startup', editIncubator('dinum', '  - exemple', '  - exempel'), [['incubators/dinum.md', 'ref/unknown-startup', 11, 5]], "La startup « exempel » n’existe pas. Vouliez-vous dire « exemple » ?"],
  ['the highlighted startup whose fiche was removed', { 'startups/exemple.md': null }, [['incubators/dinum.md', 'ref/unknown-startup', 11, 5]]],
]

const ACCEPTED: [string, Record<string, string | null>][] = [
  ['the base registry (the same id dinum in three collections)', {}],
  ["an empty owner ''", editIncubator('ademe', 'owner: /organisations/ademe', "owner: ''")],
  ['a co-incubation list with the main incubator, in any order', editStartup('incubator: dinum', 'incubator: dinum\nincubators:\n  - ademe\n  - dinum')],
  ['a second known sponsor', editStartup('  - /organisations/dinum', '  - /organisations/dinum\n  - /organisations/ademe')],
  ['no highlighted startups', editIncubator('dinum', 'highlighted_startups:\n  - exemple\n', '')],
]

describe('references between fiches', () => {
  it.each(REFERENCES)('%s', (_case, files, expected, message) => {
    const diagnostics = check(files)
    expect(located(diagnostics)).toEqual(expected)
    if (message !== undefined) expect(onlyMessage(diagnostics)).toBe(message)
    for (const d of diagnostics) expect(d.severity).toBe('error')
  })

  it.each(ACCEPTED)('accepts %s', (_case, files) => {
    expect(check(files)).toEqual([])
  })

  it('names the configured folder in the hint', () => {
    const [d] = check(editStartup('incubator: dinum', 'incubator: dinun'))
    expect(d?.hint).toBe("Remplacez « dinun » par « dinum ». Utilisez le nom d’un fichier de incubators/ sans .md, ou ajoutez la fiche de l’incubateur dans la même pull request.")
  })
})

describe('a fiche that fails to parse still exists for references (no cascade)', () => {
  it.each([
    ['an empty organisation (sponsor and owner)', { 'organisations/dinum.md': '' }, [['organisations/dinum.md', 'file/empty', 1, 1]]],
    ['an incubator with a duplicate key', { 'incubators/dinum.md': '---\ntitle: A\ntitle: B\n---\n' }, [['incubators/dinum.md', 'yaml/duplicate-key', 3, 1]]],
    ['an incubator whose front matter is not closed', { 'incubators/dinum.md': '---\ntitle: A\n' }, [['incubators/dinum.md', 'frontmatter/unterminated', 1, 1]]],
    ['a highlighted startup without front matter', { 'startups/exemple.md': '# Exemple\n' }, [['startups/exemple.md', 'frontmatter/missing', 1, 1]]],
    ['a startup whose front matter is a list', { 'startups/exemple.md': '---\n- a\n---\n' }, [['startups/exemple.md', 'frontmatter/not-mapping', 2, 1]]],
  ] as [string, Record<string, string>, Quad[]][])('%s', (_case, files, expected) => {
    expect(located(check(files))).toEqual(expected)
  })
})

describe('ids', () => {
  const NFC = 'startups/caf\u00e9.md'
  const NFD = 'startups/cafe\u0301.md'
  it.each([
    ['the same id with and without .md (reported on the second file)', { 'organisations/idfm': ORGANISATION, 'organisations/idfm.md': ORGANISATION }, [['organisations/idfm.md', 'id/duplicate', 1, 1]], "L’identifiant « idfm » est déjà celui de organisations/idfm."],
    ['ids that differ only by case', { 'startups/Foo.md': STARTUP, 'startups/foo.md': STARTUP }, [['startups/Foo.md', 'id/format', 1, 1], ['startups/foo.md', 'id/case-collision', 1, 1]], undefined],
    ['ids that differ only by Unicode normalisation (NFC é, NFD e + ◌́)', { [NFC]: STARTUP, [NFD]: STARTUP }, [[NFD, 'id/case-collision', 1, 1], [NFD, 'id/format', 1, 1], [NFC, 'id/format', 1, 1]], undefined],
    ['an id with uppercase letters (warning)', { 'startups/auxAJ.md': STARTUP }, [['startups/auxAJ.md', 'id/format', 1, 1]], "L’identifiant « auxAJ » contient des majuscules, des accents ou des caractères spéciaux."],
    ['an id with an accent (warning)', { 'organisations/société.md': ORGANISATION }, [['organisations/société.md', 'id/format', 1, 1]], undefined],
    ['a file name with a space', { 'startups/mon produit.md': STARTUP }, [['startups/mon produit.md', 'id/invalid', 1, 1]], 'Le nom de fichier « mon produit.md » contient des espaces ou des caractères interdits dans une adresse web.'],
    ['a file name with #', { 'startups/a#b.md': STARTUP }, [['startups/a#b.md', 'id/invalid', 1, 1]], undefined],
    ['a file name with ..', { 'startups/a..b.md': STARTUP }, [['startups/a..b.md', 'id/invalid', 1, 1]], undefined],
    ['a file name starting with -', { 'startups/-x.md': STARTUP }, [['startups/-x.md', 'id/invalid', 1, 1]], undefined],
    ['a file named .md (empty id)', { 'startups/.md': STARTUP }, [['startups/.md', 'id/invalid', 1, 1]], undefined],
    ['an organisation whose id field differs from its file name', { 'organisations/dinum.md': replaceOnce(BASE['organisations/dinum.md']!, 'type: administration-centrale\n', 'type: administration-centrale\nid: DINUM\n') }, [['organisations/dinum.md', 'id/mismatch', 6, 5]], "Le champ id vaut « DINUM » mais le fichier s’appelle « dinum »."],
  ] as [string, Record<string, string>, Quad[], string | undefined][])('%s', (_case, files, expected, message) => {
    const diagnostics = check(files)
    expect(located(diagnostics)).toEqual(expected)
    if (message !== undefined) expect(onlyMessage(diagnostics)).toBe(message)
  })

  it.each([
    ['id/format', 'error'],
    ['id/invalid', 'error'],
    ['id/duplicate', 'error'],
    ['id/case-collision', 'error'],
  ])('%s is an %s', (ruleId, severity) => {
    const files = { 'startups/auxAJ.md': STARTUP, 'startups/Auxaj.md': STARTUP, 'startups/a b.md': STARTUP, 'organisations/idfm': ORGANISATION, 'organisations/idfm.md': ORGANISATION }
    const found = check(files).filter((d) => d.ruleId === ruleId)
    expect(found.length).toBeGreaterThan(0)
    for (const d of found) expect(d.severity).toBe(severity)
  })

  describe('with id/format lowered to a warning (as config/beta.gouv.fr.config.json does), file-name safety still holds', () => {
    const lowered = { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, 'id/format': 'warning' as const } }
    it.each([
      ['ſ (long s) and s', 'startups/ſite.md', 'startups/site.md'],
      ['ς (final sigma) and σ', 'startups/ς.md', 'startups/σ.md'],
      ['ı (dotless i) and i', 'startups/lıen.md', 'startups/lien.md'],
      ['µ (micro sign) and μ', 'startups/µ-service.md', 'startups/μ-service.md'],
      ['K (Kelvin sign) and k', 'startups/\u212aelvin.md', 'startups/kelvin.md'],
      ['Ω (Ohm sign) and ω', 'startups/\u2126mega.md', 'startups/ωmega.md'],
      ['Σ and ς', 'startups/Σ.md', 'startups/ς.md'],
    ])('%s collide: an error', (_case, a, b) => {
      const d = check({ [a]: STARTUP, [b]: STARTUP }, { config: lowered })
      expect(d.filter((x) => x.ruleId === 'id/case-collision').map((x) => x.severity)).toEqual(['error'])
    })

    it.each([
      ['a trailing dot, beside the same id without it', { 'startups/biblio-partage..md': STARTUP, 'startups/biblio-partage.md': STARTUP }, 'startups/biblio-partage..md'],
      ['a trailing dot alone', { 'startups/produit..md': STARTUP }, 'startups/produit..md'],
      ['a trailing space', { 'startups/produit .md': STARTUP }, 'startups/produit .md'],
    ])('%s is refused (id/invalid, an error)', (_case, files, file) => {
      const d = check(files, { config: lowered })
      expect(d.filter((x) => x.ruleId === 'id/invalid').map((x) => [x.file, x.severity])).toEqual([[file, 'error']])
    })

    it('ß and ss are different names on these file systems', () => {
      expect(check({ 'startups/straße.md': STARTUP, 'startups/strasse.md': STARTUP }, { config: lowered }).filter((x) => x.ruleId === 'id/case-collision')).toEqual([])
    })
  })

  it('accepts safe ids with digits, dots, dashes and underscores', () => {
    expect(check({ 'startups/a1-b2.c3_d4.md': STARTUP })).toEqual([])
  })
})

describe('organisationId', () => {
  it.each([
    ['/organisations/dinum', 'dinum'],
    ['/organisations/idfm.md', 'idfm.md'],
    ['organisations/dinum', undefined],
    ['/organisations/', undefined],
    ['/organisations/a/b', undefined],
    ['/organisations/a b', undefined],
    ['', undefined],
    [42, undefined],
  ])('%j → %j', (ref, id) => {
    expect(organisationId(ref)).toBe(id)
  })
})
