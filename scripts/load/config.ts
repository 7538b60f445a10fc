/**
 * The registry configuration (`registry.config.json`): where each collection
 * lives, the public site URL, limits and rule severities. Pure: the API
 * (registry/config.ts) reads the file and hands its text here, with the
 * catalogue of the rules its settings name (lint/rule-catalogue.ts).
 */
import type { Severity } from '../report/diagnostic.ts'
import { isConfigurable, type RuleCatalogue } from '../report/messages.ts'
import { ConfigError } from '../errors.ts'
export { ConfigError } from '../errors.ts'

export { COLLECTIONS, type Collection } from './collections.ts'
import { COLLECTIONS, type Collection } from './collections.ts'

export interface Limits {
  /** Files larger than this are refused unread. */
  maxFileBytes: number
  /** Deepest YAML nesting accepted in a front matter. */
  maxDepth: number
  /** Most items in one YAML list or mapping. */
  maxItems: number
  /** Longest line, in characters. */
  maxLineLength: number
}

export interface RegistryConfig {
  collections: Record<Collection, string>
  /** Absolute base URL of the published site, without trailing slash; '' for root-relative URLs. */
  siteUrl: string
  /**
   * The registry's GitHub repository (https://github.com/owner/name), for the site's
   * "edit this fiche" links; '' when unknown (no such links).
   */
  repositoryUrl: string
  /** The branch the site's edit links open (default 'main'). */
  repositoryBranch: string
  limits: Limits
  rules: Record<string, Severity | 'off'>
  /** Values renamed by the programme (phase names, events, publics…): the old value is a `vocabulary/renamed` warning, with its fix. */
  renamedValues: RenamedValue[]
  /** Options of the standards lint rules (`"rules": {"phase-stale": ["warning", {"investigationMonths": 9}]}`), checked against each rule's options schema. */
  ruleOptions: Record<string, Record<string, unknown>>
}

/**
 * A value renamed in the programme's vocabulary, as declared in
 * `renamedValues`: from `date` on, `from` at `field` is reported
 * (`vocabulary/renamed`) and `registry fix` writes `to`. Declarations are read
 * in order; the first whose `previous` matches wins, so a rename that
 * depends on the phase before is written as its cases, the general one last.
 */
export interface RenamedValue {
  /** Where the values are: a JSON Pointer in which `*` stands for every item of a list (`/usertypes/*`; the phase names: phases, *, name). */
  field: string
  from: string
  /** Today's value. Several: which one depends on what the fiche does not say; reported without an automatic fix. */
  to: string | string[]
  /** The day of the rename (YYYY-MM-DD): the old value is reported from that day on (as of the date the checks are run for). */
  date: string
  /** Only when the item before in the same list holds one of these values (today's name; null: no item before). */
  previous?: (string | null)[]
  /** Why, in French (for the docs and the readers of the configuration). */
  note?: string
}

export const DEFAULT_CONFIG: RegistryConfig = {
  collections: { startups: 'startups', organisations: 'organisations', incubators: 'incubators' },
  siteUrl: '',
  repositoryUrl: '',
  repositoryBranch: 'main',
  limits: { maxFileBytes: 1024 * 1024, maxDepth: 32, maxItems: 1000, maxLineLength: 10_000 },
  rules: {},
  renamedValues: [],
  ruleOptions: {},
}

/**
 * The highest value each limit may be given: beyond them, the limits stop
 * protecting anything (a depth of 100,000 turns deep nesting into a stack
 * overflow; a file limit of 600 MB reads 600 MB into memory).
 */
export const MAX_LIMITS: Limits = { maxFileBytes: 16 * 1024 * 1024, maxDepth: 100, maxItems: 10_000, maxLineLength: 16 * 1024 * 1024 }

/**
 * Why JSON.parse refused a text, without quoting it: V8's message quotes the
 * start of the text, and a configuration must never be quoted back (it may be
 * anything, a secret included, if it is not the file it should be).
 */
function jsonErrorWhere(err: unknown, text: string): string {
  const position = /position (\d+)/.exec(String((err as Error)?.message))
  if (!position) return /end of JSON input/i.test(String((err as Error)?.message)) ? 'le texte se termine trop tôt' : 'caractère inattendu'
  const offset = Number(position[1])
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return `caractère inattendu ligne ${line}, colonne ${offset - before.lastIndexOf('\n')}`
}

const KNOWN_KEYS = new Set(['$schema', 'collections', 'siteUrl', 'repositoryUrl', 'repositoryBranch', 'limits', 'rules', 'renamedValues'])

/**
 * Parses and checks a configuration file's text; throws ConfigError with a French message.
 * `catalogue`: the rules that `rules` may name, which of them may change severity, and the
 * options each standards rule takes.
 */
export function parseConfig(text: string, file: string, catalogue: RuleCatalogue): RegistryConfig {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    throw new ConfigError(`${file} n’est pas du JSON valide : ${jsonErrorWhere(err, text)}.`)
  }
  if (!isPlainObject(raw)) throw new ConfigError(`${file} doit contenir un objet JSON.`)
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) throw new ConfigError(`${file} : clé inconnue « ${key} » (clés permises : ${[...KNOWN_KEYS].join(', ')}).`)
  }
  const config: RegistryConfig = structuredClone(DEFAULT_CONFIG)
  if (raw.collections !== undefined) {
    if (!isPlainObject(raw.collections)) throw new ConfigError(`${file} : « collections » doit être un objet.`)
    for (const [name, folder] of Object.entries(raw.collections)) {
      if (!(COLLECTIONS as readonly string[]).includes(name)) {
        throw new ConfigError(`${file} : collection inconnue « ${name} » (collections : ${COLLECTIONS.join(', ')}).`)
      }
      if (typeof folder !== 'string' || folder === '' || folder.split(/[\\/]/).includes('..') || folder.startsWith('/')) {
        throw new ConfigError(`${file} : le dossier de « ${name} » doit être un chemin relatif à l’intérieur du registre.`)
      }
      config.collections[name as Collection] = folder.replace(/\\/g, '/').replace(/\/+$/, '')
    }
  }
  if (raw.siteUrl !== undefined) {
    if (typeof raw.siteUrl !== 'string' || (raw.siteUrl !== '' && !/^https?:\/\/[^\s]+$/.test(raw.siteUrl))) {
      throw new ConfigError(`${file} : « siteUrl » doit être une adresse https://… (ou une chaîne vide).`)
    }
    config.siteUrl = raw.siteUrl.replace(/\/+$/, '')
  }
  if (raw.repositoryUrl !== undefined) {
    if (typeof raw.repositoryUrl !== 'string' || (raw.repositoryUrl !== '' && !/^https:\/\/[^\s"<>]+$/.test(raw.repositoryUrl))) {
      throw new ConfigError(`${file} : « repositoryUrl » doit être l’adresse https://… du dépôt (ou une chaîne vide).`)
    }
    config.repositoryUrl = raw.repositoryUrl.replace(/\/+$/, '')
  }
  if (raw.repositoryBranch !== undefined) {
    if (typeof raw.repositoryBranch !== 'string' || !/^[\w./-]{1,200}$/.test(raw.repositoryBranch) || raw.repositoryBranch.includes('..')) {
      throw new ConfigError(`${file} : « repositoryBranch » doit être un nom de branche (lettres, chiffres, « . », « _ », « - », « / »).`)
    }
    config.repositoryBranch = raw.repositoryBranch
  }
  if (raw.limits !== undefined) {
    if (!isPlainObject(raw.limits)) throw new ConfigError(`${file} : « limits » doit être un objet.`)
    for (const [key, value] of Object.entries(raw.limits)) {
      if (!Object.hasOwn(DEFAULT_CONFIG.limits, key)) throw new ConfigError(`${file} : limite inconnue « ${key} » (${Object.keys(DEFAULT_CONFIG.limits).join(', ')}).`)
      if (!Number.isSafeInteger(value) || (value as number) < 1) throw new ConfigError(`${file} : « limits.${key} » doit être un entier positif.`)
      const max = MAX_LIMITS[key as keyof Limits]
      if ((value as number) > max) throw new ConfigError(`${file} : « limits.${key} » ne peut pas dépasser ${max} (valeur donnée : ${value}).`)
      config.limits[key as keyof Limits] = value as number
    }
  }
  if (raw.rules !== undefined) {
    if (!isPlainObject(raw.rules)) throw new ConfigError(`${file} : « rules » doit être un objet.`)
    for (const [ruleId, setting] of Object.entries(raw.rules)) {
      if (!Object.hasOwn(catalogue.rules, ruleId)) throw new ConfigError(`${file} : règle inconnue « ${ruleId} » (voir docs/regles.md).`)
      let level = setting
      if (Array.isArray(setting)) {
        // ["warning", { options }]: the form ESLint uses, for the standards rules that take options.
        if (setting.length !== 2 || !isPlainObject(setting[1])) throw new ConfigError(`${file} : la règle « ${ruleId} » s’écrit "off", "warning", "error" ou ["warning", { …options }].`)
        level = setting[0]
        const check = catalogue.rules[ruleId]!.checkOptions
        const problem = check ? check(setting[1]) : 'cette règle ne prend pas d’options.'
        if (problem) throw new ConfigError(`${file} : règle « ${ruleId} » : ${problem}`)
        config.ruleOptions[ruleId] = setting[1]
      }
      if (level !== 'off' && level !== 'warning' && level !== 'error') {
        throw new ConfigError(`${file} : la règle « ${ruleId} » doit valoir "off", "warning" ou "error".`)
      }
      if (!isConfigurable(catalogue, ruleId)) throw new ConfigError(`${file} : la règle « ${ruleId} » protège la validité du flux ; sa sévérité ne peut pas être changée.`)
      config.rules[ruleId] = level
    }
  }
  if (raw.renamedValues !== undefined) config.renamedValues = parseRenamedValues(raw.renamedValues, file)
  return config
}

const RENAME_KEYS = new Set(['field', 'from', 'to', 'date', 'previous', 'note'])
const FIELD = /^(\/([^/~*]|~[01])+|\/\*)+$/
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const isValue = (v: unknown): v is string => typeof v === 'string' && v !== '' && v.length <= 200

/** `renamedValues`: a list of RenamedValue, each checked; a French ConfigError names the entry that is wrong. */
function parseRenamedValues(raw: unknown, file: string): RenamedValue[] {
  if (!Array.isArray(raw) || raw.length > 1000) throw new ConfigError(`${file} : « renamedValues » doit être une liste (1 000 renommages au plus).`)
  return raw.map((entry, i) => {
    const where = `${file} : renamedValues n°${i + 1}`
    if (!isPlainObject(entry)) throw new ConfigError(`${where} doit être un objet {"field", "from", "to", "date"}.`)
    for (const key of Object.keys(entry)) if (!RENAME_KEYS.has(key)) throw new ConfigError(`${where} : clé inconnue « ${key} » (clés permises : ${[...RENAME_KEYS].join(', ')}).`)
    const { field, from, to, date, previous, note } = entry
    if (typeof field !== 'string' || !FIELD.test(field) || field.length > 200) throw new ConfigError(`${where} : « field » doit être un chemin comme "/phases/*/name" ("*" pour chaque élément d’une liste).`)
    if (!isValue(from)) throw new ConfigError(`${where} : « from » doit être l’ancienne valeur (un texte non vide).`)
    const targets = Array.isArray(to) ? to : [to]
    if (targets.length === 0 || targets.length > 20 || !targets.every(isValue) || targets.includes(from)) {
      throw new ConfigError(`${where} : « to » doit être la nouvelle valeur, ou la liste des valeurs possibles, différentes de « from ».`)
    }
    if (typeof date !== 'string' || !DAY.test(date)) throw new ConfigError(`${where} : « date » doit être le jour du renommage (AAAA-MM-JJ).`)
    if (previous !== undefined && (!Array.isArray(previous) || previous.length === 0 || previous.length > 50 || !previous.every((p) => p === null || isValue(p)) || !field.includes('*'))) {
      throw new ConfigError(`${where} : « previous » doit être une liste de valeurs (null : pas d’élément avant), pour un champ d’une liste ("*").`)
    }
    if (note !== undefined && (typeof note !== 'string' || note.length > 1000)) throw new ConfigError(`${where} : « note » doit être un texte (1 000 caractères au plus).`)
    return { field, from, to: Array.isArray(to) ? [...to] : to, date, ...(previous !== undefined && { previous: [...previous] }), ...(note !== undefined && { note }) } as RenamedValue
  })
}

/**
 * The repository of the site's GitHub links when the configuration names none: the environment's
 * REGISTRY_REPOSITORY_URL (and REGISTRY_REPOSITORY_BRANCH, default 'main'), which the Pages
 * workflow sets from GITHUB_SERVER_URL/GITHUB_REPOSITORY. A configured `repositoryUrl` wins, with
 * its branch. Throws ConfigError for an address that is not https://host/owner/name.
 */
export function withRepositoryFromEnvironment(config: RegistryConfig, env: Readonly<Record<string, string | undefined>>): RegistryConfig {
  const url = env.REGISTRY_REPOSITORY_URL
  if (config.repositoryUrl !== '' || url === undefined || url === '') return config
  const clean = url.replace(/\/+$/, '')
  if (!/^https:\/\/[^\s/"<>]+\/[^\s/"<>]+\/[^\s/"<>]+$/.test(clean)) {
    throw new ConfigError(`REGISTRY_REPOSITORY_URL doit être l’adresse https://… d’un dépôt (https://github.com/<organisation>/<dépôt>), pas « ${url.slice(0, 200)} ».`)
  }
  const branch = env.REGISTRY_REPOSITORY_BRANCH || 'main'
  if (!/^[\w./-]{1,200}$/.test(branch) || branch.includes('..')) throw new ConfigError('REGISTRY_REPOSITORY_BRANCH doit être un nom de branche (lettres, chiffres, « . », « _ », « - », « / »).')
  return { ...config, repositoryUrl: clean, repositoryBranch: branch }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
