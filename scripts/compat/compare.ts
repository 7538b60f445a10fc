/**
 * Compares the v2.7 files that the registry builds with the files of the
 * current beta.gouv.fr site, after parsing (never byte for byte). Pure: texts
 * in, differences out. Each file is cut into records (a startup, an
 * incubator, a CSV row…) matched by id, so that one record that differs is
 * reported once and does not shift the others; key order and record order are
 * checked too, as consumers may depend on them.
 */
import { append } from '../report/diagnostic.ts'
import { parseCsv } from './csv.ts'

export const COMPARED_FILES = ['startups.json', 'incubators.json', 'organisations.json', 'sponsors.json', 'startups.csv'] as const
export type ComparedFile = (typeof COMPARED_FILES)[number]

export type DifferenceKind =
  /** A value differs (expected: the reference's, actual: ours). */
  | 'changed'
  /** In the reference, not in ours. */
  | 'missing'
  /** In ours, not in the reference. */
  | 'extra'
  /** Same keys, not in the same order. */
  | 'key-order'
  /** Same records, not in the same order. */
  | 'record-order'
  /** A file that does not parse. */
  | 'invalid'

export interface Difference {
  file: ComparedFile
  /** The part of the file: `data`, `included`, `rows`, `(racine)`… */
  section: string
  /** The record's key (an id, `en-tête`, `ligne 2`), '' for a whole section. */
  record: string
  /** JSON pointer inside the record ('' for the whole record); a column name for CSV rows. */
  path: string
  kind: DifferenceKind
  expected?: unknown
  actual?: unknown
}

export interface SectionCount {
  section: string
  compared: number
  equal: number
  different: number
}

export interface FileComparison {
  file: ComparedFile
  sections: SectionCount[]
  differences: Difference[]
}

type Where = Pick<Difference, 'file' | 'section' | 'record'>

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const pointer = (base: string, key: string | number) => `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`

/** Every difference between two JSON values, key order included. */
export function compareValues(expected: unknown, actual: unknown, where: Where, path = ''): Difference[] {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const out: Difference[] = []
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      if (i >= actual.length) out.push({ ...where, path: pointer(path, i), kind: 'missing', expected: expected[i] })
      else if (i >= expected.length) out.push({ ...where, path: pointer(path, i), kind: 'extra', actual: actual[i] })
      else append(out, compareValues(expected[i], actual[i], where, pointer(path, i)))
    }
    return out
  }
  if (isObject(expected) && isObject(actual)) {
    const out: Difference[] = []
    const expectedKeys = Object.keys(expected)
    const actualKeys = Object.keys(actual)
    for (const key of expectedKeys) {
      if (!Object.hasOwn(actual, key)) out.push({ ...where, path: pointer(path, key), kind: 'missing', expected: expected[key] })
      else append(out, compareValues(expected[key], actual[key], where, pointer(path, key)))
    }
    for (const key of actualKeys) {
      if (!Object.hasOwn(expected, key)) out.push({ ...where, path: pointer(path, key), kind: 'extra', actual: actual[key] })
    }
    const common = (keys: string[], other: Record<string, unknown>) => keys.filter((k) => Object.hasOwn(other, k))
    const e = common(expectedKeys, actual)
    const a = common(actualKeys, expected)
    if (e.some((k, i) => a[i] !== k)) out.push({ ...where, path, kind: 'key-order', expected: e, actual: a })
    return out
  }
  if (Object.is(expected, actual)) return []
  return [{ ...where, path, kind: 'changed', expected, actual }]
}

/**
 * Compares two lists of keyed records: matched by key, each pair compared
 * with `compare`, then the order of the records present on both sides.
 */
export function compareRecords<T>(
  file: ComparedFile,
  section: string,
  expected: readonly (readonly [string, T])[],
  actual: readonly (readonly [string, T])[],
  compare: (expected: T, actual: T, where: Where) => Difference[] = compareValues,
): { count: SectionCount; differences: Difference[] } {
  const differences: Difference[] = []
  const actualByKey = new Map<string, T>()
  for (const [key, value] of actual) {
    if (actualByKey.has(key)) differences.push({ file, section, record: key, path: '', kind: 'extra', actual: value })
    else actualByKey.set(key, value)
  }
  const expectedKeys = new Set<string>()
  let equal = 0
  let different = 0
  for (const [key, value] of expected) {
    const where = { file, section, record: key }
    if (expectedKeys.has(key) || !actualByKey.has(key)) {
      differences.push({ ...where, path: '', kind: 'missing', expected: value })
      different++
      expectedKeys.add(key)
      continue
    }
    expectedKeys.add(key)
    const found = compare(value, actualByKey.get(key) as T, where)
    if (found.length === 0) equal++
    else different++
    append(differences, found)
  }
  for (const [key, value] of actualByKey) {
    if (!expectedKeys.has(key)) {
      differences.push({ file, section, record: key, path: '', kind: 'extra', actual: value })
      different++
    }
  }
  const e = expected.map(([k]) => k).filter((k) => actualByKey.has(k))
  const a = [...actualByKey.keys()].filter((k) => expectedKeys.has(k))
  if (e.some((k, i) => a[i] !== k)) differences.push({ file, section, record: '', path: '', kind: 'record-order', expected: e, actual: a })
  return { count: { section, compared: equal + different, equal, different }, differences }
}

const keyedById = (items: unknown, label: string): [string, unknown][] => {
  if (!Array.isArray(items)) throw new Error(`${label} n’est pas une liste`)
  return items.map((item, i) => [isObject(item) && typeof item.id === 'string' ? item.id : `#${i}`, item])
}

const entriesOf = (value: unknown, label: string): [string, unknown][] => {
  if (!isObject(value)) throw new Error(`${label} n’est pas un objet`)
  return Object.entries(value)
}

/** The top-level keys of a document, other than its record sections, compared as one record. */
function envelope(file: ComparedFile, expected: Record<string, unknown>, actual: Record<string, unknown>, sections: string[]) {
  const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, sections.includes(k) ? '(…)' : v]))
  const differences = compareValues(strip(expected), strip(actual), { file, section: '(racine)', record: '(racine)' })
  return { count: { section: '(racine)', compared: 1, equal: differences.length === 0 ? 1 : 0, different: differences.length === 0 ? 0 : 1 }, differences }
}

function compareJsonDocuments(file: Exclude<ComparedFile, 'startups.csv'>, expected: unknown, actual: unknown): FileComparison {
  const parts: { count: SectionCount; differences: Difference[] }[] = []
  switch (file) {
    case 'startups.json': {
      if (!isObject(expected) || !isObject(actual)) throw new Error('startups.json doit être un objet')
      parts.push(compareRecords(file, 'data', keyedById(expected.data, 'data'), keyedById(actual.data, 'data')))
      parts.push(compareRecords(file, 'included', keyedById(expected.included, 'included'), keyedById(actual.included, 'included')))
      parts.push(envelope(file, expected, actual, ['data', 'included']))
      break
    }
    case 'organisations.json':
      parts.push(compareRecords(file, 'organisations', keyedById(expected, 'organisations.json'), keyedById(actual, 'organisations.json')))
      break
    case 'incubators.json':
      parts.push(compareRecords(file, 'incubateurs', entriesOf(expected, 'incubators.json'), entriesOf(actual, 'incubators.json')))
      break
    case 'sponsors.json':
      parts.push(compareRecords(file, 'organisations', entriesOf(expected, 'sponsors.json'), entriesOf(actual, 'sponsors.json')))
      break
  }
  return { file, sections: parts.map((p) => p.count), differences: parts.flatMap((p) => p.differences) }
}

/** An empty line: csv-parse reads it as a row of one empty field. */
const isBlank = (row: readonly string[]) => row.length === 1 && row[0] === ''

/** Two CSV rows: column by column (named by the header) when they have as many fields, else as a whole. */
function compareRows(header: readonly string[]) {
  return (expected: string[], actual: string[], where: Where): Difference[] => {
    if (expected.length !== actual.length) return [{ ...where, path: '', kind: 'changed', expected, actual }]
    const out: Difference[] = []
    expected.forEach((value, i) => {
      if (value !== actual[i]) out.push({ ...where, path: header[i] ?? `#${i}`, kind: 'changed', expected: value, actual: actual[i] })
    })
    return out
  }
}

/**
 * startups.csv in three sections: the header, the startups (rows matched by
 * their id, the first field) and the empty lines (matched by line number,
 * counted from 1 with the header).
 */
function compareCsvRows(expected: string[][], actual: string[][]): FileComparison {
  const file = 'startups.csv'
  const [expectedHeader = [], ...expectedRows] = expected
  const [actualHeader = [], ...actualRows] = actual
  const header = compareRecords(file, 'en-tête', expected.length > 0 ? [['en-tête', expectedHeader]] : [], actual.length > 0 ? [['en-tête', actualHeader]] : [], compareRows(expectedHeader))
  const keyed = (rows: string[][]) => rows.filter((row) => !isBlank(row)).map((row): [string, string[]] => [row[0]!, row])
  const blanks = (rows: string[][]) => rows.flatMap((row, i): [string, string[]][] => (isBlank(row) ? [[`ligne ${i + 2}`, row]] : []))
  const rows = compareRecords(file, 'startups', keyed(expectedRows), keyed(actualRows), compareRows(expectedHeader))
  const empty = compareRecords(file, 'lignes vides', blanks(expectedRows), blanks(actualRows))
  const sections = [header.count, rows.count]
  if (empty.count.compared > 0) sections.push(empty.count)
  return { file, sections, differences: [...header.differences, ...rows.differences, ...empty.differences] }
}

/** Compares one file of the reference with ours, from their texts. */
export function compareFile(file: ComparedFile, expectedText: string, actualText: string): FileComparison {
  const invalid = (side: 'expected' | 'actual', error: unknown): FileComparison => ({
    file,
    sections: [],
    differences: [{ file, section: '', record: '', path: '', kind: 'invalid', [side]: (error as Error).message }],
  })
  const read = file === 'startups.csv' ? parseCsv : (text: string) => JSON.parse(text) as unknown
  let expected: unknown
  let actual: unknown
  try {
    expected = read(expectedText)
  } catch (err) {
    return invalid('expected', err)
  }
  try {
    actual = read(actualText)
  } catch (err) {
    return invalid('actual', err)
  }
  try {
    return file === 'startups.csv' ? compareCsvRows(expected as string[][], actual as string[][]) : compareJsonDocuments(file, expected, actual)
  } catch (err) {
    return { file, sections: [], differences: [{ file, section: '', record: '', path: '', kind: 'changed', expected: 'structure attendue', actual: (err as Error).message }] }
  }
}
