/**
 * The registry configuration: what parseConfig accepts and how, every error
 * with its French message, and which rule severities can be changed (the
 * errors that guard the feed's validity are locked).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ConfigError, DEFAULT_CONFIG, MAX_LIMITS, type RegistryConfig } from '../../scripts/load/config.ts'
import { parseConfig } from '../../scripts/registry/config.ts'
import { isConfigurable, isLintRule, RULES } from '../../scripts/lint/rule-catalogue.ts'
import { LINT_RULES } from '../../scripts/lint/rules/index.ts'
import { BASE, check, editStartup } from '../helpers.ts'

const F = 'registry.config.json'
const parse = (value: unknown) => parseConfig(typeof value === 'string' ? value : JSON.stringify(value), F)
const RENAME = { field: '/phases/*/name', from: 'perennisation', to: 'consolidation', date: '2026-05-28' }
const withDefaults = (overrides: Partial<RegistryConfig>): RegistryConfig => ({ ...structuredClone(DEFAULT_CONFIG), ...overrides })

describe('parseConfig accepts', () => {
  it.each([
    ['an empty object: the defaults', {}, DEFAULT_CONFIG],
    ['a $schema key', { $schema: './config.schema.json' }, DEFAULT_CONFIG],
    ['collection folders', { collections: { startups: 'content/_startups' } }, withDefaults({ collections: { ...DEFAULT_CONFIG.collections, startups: 'content/_startups' } })],
    ['a folder with backslashes and a trailing slash (normalised)', { collections: { incubators: 'content\\_incubators/' } }, withDefaults({ collections: { ...DEFAULT_CONFIG.collections, incubators: 'content/_incubators' } })],
    ['a site URL (trailing slash removed)', { siteUrl: 'https://beta.gouv.fr/' }, withDefaults({ siteUrl: 'https://beta.gouv.fr' })],
    ['an empty site URL', { siteUrl: '' }, DEFAULT_CONFIG],
    ['a repository URL (trailing slash removed) and its branch', { repositoryUrl: 'https://github.com/betagouv/beta.gouv.fr/', repositoryBranch: 'master' }, withDefaults({ repositoryUrl: 'https://github.com/betagouv/beta.gouv.fr', repositoryBranch: 'master' })],
    ['a branch with slashes', { repositoryBranch: 'release/2026-11' }, withDefaults({ repositoryBranch: 'release/2026-11' })],
    ['limits', { limits: { maxFileBytes: 2048, maxDepth: 8, maxItems: 50, maxLineLength: 500 } }, withDefaults({ limits: { maxFileBytes: 2048, maxDepth: 8, maxItems: 50, maxLineLength: 500 } })],
    ['one limit (the other stays)', { limits: { maxDepth: 8 } }, withDefaults({ limits: { ...DEFAULT_CONFIG.limits, maxDepth: 8 } })],
    ['a warning turned off', { rules: { 'id/format': 'off' } }, withDefaults({ rules: { 'id/format': 'off' } })],
    ['a warning turned into an error', { rules: { 'value/untrimmed': 'error' } }, withDefaults({ rules: { 'value/untrimmed': 'error' } })],
    ['a reference error turned into a warning', { rules: { 'ref/unknown-sponsor': 'warning' } }, withDefaults({ rules: { 'ref/unknown-sponsor': 'warning' } })],
    ['a phase error turned off', { rules: { 'phases/order': 'off' } }, withDefaults({ rules: { 'phases/order': 'off' } })],
    ['a renamed value', { renamedValues: [RENAME] }, withDefaults({ renamedValues: [RENAME] })],
    [
      'a rename after a given phase, with several possible values and a note',
      { renamedValues: [{ ...RENAME, to: ['transfere', 'opere'], previous: [null, 'investigation'], note: 'Selon le cas.' }] },
      withDefaults({ renamedValues: [{ ...RENAME, to: ['transfere', 'opere'], previous: [null, 'investigation'], note: 'Selon le cas.' }] }),
    ],
    ['a rename of a list of texts', { renamedValues: [{ field: '/usertypes/*', from: 'entreprises', to: 'entreprise', date: '2026-01-01' }] }, withDefaults({ renamedValues: [{ field: '/usertypes/*', from: 'entreprises', to: 'entreprise', date: '2026-01-01' }] })],
  ])('%s', (_case, raw, expected) => {
    expect(parse(raw)).toEqual(expected)
  })

  it('reads the beta.gouv.fr configuration of the repository', () => {
    const text = readFileSync(new URL('../../config/beta.gouv.fr.config.json', import.meta.url), 'utf8')
    expect(parseConfig(text, 'config/beta.gouv.fr.config.json')).toEqual(
      withDefaults({ collections: { startups: 'content/_startups', organisations: 'content/_organisations', incubators: 'content/_incubators' }, siteUrl: 'https://beta.gouv.fr', repositoryUrl: 'https://github.com/betagouv/beta.gouv.fr', repositoryBranch: 'master', rules: { 'id/format': 'warning' }, renamedValues: JSON.parse(text).renamedValues }),
    )
  })

  it('never changes the defaults', () => {
    const before = structuredClone(DEFAULT_CONFIG)
    const config = parse({ collections: { startups: 'x' }, limits: { maxDepth: 2 }, rules: { 'id/format': 'off' } })
    config.rules['file/bom'] = 'off'
    expect(DEFAULT_CONFIG).toEqual(before)
  })
})

describe('parseConfig refuses', () => {
  const folder = (name: string) => `${F} : le dossier de « ${name} » doit être un chemin relatif à l’intérieur du registre.`
  const siteUrl = `${F} : « siteUrl » doit être une adresse https://… (ou une chaîne vide).`
  const repositoryUrl = `${F} : « repositoryUrl » doit être l’adresse https://… du dépôt (ou une chaîne vide).`
  const branch = `${F} : « repositoryBranch » doit être un nom de branche (lettres, chiffres, « . », « _ », « - », « / »).`
  const positive = (key: string) => `${F} : « limits.${key} » doit être un entier positif.`
  const locked = (ruleId: string) => `${F} : la règle « ${ruleId} » protège la validité du flux ; sa sévérité ne peut pas être changée.`
  it.each([
    ['an array', [], `${F} doit contenir un objet JSON.`],
    ['null', null, `${F} doit contenir un objet JSON.`],
    ['a string', '"startups"', `${F} doit contenir un objet JSON.`],
    ['an unknown key', { site: 'https://beta.gouv.fr' }, `${F} : clé inconnue « site » (clés permises : $schema, collections, siteUrl, repositoryUrl, repositoryBranch, limits, rules, renamedValues).`],
    ['a __proto__ key', '{"__proto__": {"siteUrl": "x"}}', `${F} : clé inconnue « __proto__ » (clés permises : $schema, collections, siteUrl, repositoryUrl, repositoryBranch, limits, rules, renamedValues).`],
    ['collections as a list', { collections: ['startups'] }, `${F} : « collections » doit être un objet.`],
    ['renamedValues as an object', { renamedValues: RENAME }, `${F} : « renamedValues » doit être une liste (1 000 renommages au plus).`],
    ['a rename that is not an object', { renamedValues: ['alumni'] }, `${F} : renamedValues n°1 doit être un objet {"field", "from", "to", "date"}.`],
    ['a rename with an unknown key', { renamedValues: [{ ...RENAME, when: 'x' }] }, `${F} : renamedValues n°1 : clé inconnue « when » (clés permises : field, from, to, date, previous, note).`],
    ['a rename without a field', { renamedValues: [{ ...RENAME, field: undefined }] }, `${F} : renamedValues n°1 : « field » doit être un chemin comme "/phases/*/name" ("*" pour chaque élément d’une liste).`],
    ['a rename whose field is not a pointer', { renamedValues: [{ ...RENAME, field: 'phases.name' }] }, `${F} : renamedValues n°1 : « field » doit être un chemin comme "/phases/*/name" ("*" pour chaque élément d’une liste).`],
    ['a rename from nothing', { renamedValues: [{ ...RENAME, from: '' }] }, `${F} : renamedValues n°1 : « from » doit être l’ancienne valeur (un texte non vide).`],
    ['a rename to itself', { renamedValues: [{ ...RENAME, to: 'perennisation' }] }, `${F} : renamedValues n°1 : « to » doit être la nouvelle valeur, ou la liste des valeurs possibles, différentes de « from ».`],
    ['a rename to an empty list', { renamedValues: [{ ...RENAME, to: [] }] }, `${F} : renamedValues n°1 : « to » doit être la nouvelle valeur, ou la liste des valeurs possibles, différentes de « from ».`],
    ['a rename on a day that does not exist', { renamedValues: [{ ...RENAME, date: '2026-13-01' }] }, `${F} : renamedValues n°1 : « date » doit être le jour du renommage (AAAA-MM-JJ).`],
    ['a previous value outside a list', { renamedValues: [{ field: '/incubator', from: 'a', to: 'b', date: '2026-01-01', previous: ['x'] }] }, `${F} : renamedValues n°1 : « previous » doit être une liste de valeurs (null : pas d’élément avant), pour un champ d’une liste ("*").`],
    ['a previous value that is a number', { renamedValues: [{ ...RENAME, previous: [1] }] }, `${F} : renamedValues n°1 : « previous » doit être une liste de valeurs (null : pas d’élément avant), pour un champ d’une liste ("*").`],
    ['a note that is not a text', { renamedValues: [RENAME, { ...RENAME, note: 3 }] }, `${F} : renamedValues n°2 : « note » doit être un texte (1 000 caractères au plus).`],
    ['an unknown collection', { collections: { produits: 'produits' } }, `${F} : collection inconnue « produits » (collections : startups, organisations, incubators).`],
    ['a folder that goes up', { collections: { startups: '../startups' } }, folder('startups')],
    ['a folder that goes up in the middle', { collections: { startups: 'content/../../startups' } }, folder('startups')],
    ['a folder that goes up with backslashes', { collections: { startups: 'content\\..\\..\\x' } }, folder('startups')],
    ['an absolute folder', { collections: { organisations: '/etc' } }, folder('organisations')],
    ['an empty folder', { collections: { incubators: '' } }, folder('incubators')],
    ['a folder that is not a text', { collections: { startups: 42 } }, folder('startups')],
    ['a site URL without scheme', { siteUrl: 'beta.gouv.fr' }, siteUrl],
    ['a site URL with a space', { siteUrl: 'https://beta gouv.fr' }, siteUrl],
    ['a site URL that is not a text', { siteUrl: 42 }, siteUrl],
    ['a repository URL over http', { repositoryUrl: 'http://github.com/o/r' }, repositoryUrl],
    ['a repository URL with a quote', { repositoryUrl: 'https://github.com/o/r"onmouseover="x' }, repositoryUrl],
    ['a repository URL that is not a text', { repositoryUrl: true }, repositoryUrl],
    ['a branch that goes up', { repositoryBranch: '../x' }, branch],
    ['a branch with a space', { repositoryBranch: 'ma branche' }, branch],
    ['an empty branch', { repositoryBranch: '' }, branch],
    ['limits as a number', { limits: 10 }, `${F} : « limits » doit être un objet.`],
    ['an unknown limit', { limits: { maxKeys: 10 } }, `${F} : limite inconnue « maxKeys » (maxFileBytes, maxDepth, maxItems, maxLineLength).`],
    ['a zero limit', { limits: { maxDepth: 0 } }, positive('maxDepth')],
    ['a negative limit', { limits: { maxFileBytes: -1 } }, positive('maxFileBytes')],
    ['a decimal limit', { limits: { maxFileBytes: 1.5 } }, positive('maxFileBytes')],
    ['a limit as text', { limits: { maxDepth: '8' } }, positive('maxDepth')],
    ['a limit beyond safe integers', '{"limits": {"maxFileBytes": 9007199254740993}}', positive('maxFileBytes')],
    ['rules as a list', { rules: ['id/format'] }, `${F} : « rules » doit être un objet.`],
    ['an unknown rule', { rules: { 'id/formats': 'off' } }, `${F} : règle inconnue « id/formats » (voir docs/regles.md).`],
    ['an inherited property as rule', { rules: { constructor: 'off' } }, `${F} : règle inconnue « constructor » (voir docs/regles.md).`],
    ['a severity that does not exist', { rules: { 'id/format': 'warn' } }, `${F} : la règle « id/format » doit valoir "off", "warning" ou "error".`],
    ['a severity as boolean', { rules: { 'id/format': false } }, `${F} : la règle « id/format » doit valoir "off", "warning" ou "error".`],
    ['a schema error turned off', { rules: { 'schema/required': 'off' } }, locked('schema/required')],
    ['a schema error turned into a warning', { rules: { 'schema/format': 'warning' } }, locked('schema/format')],
    ['a YAML error turned off', { rules: { 'yaml/syntax': 'off' } }, locked('yaml/syntax')],
    ['a file error turned off', { rules: { 'file/empty': 'off' } }, locked('file/empty')],
    ['an id error turned into a warning', { rules: { 'id/duplicate': 'warning' } }, locked('id/duplicate')],
    ['a locked error set to error', { rules: { 'id/mismatch': 'error' } }, locked('id/mismatch')],
  ])('%s', (_case, raw, message) => {
    expect(() => parse(raw)).toThrow(new ConfigError(message))
  })

  it('refuses text that is not JSON, quoting the parser', () => {
    expect(() => parse('{ collections: }')).toThrow(ConfigError)
    expect(() => parse('{ collections: }')).toThrow(/^registry\.config\.json n’est pas du JSON valide : /)
  })
})

describe('rule severities that the configuration may change', () => {
  // Warnings, the errors about references and phases, and the strict errors a
  // registry with legacy files may lower (BOM, CRLF, id format); never the
  // errors that make data invalid.
  const CONFIGURABLE = new Set([
    'file/bom',
    'file/crlf',
    'file/directory',
    'file/extension',
    'file/ignored',
    'history/git-error',
    'history/no-commits',
    'history/no-repository',
    'history/shallow',
    'id/format',
    'phases/duplicate',
    'phases/end-before-start',
    'phases/order',
    'phases/overlap',
    'ref/co-incubation-main',
    'ref/unknown-incubator',
    'ref/unknown-owner',
    'ref/unknown-sponsor',
    'ref/unknown-startup',
    'value/invisible-character',
    'value/untrimmed',
    'vocabulary/renamed',
  ])

  it.each(Object.keys(RULES))('%s', (ruleId) => {
    expect(isConfigurable(ruleId)).toBe(CONFIGURABLE.has(ruleId) || isLintRule(ruleId))
    if (CONFIGURABLE.has(ruleId) || isLintRule(ruleId)) expect(parse({ rules: { [ruleId]: 'off' } }).rules[ruleId]).toBe('off')
    else expect(() => parse({ rules: { [ruleId]: 'off' } })).toThrow(ConfigError)
  })

  it('knows no rule outside the catalogue', () => {
    expect(isConfigurable('nope/nope')).toBe(false)
    expect(Object.keys(RULES).filter((id) => !isLintRule(id))).toHaveLength(59)
    expect(Object.keys(RULES).filter(isLintRule)).toEqual(LINT_RULES.map((r) => r.id))
  })
})

describe('standards rule options', () => {
  it('accepts ["warning", {options}] and keeps the options', () => {
    const c = parse({ rules: { 'phase-stale': ['error', { investigationMonths: 9 }] } })
    expect(c.rules['phase-stale']).toBe('error')
    expect(c.ruleOptions['phase-stale']).toEqual({ investigationMonths: 9 })
  })
  it.each([
    [{ 'phase-stale': ['warning', { nope: 1 }] }, /option inconnue « nope »/],
    [{ 'phase-stale': ['warning', { investigationMonths: 'six' }] }, /nombre entier/],
    [{ 'phase-stale': ['warning', { investigationMonths: 0 }] }, /au moins 1/],
    [{ 'contact-missing': ['warning', { x: 1 }] }, /ne prend pas d’options/],
    [{ 'phase-stale': ['warning'] }, /\["warning", \{ …options \}\]/],
  ])('refuses %j with a clear message', (rules, message) => {
    expect(() => parse({ rules })).toThrow(message)
  })
})

describe('configured severities in the diagnostics', () => {
  const untrimmed = editStartup('title: Exemple', "title: ' Exemple'")
  const unknownSponsor = editStartup('  - /organisations/dinum', '  - /organisations/dinun')
  it.each([
    ['the default of a warning', untrimmed, {}, ['warning']],
    ['a warning turned off', untrimmed, { 'value/untrimmed': 'off' }, []],
    ['a warning turned into an error', untrimmed, { 'value/untrimmed': 'error' }, ['error']],
    ['the default of a reference error', unknownSponsor, {}, ['error']],
    ['a reference error turned into a warning', unknownSponsor, { 'ref/unknown-sponsor': 'warning' }, ['warning']],
    ['an id warning turned into an error', { 'startups/auxAJ.md': BASE['startups/exemple.md']! }, { 'id/format': 'error' }, ['error']],
    ['another rule configured', untrimmed, { 'id/format': 'off' }, ['warning']],
  ] as [string, Record<string, string>, RegistryConfig['rules'], string[]][])('%s', (_case, files, rules, severities) => {
    const config = parse({ rules })
    expect(check(files, { config }).map((d) => d.severity)).toEqual(severities)
  })
})

describe('ceilings of the limits', () => {
  it.each(Object.entries(MAX_LIMITS))('%s: the ceiling (%i) is accepted, one more is refused', (key, max) => {
    expect(parse({ limits: { [key]: max } }).limits[key as keyof typeof MAX_LIMITS]).toBe(max)
    expect(() => parse({ limits: { [key]: max + 1 } })).toThrow(new ConfigError(`${F} : « limits.${key} » ne peut pas dépasser ${max} (valeur donnée : ${max + 1}).`))
  })

  it('every default is below its ceiling', () => {
    for (const [key, value] of Object.entries(DEFAULT_CONFIG.limits)) expect(value).toBeLessThanOrEqual(MAX_LIMITS[key as keyof typeof MAX_LIMITS])
  })

  it('an invalid file is not quoted back in the error (it may be anything, a secret included)', () => {
    expect(() => parse('MOT-DE-PASSE-SECRET')).toThrow(new ConfigError(`${F} n’est pas du JSON valide : caractère inattendu.`))
    expect(() => parse('{"a": 1,\n SECRET}')).toThrow(/n’est pas du JSON valide : caractère inattendu( ligne 2, colonne 2)?\.$/)
    expect(() => parse('{"SECRET": ')).toThrow(/n’est pas du JSON valide : le texte se termine trop tôt\.$/)
  })
})
