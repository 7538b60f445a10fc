/**
 * The startup schema, field by field: a valid fiche that uses every field,
 * then one change per row. Each row gives the exact diagnostics as
 * [ruleId, line, column], read off the fixture below (line numbers in the
 * margin comment).
 */
import { describe, expect, it } from 'vitest'
import { describeSchemaTable, type, format, enumError, type Triple } from './schema-table.ts'
import startup from '../../schemas/startup.schema.json' with { type: 'json' }
import { check, onlyMessage, replaceOnce } from '../helpers.ts'

const FILE = 'startups/exemple.md'

/** Every field of the schema, with its line number (the fiche starts at line 1 with ---). */
const FICHE = [
  '---', //                                                             1
  'title: Exemple', //                                                  2  value at col 8
  'mission: Simplifier une démarche pour les usagers', //              3  col 10
  'incubator: dinum', //                                                4  col 12
  'incubators:', //                                                     5
  '  - dinum', //                                                       6  col 5
  '  - ademe', //                                                       7  col 5
  'sponsors:', //                                                       8
  '  - /organisations/dinum', //                                        9  col 5
  'contact: equipe@exemple.beta.gouv.fr', //                           10  col 10
  'link: https://exemple.beta.gouv.fr', //                             11  col 7
  'repository: https://github.com/betagouv/exemple', //                12  col 13
  'phases:', //                                                        13
  '  - name: investigation', //                                        14  item col 5, name col 11
  '    start: 2023-01-02', //                                          15  col 12
  '    end: 2023-06-30', //                                            16  col 10
  '    comment: Six mois', //                                          17  key col 5, value col 14
  '  - name: construction', //                                         18  item col 5, name col 11
  '    start: 2023-07-01', //                                          19  col 12
  'events:', //                                                        20
  '  - name: committee', //                                            21  item col 5, name col 11
  '    date: 2023-06-15', //                                           22  col 11
  '    comment: Passage en construction', //                           23  col 14
  'stats: true', //                                                    24  col 8
  'stats_url: https://exemple.beta.gouv.fr/stats', //                  25  col 12
  'budget_url: https://exemple.beta.gouv.fr/budget', //                26  col 13
  'impact_url: https://exemple.beta.gouv.fr/impact', //                27  col 13
  'dashlord_url: https://dashlord.incubateur.net/url/exemple/', //     28  col 15
  'accessibility_status: partiellement conforme', //                   29  col 23
  'analyse_risques: true', //                                          30  col 18
  'analyse_risques_url: https://exemple.beta.gouv.fr/securite', //     31  col 22
  'mon_service_securise: false', //                                    32  col 23
  'techno:', //                                                        33
  '  - typescript', //                                                 34  col 5
  'usertypes:', //                                                     35
  '  - particulier', //                                                36  col 5
  'thematiques:', //                                                   37
  '  - Emploi', //                                                     38  col 5
  'redirect_from:', //                                                 39
  '  - /startups/ancien-nom.html', //                                  40  col 5
  'fast:', //                                                          41
  '  promotion: 15', //                                                42  key col 3, value col 14
  '  montant: 120000', //                                              43  col 12
  'contact_dinum: camille.martin', //                                  44  col 16
  'contact_incubator: dominique.durand', //                            45  col 20
  'robots: noindex', //                                                46  col 9
  'rgpd:', //                                                          47
  '  responsable: DINUM', //                                           48  key col 3, value col 16
  '  finalites:', //                                                   49
  '    - Mettre en relation les usagers et les services', //           50  col 7
  '  donnees:', //                                                     51
  '    - Nom et courriel des agents', //                               52  col 7
  '  controles:', //                                                   53
  '    - type: Homologation', //                                       54  item col 7, value col 13
  '      intervenant: Prestataire qualifié PASSI', //                  55  key col 7, value col 20
  '      date: 2024-02-20', //                                         56  col 13
  '  exercer_vos_droits: https://exemple.beta.gouv.fr/confidentialite', // 57 col 23
  '  mesures_securite: Hébergement en France', //                      58  col 21
  '  validite_homologation: 2027-02-19', //                            59  col 26
  '---', //                                                            60
  '## Contexte',
  '',
  'Un texte.',
  '',
].join('\n')

const PHASES = FICHE.slice(FICHE.indexOf('phases:\n'), FICHE.indexOf('events:\n'))
const EVENTS = FICHE.slice(FICHE.indexOf('events:\n'), FICHE.indexOf('stats:'))
const FAST = FICHE.slice(FICHE.indexOf('fast:\n'), FICHE.indexOf('contact_dinum:'))
const RGPD = FICHE.slice(FICHE.indexOf('rgpd:\n'), FICHE.indexOf('---\n## Contexte'))
const CONTROLE = '    - type: Homologation\n      intervenant: Prestataire qualifié PASSI\n      date: 2024-02-20\n'

const run = (from: string, to: string) => check({ [FILE]: replaceOnce(FICHE, from, to) })

/** [field, change, from, to, expected diagnostics]. */
type Row = [string, string, string, string, Triple[]]

const missingTop: Triple[] = [['schema/required', 1, 1]]

const REJECTED: Row[] = [
  // Top-level text fields.
  ['title', 'a number', 'title: Exemple', 'title: 42', type(2, 8)],
  ['title', 'empty text', 'title: Exemple', "title: ''", format(2, 8)],
  ['title', 'no value (null) points at the key', 'title: Exemple', 'title:', type(2, 1)],
  ['title', 'missing', 'title: Exemple\n', '', missingTop],
  ['title', 'surrounding spaces (warning)', 'title: Exemple', "title: ' Exemple '", [['value/untrimmed', 2, 8]]],
  ['mission', 'a list', 'mission: Simplifier une démarche pour les usagers', 'mission: [Simplifier]', type(3, 10)],
  ['mission', 'blank text', 'mission: Simplifier une démarche pour les usagers', "mission: ''", format(3, 10)],
  ['mission', 'missing', 'mission: Simplifier une démarche pour les usagers\n', '', missingTop],
  ['incubator', 'a number', 'incubator: dinum', 'incubator: 42', type(4, 12)],
  ['incubator', 'empty text (one error, no co-incubation cascade)', 'incubator: dinum', "incubator: ''", format(4, 12)],
  ['incubator', 'missing', 'incubator: dinum\n', '', missingTop],
  // Co-incubation list.
  ['incubators', 'a text instead of a list', 'incubators:\n  - dinum\n  - ademe', 'incubators: dinum', type(5, 13)],
  ['incubators', 'an empty list (at the key; the main incubator is then missing too)', 'incubators:\n  - dinum\n  - ademe', 'incubators: []', [['ref/co-incubation-main', 5, 1], ['schema/min-items', 5, 1]]],
  ['incubators', 'an item twice (at the second one)', '  - ademe', '  - dinum', [['schema/unique-items', 7, 5]]],
  ['incubators', 'a number item', '  - ademe', '  - 42', type(7, 5)],
  ['incubators', 'an empty item', '  - ademe', "  - ''", format(7, 5)],
  // Sponsors.
  ['sponsors', 'a text instead of a list', 'sponsors:\n  - /organisations/dinum', 'sponsors: /organisations/dinum', type(8, 11)],
  ['sponsors', 'an item without the leading /', '  - /organisations/dinum', '  - organisations/dinum', format(9, 5)],
  ['sponsors', 'an item without an id', '  - /organisations/dinum', '  - /organisations/', format(9, 5)],
  ['sponsors', 'a number item', '  - /organisations/dinum', '  - 42', type(9, 5)],
  ['sponsors', 'an item twice (at the second one)', '  - /organisations/dinum', '  - /organisations/dinum\n  - /organisations/ademe\n  - /organisations/dinum', [['schema/unique-items', 11, 5]]],
  // Contact and links.
  ['contact', 'a number', 'contact: equipe@exemple.beta.gouv.fr', 'contact: 42', type(10, 10)],
  ['contact', 'no @', 'contact: equipe@exemple.beta.gouv.fr', 'contact: equipe.exemple.beta.gouv.fr', format(10, 10)],
  ['contact', 'no domain dot', 'contact: equipe@exemple.beta.gouv.fr', 'contact: equipe@exemple', format(10, 10)],
  // Member-space fields and exemptions (optional): one wrong value each, on a line added after robots (line 47).
  ['roadmap_url', 'a number', 'robots: noindex', 'robots: noindex\nroadmap_url: 42', type(47, 14)],
  ['ecodesign_url', 'no https://', 'robots: noindex', 'robots: noindex\necodesign_url: exemple.fr', format(47, 16)],
  ['tech_audit_url', 'a boolean', 'robots: noindex', 'robots: noindex\ntech_audit_url: true', type(47, 17)],
  ['dsfr_status', 'blank', 'robots: noindex', "robots: noindex\ndsfr_status: ' '", [...format(47, 14), ['value/untrimmed', 47, 14]]],
  ['has_mobile_app', 'a text', 'robots: noindex', 'robots: noindex\nhas_mobile_app: oui', type(47, 17)],
  ['is_private_url', 'a text', 'robots: noindex', 'robots: noindex\nis_private_url: oui', type(47, 17)],
  ['mailing_list', 'a number', 'robots: noindex', 'robots: noindex\nmailing_list: 3', type(47, 15)],
  ['standards_exemptions', 'a text', 'robots: noindex', 'robots: noindex\nstandards_exemptions: aucune', type(47, 23)],
  ['standards_exemptions[]', 'a text item', 'robots: noindex', 'robots: noindex\nstandards_exemptions:\n  - aucune', type(48, 5)],
  ['standards_exemptions[].rule', 'a number', 'robots: noindex', 'robots: noindex\nstandards_exemptions:\n  - rule: 3', type(48, 11)],
  ['standards_exemptions[].reason', 'a number', 'robots: noindex', 'robots: noindex\nstandards_exemptions:\n  - reason: 3', type(48, 13)],
  ['standards_exemptions[].justification', 'a list', 'robots: noindex', 'robots: noindex\nstandards_exemptions:\n  - justification: []', type(48, 20)],
  ['standards_exemptions[].expires', 'not a date', 'robots: noindex', 'robots: noindex\nstandards_exemptions:\n  - expires: demain', format(48, 14)],
  ['link', 'a boolean', 'link: https://exemple.beta.gouv.fr', 'link: true', type(11, 7)],
  ['link', 'no https://', 'link: https://exemple.beta.gouv.fr', 'link: exemple.beta.gouv.fr', format(11, 7)],
  ['link', 'another scheme', 'link: https://exemple.beta.gouv.fr', 'link: ftp://exemple.beta.gouv.fr', format(11, 7)],
  ['repository', 'a number', 'repository: https://github.com/betagouv/exemple', 'repository: 42', type(12, 13)],
  ['repository', 'no https://', 'repository: https://github.com/betagouv/exemple', 'repository: github.com/betagouv/exemple', format(12, 13)],
  ['repository', 'a typo in the key (at the key)', 'repository:', 'reposiroty:', [['schema/unknown-key', 12, 1]]],
  ['repository', 'a typo in a quoted key (at the opening quote)', 'repository:', "'reposiroty':", [['schema/unknown-key', 12, 1]]],
  // Phases.
  ['phases', 'a text instead of a list', PHASES, 'phases: construction\n', type(13, 9)],
  ['phases', 'an empty list (at the key)', PHASES, 'phases: []\n', [['schema/min-items', 13, 1]]],
  ['phases', 'an item that is a text', '  - name: construction\n    start: 2023-07-01', '  - construction', type(18, 5)],
  ['phases[].name', 'a number (one enum error, no extra type error)', '  - name: investigation', '  - name: 2023', enumError(14, 11)],
  ['phases[].name', 'a typo', '  - name: construction', '  - name: constrution', enumError(18, 11)],
  ['phases[].name', 'a typo (acceleraton)', '  - name: construction', '  - name: acceleraton', enumError(18, 11)],
  ['phases[].name', 'missing (at the phase)', '  - name: construction\n    start', '  - start', [['schema/required', 18, 5]]],
  ['phases[].start', 'a number', 'start: 2023-07-01', 'start: 20230701', type(19, 12)],
  ['phases[].start', 'written 2023-7-1', 'start: 2023-07-01', 'start: 2023-7-1', format(19, 12)],
  ['phases[].start', 'impossible date 2023-02-30', 'start: 2023-07-01', 'start: 2023-02-30', format(19, 12)],
  ['phases[].start', 'missing (at the phase)', '    start: 2023-07-01\n', '', [['schema/required', 18, 5]]],
  ['phases[].end', 'a boolean', 'end: 2023-06-30', 'end: true', type(16, 10)],
  ['phases[].end', 'impossible date 2023-06-31', 'end: 2023-06-30', 'end: 2023-06-31', format(16, 10)],
  ['phases[].end', 'written 30/06/2023', 'end: 2023-06-30', 'end: 30/06/2023', format(16, 10)],
  ['phases[].comment', 'a number', 'comment: Six mois', 'comment: 6', type(17, 14)],
  ['phases[].comment', 'a typo in the key (at the key)', 'comment: Six mois', 'coment: Six mois', [['schema/unknown-key', 17, 5]]],
  // Events.
  ['events', 'a text instead of a list', EVENTS, 'events: committee\n', type(20, 9)],
  ['events', 'an item that is a date', EVENTS, 'events:\n  - 2023-06-15\n', type(21, 5)],
  ['events[].name', 'a number (one enum error)', '  - name: committee', '  - name: 1', enumError(21, 11)],
  ['events[].name', 'a typo', '  - name: committee', '  - name: comitee', enumError(21, 11)],
  ['events[].name', 'missing (at the event)', '  - name: committee\n    date', '  - date', [['schema/required', 21, 5]]],
  ['events[].date', 'a number', 'date: 2023-06-15', 'date: 20230615', type(22, 11)],
  ['events[].date', 'impossible date 2023-06-31', 'date: 2023-06-15', 'date: 2023-06-31', format(22, 11)],
  ['events[].date', 'written 15/06/2023', 'date: 2023-06-15', 'date: 15/06/2023', format(22, 11)],
  ['events[].date', 'missing (at the event)', '    date: 2023-06-15\n', '', [['schema/required', 21, 5]]],
  ['events[].date', 'a typo in the key: one problem, at the typo, that says date is missing', '    date: 2023-06-15', '    dat: 2023-06-15', [['schema/unknown-key', 22, 5]]],
  ['events[].comment', 'a list', 'comment: Passage en construction', 'comment: [Passage]', type(23, 14)],
  // Booleans.
  ['stats', "the text 'true'", 'stats: true', "stats: 'true'", type(24, 8)],
  ['stats', 'yes (text in YAML 1.2)', 'stats: true', 'stats: yes', type(24, 8)],
  ['analyse_risques', 'oui', 'analyse_risques: true', 'analyse_risques: oui', type(30, 18)],
  ['mon_service_securise', 'a number', 'mon_service_securise: false', 'mon_service_securise: 0', type(32, 23)],
  // URLs.
  ['stats_url', 'a number', 'stats_url: https://exemple.beta.gouv.fr/stats', 'stats_url: 1', type(25, 12)],
  ['stats_url', 'no https://', 'stats_url: https://exemple.beta.gouv.fr/stats', 'stats_url: exemple.beta.gouv.fr/stats', format(25, 12)],
  ['budget_url', 'a boolean', 'budget_url: https://exemple.beta.gouv.fr/budget', 'budget_url: false', type(26, 13)],
  ['budget_url', 'no https://', 'budget_url: https://exemple.beta.gouv.fr/budget', 'budget_url: www.exemple.fr/budget', format(26, 13)],
  ['impact_url', 'a list', 'impact_url: https://exemple.beta.gouv.fr/impact', 'impact_url: [https://exemple.beta.gouv.fr/impact]', type(27, 13)],
  ['impact_url', 'a space inside', 'impact_url: https://exemple.beta.gouv.fr/impact', 'impact_url: https://exemple.beta.gouv.fr/mon impact', format(27, 13)],
  ['dashlord_url', 'a number', 'dashlord_url: https://dashlord.incubateur.net/url/exemple/', 'dashlord_url: 3', type(28, 15)],
  ['dashlord_url', 'no scheme', 'dashlord_url: https://dashlord.incubateur.net/url/exemple/', 'dashlord_url: dashlord.incubateur.net', format(28, 15)],
  ['analyse_risques_url', 'a boolean', 'analyse_risques_url: https://exemple.beta.gouv.fr/securite', 'analyse_risques_url: true', type(31, 22)],
  ['analyse_risques_url', 'a relative path', 'analyse_risques_url: https://exemple.beta.gouv.fr/securite', 'analyse_risques_url: /securite', format(31, 22)],
  // Enums.
  ['accessibility_status', 'a number (one enum error)', 'accessibility_status: partiellement conforme', 'accessibility_status: 50', enumError(29, 23)],
  ['accessibility_status', 'a typo', 'accessibility_status: partiellement conforme', 'accessibility_status: partiellement conform', enumError(29, 23)],
  ['robots', 'a boolean (one enum error)', 'robots: noindex', 'robots: true', enumError(46, 9)],
  ['robots', 'a typo', 'robots: noindex', 'robots: noindx', enumError(46, 9)],
  // Free lists.
  ['techno', 'a text instead of a list', 'techno:\n  - typescript', 'techno: typescript', type(33, 9)],
  ['techno', 'a number item', '  - typescript', '  - 3', type(34, 5)],
  ['techno', 'an empty item', '  - typescript', "  - ''", format(34, 5)],
  ['usertypes', 'a text instead of a list', 'usertypes:\n  - particulier', 'usertypes: particulier', type(35, 12)],
  ['usertypes', 'a boolean item', '  - particulier', '  - true', type(36, 5)],
  ['thematiques', 'a text instead of a list', 'thematiques:\n  - Emploi', 'thematiques: Emploi', type(37, 14)],
  ['thematiques', 'an empty item', '  - Emploi', "  - ''", format(38, 5)],
  ['redirect_from', 'a text instead of a list', 'redirect_from:\n  - /startups/ancien-nom.html', 'redirect_from: /startups/ancien-nom.html', type(39, 16)],
  ['redirect_from', 'an item without the leading /', '  - /startups/ancien-nom.html', '  - startups/ancien-nom.html', format(40, 5)],
  ['redirect_from', 'a number item', '  - /startups/ancien-nom.html', '  - 1', type(40, 5)],
  // FAST.
  ['fast', 'a number instead of a mapping', FAST, 'fast: 15\n', type(41, 7)],
  ['fast.promotion', 'a text', '  promotion: 15', "  promotion: '15'", type(42, 14)],
  ['fast.promotion', 'zero (minimum 1)', '  promotion: 15', '  promotion: 0', [['schema/minimum', 42, 14]]],
  ['fast.promotion', 'missing (at the fast key)', '  promotion: 15\n', '', [['schema/required', 41, 1]]],
  ['fast.promotion', 'a typo in the key (one problem, at the typo)', '  promotion: 15', '  promotoin: 15', [['schema/unknown-key', 42, 3]]],
  ['fast.montant', 'a decimal number', '  montant: 120000', '  montant: 1200.5', type(43, 12)],
  ['fast.montant', 'negative (minimum 0)', '  montant: 120000', '  montant: -1', [['schema/minimum', 43, 12]]],
  ['fast.montant', 'missing (at the fast key)', '  montant: 120000\n', '', [['schema/required', 41, 1]]],
  // Members.
  ['contact_dinum', 'a number', 'contact_dinum: camille.martin', 'contact_dinum: 42', type(44, 16)],
  ['contact_dinum', 'uppercase', 'contact_dinum: camille.martin', 'contact_dinum: Camille.Martin', format(44, 16)],
  ['contact_dinum', 'an e-mail address', 'contact_dinum: camille.martin', 'contact_dinum: camille.martin@beta.gouv.fr', format(44, 16)],
  ['contact_incubator', 'a list', 'contact_incubator: dominique.durand', 'contact_incubator: [dominique.durand]', type(45, 20)],
  ['contact_incubator', 'a space inside', 'contact_incubator: dominique.durand', 'contact_incubator: dominique durand', format(45, 20)],
  // RGPD.
  ['rgpd', 'a text instead of a mapping', RGPD, 'rgpd: DINUM\n', type(47, 7)],
  ['rgpd', 'a typo in a key', '  responsable: DINUM', '  responsible: DINUM', [['schema/unknown-key', 48, 3]]],
  ['rgpd.responsable', 'a number', '  responsable: DINUM', '  responsable: 1', type(48, 16)],
  ['rgpd.finalites', 'a text instead of a list', '  finalites:\n    - Mettre en relation les usagers et les services', '  finalites: Mettre en relation', type(49, 14)],
  ['rgpd.finalites', 'an empty item', '    - Mettre en relation les usagers et les services', "    - ''", format(50, 7)],
  ['rgpd.donnees', 'a text instead of a list', '  donnees:\n    - Nom et courriel des agents', '  donnees: Nom et courriel', type(51, 12)],
  ['rgpd.donnees', 'a number item', '    - Nom et courriel des agents', '    - 12', type(52, 7)],
  ['rgpd.controles', 'a text instead of a list', `  controles:\n${CONTROLE}`, '  controles: Homologation\n', type(53, 14)],
  ['rgpd.controles', 'an item that is a text', CONTROLE, '    - Homologation\n', type(54, 7)],
  ['rgpd.controles[].type', 'a number', '    - type: Homologation', '    - type: 2024', type(54, 13)],
  ['rgpd.controles[].type', 'missing (at the item)', '    - type: Homologation\n      intervenant', '    - intervenant', [['schema/required', 54, 7]]],
  ['rgpd.controles[].intervenant', 'a list', 'intervenant: Prestataire qualifié PASSI', 'intervenant: [Prestataire, PASSI]', type(55, 20)],
  ['rgpd.controles[].intervenant', 'a typo in the key', 'intervenant:', 'intervenent:', [['schema/unknown-key', 55, 7]]],
  ['rgpd.controles[].date', 'a number', 'date: 2024-02-20', 'date: 20240220', type(56, 13)],
  ['rgpd.controles[].date', 'impossible date 2023-02-29', 'date: 2024-02-20', 'date: 2023-02-29', format(56, 13)],
  ['rgpd.controles[].date', 'missing (at the item)', '\n      date: 2024-02-20', '', [['schema/required', 54, 7]]],
  ['rgpd.exercer_vos_droits', 'a number', '  exercer_vos_droits: https://exemple.beta.gouv.fr/confidentialite', '  exercer_vos_droits: 1', type(57, 23)],
  ['rgpd.exercer_vos_droits', 'no https://', '  exercer_vos_droits: https://exemple.beta.gouv.fr/confidentialite', '  exercer_vos_droits: www.exemple.fr', format(57, 23)],
  ['rgpd.mesures_securite', 'a boolean', '  mesures_securite: Hébergement en France', '  mesures_securite: false', type(58, 21)],
  ['rgpd.validite_homologation', 'a number', '  validite_homologation: 2027-02-19', '  validite_homologation: 2027', type(59, 26)],
]

const ACCEPTED: [string, string, string, string][] = [
  ['link', "an empty link ''", 'link: https://exemple.beta.gouv.fr', "link: ''"],
  ['link', 'an http:// address', 'link: https://exemple.beta.gouv.fr', 'link: http://exemple.beta.gouv.fr'],
  ['link', 'absent', 'link: https://exemple.beta.gouv.fr\n', ''],
  ['contact', 'a mailto target with a subject', 'contact: equipe@exemple.beta.gouv.fr', 'contact: equipe@exemple.beta.gouv.fr?subject=Bonjour'],
  ['incubators', 'absent', 'incubators:\n  - dinum\n  - ademe\n', ''],
  ['sponsors', 'an empty list', 'sponsors:\n  - /organisations/dinum', 'sponsors: []'],
  ['sponsors', 'absent', 'sponsors:\n  - /organisations/dinum\n', ''],
  ['repository', 'absent', 'repository: https://github.com/betagouv/exemple\n', ''],
  ['phases[].end', 'absent', '    end: 2023-06-30\n', ''],
  ['phases[].comment', 'absent', '    comment: Six mois\n', ''],
  ['phases[].name', 'abandon-investigation', '  - name: construction', '  - name: abandon-investigation'],
  ['phases[].start', 'a leap day 2024-02-29', 'start: 2023-07-01', 'start: 2024-02-29'],
  ['events', 'absent', EVENTS, ''],
  ['events[].comment', 'absent', '    comment: Passage en construction\n', ''],
  ['stats', 'false', 'stats: true', 'stats: false'],
  ['accessibility_status', 'another allowed value', 'accessibility_status: partiellement conforme', 'accessibility_status: non conforme'],
  ['fast.montant', 'zero', '  montant: 120000', '  montant: 0'],
  ['fast', 'absent', FAST, ''],
  ['rgpd', 'an empty mapping', RGPD, 'rgpd: {}\n'],
  ['rgpd', 'absent', RGPD, ''],
  ['rgpd.validite_homologation', 'any text', '  validite_homologation: 2027-02-19', '  validite_homologation: fin 2027'],
  ['rgpd.controles[].intervenant', 'absent', '      intervenant: Prestataire qualifié PASSI\n', ''],
  ['body', 'empty', '## Contexte\n\nUn texte.\n', ''],
  ['contact', 'missing (a standards warning, not a schema error)', 'contact: equipe@exemple.beta.gouv.fr\n', ''],
  ['phases', 'missing (a standards warning, not a schema error)', PHASES, ''],
]

describeSchemaTable({ name: 'startup', file: FILE, fiche: FICHE, schema: startup, rejected: REJECTED, accepted: ACCEPTED, fields: 59 })

describe('startup schema, minimal fiche', () => {
  it('accepts a fiche with only the required fields', () => {
    const minimal = '---\ntitle: X\nmission: Y\nincubator: dinum\n---\n'
    expect(check({ [FILE]: minimal })).toEqual([])
  })
})

describe('startup schema messages', () => {
  it.each([
    ['an enum typo suggests the value', '  - name: construction', '  - name: acceleraton', '« acceleraton » n’est pas une valeur permise pour name (phases n°2). Vouliez-vous dire « acceleration » ?'],
    ['an enum typo on an event', '  - name: committee', '  - name: comitee', '« comitee » n’est pas une valeur permise pour name (events n°1). Vouliez-vous dire « committee » ?'],
    ['an enum value in the wrong case', 'accessibility_status: partiellement conforme', 'accessibility_status: Partiellement conforme', '« Partiellement conforme » n’est pas une valeur permise pour accessibility_status. Vouliez-vous dire « partiellement conforme » ?'],
    ['an enum value far from any', 'robots: noindex', 'robots: index-moi', '« index-moi » n’est pas une valeur permise pour robots.'],
    ['a wrong type on an enum field is one enum error', 'robots: noindex', 'robots: true', '« true » n’est pas une valeur permise pour robots.'],
    ['an unknown key suggests the field', 'repository:', 'reposiroty:', 'Le champ « reposiroty » n’existe pas. Vouliez-vous dire « repository » ?'],
    ['an unknown nested key names its parent', 'comment: Six mois', 'coment: Six mois', 'Le champ « coment » n’existe pas dans phases n°1. Vouliez-vous dire « comment » ?'],
    ['an unknown key in rgpd', '  responsable: DINUM', '  responsible: DINUM', 'Le champ « responsible » n’existe pas dans rgpd. Vouliez-vous dire « responsable » ?'],
    ['an unknown key without a close field', 'repository:', 'couleur: bleu\nrepository:', 'Le champ « couleur » n’existe pas.'],
    ['a missing top-level field', 'title: Exemple\n', '', 'Le champ obligatoire « title » est absent.'],
    ['a missing nested field names the item', '    start: 2023-07-01\n', '', 'Le champ obligatoire « start » est absent de phases n°2.'],
    ['an impossible date', 'start: 2023-07-01', 'start: 2023-02-30', 'La date « 2023-02-30 » n’existe pas dans le calendrier.'],
    ['a date badly written', 'start: 2023-07-01', 'start: 2023-1-5', 'start (phases n°2) doit être une date au format AAAA-MM-JJ, pas « 2023-1-5 ».'],
    ['a bad e-mail', 'contact: equipe@exemple.beta.gouv.fr', 'contact: equipe.exemple.fr', 'contact doit être une adresse électronique, pas « equipe.exemple.fr ».'],
    ['a URL without https://', 'link: https://exemple.beta.gouv.fr', 'link: exemple.beta.gouv.fr', 'link doit être une adresse web commençant par https://, pas « exemple.beta.gouv.fr ».'],
    ['a wrong type', 'stats: true', "stats: 'oui'", 'stats doit être true ou false, pas du texte.'],
    ['a decimal instead of an integer', '  montant: 120000', '  montant: 1200.5', 'montant doit être un nombre entier, pas un nombre.'],
    ['a number under the minimum', '  promotion: 15', '  promotion: 0', 'promotion doit valoir au moins 1, pas 0.'],
    ['an empty list', PHASES, 'phases: []\n', 'La liste phases doit contenir au moins 1 élément.'],
    ['a duplicate item', '  - ademe', '  - dinum', 'La valeur « dinum » apparaît deux fois dans incubators.'],
  ])('%s', (_case, from, to, message) => {
    const diagnostics = run(from, to)
    expect(onlyMessage(diagnostics)).toBe(message)
  })

  it('carries the suggestion in the hint of an unknown key', () => {
    const [d] = run('repository:', 'reposiroty:')
    expect(d?.hint).toBe('Renommez « reposiroty » en « repository ».')
    expect(d?.path).toBe('/reposiroty')
    expect([d?.endLine, d?.endColumn]).toEqual([12, 11])
  })

  it('spans a quoted unknown key with its quotes', () => {
    const [d] = run('repository:', '"reposiroty":')
    expect([d?.line, d?.column, d?.endLine, d?.endColumn]).toEqual([12, 1, 12, 13])
  })

  it('gives the example of the schema in the hint of a missing field', () => {
    const [d] = run('    start: 2023-07-01\n', '')
    expect(d?.hint).toBe('Ajoutez une ligne « start: … », par exemple « start: 2023-01-02 ».')
  })
})
