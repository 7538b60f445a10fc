/**
 * The organisation schema, field by field: one valid fiche that uses every
 * field, then one change per row, with the exact [ruleId, line, column].
 */
import { describe, expect, it } from 'vitest'
import { describeSchemaTable, type, format, enumError, type Triple } from './schema-table.ts'
import organisation from '../../schemas/organisation.schema.json' with { type: 'json' }
import { check, onlyMessage, replaceOnce } from '../helpers.ts'

const FILE = 'organisations/idfm.md'

const FICHE = [
  '---', //                                                                1
  'name: Île-de-France Mobilités', //                                      2  value col 7
  'acronym: IDFM', //                                                      3  col 10
  'domaine_ministeriel: territoires', //                                   4  col 22
  'type: operateur', //                                                    5  col 7
  'id: idfm', //                                                           6  col 5
  'annuaire: https://lannuaire.service-public.fr/ile-de-france/idfm', //   7  col 11
  '---', //                                                                8
  'Autorité organisatrice des mobilités en Île-de-France.',
  '',
].join('\n')

const run = (from: string, to: string) => check({ [FILE]: replaceOnce(FICHE, from, to) })

const missingTop: Triple[] = [['schema/required', 1, 1]]

const REJECTED: [string, string, string, string, Triple[]][] = [
  ['name', 'a number', 'name: Île-de-France Mobilités', 'name: 75', type(2, 7)],
  ['name', 'empty text', 'name: Île-de-France Mobilités', "name: ''", format(2, 7)],
  ['name', 'blank text (and untrimmed)', 'name: Île-de-France Mobilités', "name: '  '", [['schema/format', 2, 7], ['value/untrimmed', 2, 7]]],
  ['name', 'missing', 'name: Île-de-France Mobilités\n', '', missingTop],
  ['acronym', 'a number', 'acronym: IDFM', 'acronym: 12', type(3, 10)],
  ['acronym', 'a typo in the key (at the key)', 'acronym: IDFM', 'acronyme: IDFM', [['schema/unknown-key', 3, 1]]],
  ['domaine_ministeriel', 'a list (one enum error)', 'domaine_ministeriel: territoires', 'domaine_ministeriel: [territoires]', enumError(4, 22)],
  ['domaine_ministeriel', 'a typo', 'domaine_ministeriel: territoires', 'domaine_ministeriel: territoire', enumError(4, 22)],
  ['domaine_ministeriel', 'missing', 'domaine_ministeriel: territoires\n', '', missingTop],
  ['type', 'a number (one enum error)', 'type: operateur', 'type: 1', enumError(5, 7)],
  ['type', 'an English word', 'type: operateur', 'type: operator', enumError(5, 7)],
  ['type', 'missing', 'type: operateur\n', '', missingTop],
  ['id', 'a number', 'id: idfm', 'id: 42', type(6, 5)],
  ['id', 'different from the file name', 'id: idfm', 'id: IDFM', [['id/mismatch', 6, 5]]],
  ['annuaire', 'a boolean', 'annuaire: https://lannuaire.service-public.fr/ile-de-france/idfm', 'annuaire: true', type(7, 11)],
  ['annuaire', 'no https://', 'annuaire: https://lannuaire.service-public.fr/ile-de-france/idfm', 'annuaire: lannuaire.service-public.fr', format(7, 11)],
]

const ACCEPTED: [string, string, string, string][] = [
  ['acronym', 'absent', 'acronym: IDFM\n', ''],
  ['id', 'absent', 'id: idfm\n', ''],
  ['id', 'quoted, same as the file name', 'id: idfm', "id: 'idfm'"],
  ['annuaire', 'absent', 'annuaire: https://lannuaire.service-public.fr/ile-de-france/idfm\n', ''],
  ['annuaire', "an empty address ''", 'annuaire: https://lannuaire.service-public.fr/ile-de-france/idfm', "annuaire: ''"],
  ['domaine_ministeriel', 'another allowed value', 'domaine_ministeriel: territoires', 'domaine_ministeriel: spm'],
  ['type', 'another allowed value', 'type: operateur', 'type: collectivite-territoriale'],
  ['body', 'absent', 'Autorité organisatrice des mobilités en Île-de-France.\n', ''],
]

describeSchemaTable({ name: 'organisation', file: FILE, fiche: FICHE, schema: organisation, rejected: REJECTED, accepted: ACCEPTED, fields: ['name', 'acronym', 'domaine_ministeriel', 'type', 'id', 'annuaire'] })

describe('organisation schema messages', () => {
  it.each([
    ['an enum typo suggests the value', 'domaine_ministeriel: territoires', 'domaine_ministeriel: territoire', '« territoire » n’est pas une valeur permise pour domaine_ministeriel. Vouliez-vous dire « territoires » ?'],
    ['an English word suggests the French value', 'type: operateur', 'type: operator', '« operator » n’est pas une valeur permise pour type. Vouliez-vous dire « operateur » ?'],
    ['an unknown key suggests the field', 'acronym: IDFM', 'acronyme: IDFM', 'Le champ « acronyme » n’existe pas. Vouliez-vous dire « acronym » ?'],
    ['a redundant id that differs', 'id: idfm', 'id: IDFM', 'Le champ id vaut « IDFM » mais le fichier s’appelle « idfm ».'],
    ['a missing required field', 'type: operateur\n', '', 'Le champ obligatoire « type » est absent.'],
  ])('%s', (_case, from, to, message) => {
    expect(onlyMessage(run(from, to))).toBe(message)
  })

  it('lists the allowed values in the hint of an enum error', () => {
    const [d] = run('type: operateur', 'type: operator')
    expect(d?.hint).toBe('Remplacez « operator » par « operateur ». Valeurs permises : administration-centrale, autre, collectivite-territoriale, operateur, securite-sociale, service-deconcentre.')
  })
})
