/**
 * The incubator schema, field by field: one valid fiche that uses every
 * field, then one change per row, with the exact [ruleId, line, column].
 */
import { describe, expect, it } from 'vitest'
import { describeSchemaTable, type, format, type Triple } from './schema-table.ts'
import incubator from '../../schemas/incubator.schema.json' with { type: 'json' }
import { check, onlyMessage, replaceOnce } from '../helpers.ts'

const FILE = 'incubators/ademe.md'

const FICHE = [
  '---', //                                                   1
  "title: Incubateur de l’ADEME", //                          2  value col 8
  'owner: /organisations/ademe', //                           3  col 8
  'contact: incubateur@ademe.fr', //                          4  col 10
  'address: 20 avenue du Grésillé, Angers', //                5  col 10
  'website: https://ademe.beta.gouv.fr', //                   6  col 10
  'github: https://github.com/ademe', //                      7  col 9
  'logo: logo-ademe.png', //                                  8  col 7
  "short_description: L’incubateur de l’ADEME.", //           9  col 20
  'highlighted_startups:', //                                10
  '  - exemple', //                                          11  col 5
  'redirect_from:', //                                       12
  '  - /incubateurs/ademe.html', //                          13  col 5
  'hidden: false', //                                        14  col 9
  '---', //                                                  15
  "L’incubateur de l’Agence de la transition écologique.",
  '',
].join('\n')

const run = (from: string, to: string) => check({ [FILE]: replaceOnce(FICHE, from, to) })

const missingTop: Triple[] = [['schema/required', 1, 1]]

const REJECTED: [string, string, string, string, Triple[]][] = [
  ['title', 'a number', "title: Incubateur de l’ADEME", 'title: 1', type(2, 8)],
  ['title', 'empty text', "title: Incubateur de l’ADEME", "title: ''", format(2, 8)],
  ['title', 'missing', "title: Incubateur de l’ADEME\n", '', missingTop],
  ['owner', 'a number', 'owner: /organisations/ademe', 'owner: 1', type(3, 8)],
  ['owner', 'a list', 'owner: /organisations/ademe', 'owner: [/organisations/ademe]', type(3, 8)],
  ['owner', 'without the leading /', 'owner: /organisations/ademe', 'owner: organisations/ademe', format(3, 8)],
  ['owner', 'a bare id', 'owner: /organisations/ademe', 'owner: ademe', format(3, 8)],
  ['owner', 'missing', 'owner: /organisations/ademe\n', '', missingTop],
  ['contact', 'a boolean', 'contact: incubateur@ademe.fr', 'contact: false', type(4, 10)],
  ['contact', 'no @', 'contact: incubateur@ademe.fr', 'contact: incubateur.ademe.fr', format(4, 10)],
  ['address', 'a number', 'address: 20 avenue du Grésillé, Angers', 'address: 49000', type(5, 10)],
  ['website', 'a number', 'website: https://ademe.beta.gouv.fr', 'website: 1', type(6, 10)],
  ['website', 'no https://', 'website: https://ademe.beta.gouv.fr', 'website: ademe.beta.gouv.fr', format(6, 10)],
  ['website', 'a typo in the key (at the key)', 'website:', 'webiste:', [['schema/unknown-key', 6, 1]]],
  ['github', 'a list', 'github: https://github.com/ademe', 'github: [https://github.com/ademe]', type(7, 9)],
  ['github', 'a bare name', 'github: https://github.com/ademe', 'github: ademe', format(7, 9)],
  ['logo', 'a boolean', 'logo: logo-ademe.png', 'logo: true', type(8, 7)],
  ['short_description', 'a list', "short_description: L’incubateur de l’ADEME.", 'short_description: [a, b]', type(9, 20)],
  ['highlighted_startups', 'a text instead of a list', 'highlighted_startups:\n  - exemple', 'highlighted_startups: exemple', type(10, 23)],
  ['highlighted_startups', 'a number item', '  - exemple', '  - 1', type(11, 5)],
  ['highlighted_startups', 'an empty item', '  - exemple', "  - ''", format(11, 5)],
  ['highlighted_startups', 'an item twice (at the second one)', '  - exemple', '  - exemple\n  - exemple', [['schema/unique-items', 12, 5]]],
  ['redirect_from', 'a text instead of a list', 'redirect_from:\n  - /incubateurs/ademe.html', 'redirect_from: /incubateurs/ademe.html', type(12, 16)],
  ['redirect_from', 'an item without the leading /', '  - /incubateurs/ademe.html', '  - incubateurs/ademe.html', format(13, 5)],
  ['hidden', 'non', 'hidden: false', 'hidden: non', type(14, 9)],
  ['hidden', 'a number', 'hidden: false', 'hidden: 0', type(14, 9)],
]

const ACCEPTED: [string, string, string, string][] = [
  ['owner', "an empty owner ''", 'owner: /organisations/ademe', "owner: ''"],
  ['address', 'absent', 'address: 20 avenue du Grésillé, Angers\n', ''],
  ['website', "an empty address ''", 'website: https://ademe.beta.gouv.fr', "website: ''"],
  ['github', 'absent', 'github: https://github.com/ademe\n', ''],
  ['logo', 'absent', 'logo: logo-ademe.png\n', ''],
  ['short_description', 'absent', "short_description: L’incubateur de l’ADEME.\n", ''],
  ['highlighted_startups', 'an empty list', 'highlighted_startups:\n  - exemple', 'highlighted_startups: []'],
  ['redirect_from', 'absent', 'redirect_from:\n  - /incubateurs/ademe.html\n', ''],
  ['hidden', 'true', 'hidden: false', 'hidden: true'],
]

describeSchemaTable({ name: 'incubator', file: FILE, fiche: FICHE, schema: incubator, rejected: REJECTED, accepted: ACCEPTED, fields: 11 })

describe('incubator schema messages', () => {
  it.each([
    ['an unknown key suggests the field', 'website:', 'webiste:', 'Le champ « webiste » n’existe pas. Vouliez-vous dire « website » ?'],
    ['an owner that is not a reference', 'owner: /organisations/ademe', 'owner: ademe', 'owner doit être une référence de la forme /organisations/<identifiant>, pas « ademe ».'],
    ['a missing owner', 'owner: /organisations/ademe\n', '', 'Le champ obligatoire « owner » est absent.'],
  ])('%s', (_case, from, to, message) => {
    expect(onlyMessage(run(from, to))).toBe(message)
  })
})
