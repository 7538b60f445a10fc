/**
 * Compiles records into the files of the beta.gouv.fr public API v2.7
 * (`api/v2.7/startups.json`, `incubators.json`, `organisations.json`,
 * `sponsors.json`, `startups.csv`), with the shapes, key names, key order and
 * value conventions that its consumers see today, so that they only have to
 * change the base URL. Pure and deterministic: records in, a map from output
 * path to content out.
 *
 * Every file is built as data and serialised by JSON.stringify or by
 * serializeCsv (checked against csv-stringify), never by string templates:
 * the output is valid JSON and RFC 4180 CSV whatever the characters in a value.
 *
 * The current site renders these files with Jekyll (Liquid templates and Ruby
 * plugins); its conventions are kept on purpose and named after it below:
 * `liquidText` is what `{{ value }}` prints, `liquidTruthy` what `{% if %}`
 * accepts (only nil and false are false: an empty string is true). The
 * builder never throws on records that failed validation: any value of any
 * type gives some output (the compatibility check feeds it every record that
 * parsed).
 */
import type { Collection, RegistryConfig } from '../load/config.ts'
import type { ParsedRecord } from '../load/parse-record.ts'
import { compareBytes } from '../load/byte-order.ts'
import { V2_7_SCHEMAS, type V27SchemaName } from './api-v2-7-schemas.ts'
import { materialize, type Content, type OutputFiles } from './output.ts'
import { jsonChunks, LazyList, listItemsText } from './json-chunks.ts'
import { openVocabularies } from './vocabularies.ts'

export { compareBytes }

export const API_V2_7_DIR = 'api/v2.7'

export const CSV_HEADER = ['id', 'name', 'mission', 'start', 'status', 'incubator', 'stats', 'link', 'repository', 'accessibility', 'contact', 'incubators'] as const
/** Columns (name, mission, accessibility, incubators) that the current site always writes between double quotes: kept, so that naive readers keep working. */
export const CSV_ALWAYS_QUOTED: ReadonlySet<number> = new Set([1, 2, 9, 11])

export interface V27Startup {
  id: string
  type: 'startup'
  attributes: Record<string, unknown>
  relationships: {
    incubator: { data: { type: 'incubator'; id: string } }
    incubators: { data: { type: 'incubator'; id: string }[] }
  }
}

export interface V27IncludedIncubator {
  id: string
  type: 'incubator'
  attributes: { title: string; owner: string; website: string; github: string; contact: string }
}

export interface V27StartupsDocument {
  links: { self: string }
  data: LazyList<V27Startup>
  included: V27IncludedIncubator[]
}

export interface V27Organisation {
  id: string
  name: string
  acronym: string
  domaine_ministeriel: string
  type: string
}

// ---------------------------------------------------------------------------
// Jekyll / Liquid conventions

/** `{% if value %}` in Liquid: only nil (absent) and false are false; '' and [] are true. */
export function liquidTruthy(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false
}

/** What `{{ value }}` prints in Liquid: nil is '', an array is its items concatenated. */
export function liquidText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  if (Array.isArray(value)) return value.map(liquidText).join('')
  return JSON.stringify(value)
}

/** Liquid `strip` (Ruby String#strip): ASCII whitespace and NUL only, unlike String#trim. */
export function rubyStrip(s: string): string {
  return s.replace(/^[\t\n\v\f\r \0]+/, '').replace(/[\t\n\v\f\r \0]+$/, '')
}

/** Liquid `strip_newlines`: removes every "\n" and "\r\n" (a lone "\r" stays). */
export function stripNewlines(s: string): string {
  return s.replace(/\r?\n/g, '')
}

/** Liquid `escape` (Ruby CGI.escapeHTML). */
export function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** Liquid `remove`: every occurrence of `part` removed. */
function remove(s: string, part: string): string {
  return s.split(part).join('')
}

/** Liquid `split: ','` (Ruby String#split): '' gives [], trailing empty items are dropped. */
function rubySplit(s: string, separator: string): string[] {
  const parts = s.split(separator)
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop()
  return parts
}

/** String.prototype.isWellFormed (Node 20+; not in TypeScript's ES2022 library). */
const nativeIsWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed

/** Lone UTF-16 surrogates replaced by U+FFFD, so that any JS string can be percent-encoded. */
function wellFormed(s: string): string {
  // The native check first: the regex, with its lookbehind, took a fifth of the v2.7 compile time.
  if (nativeIsWellFormed?.call(s)) return s
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

/**
 * Ruby ERB::Util.url_encode: every byte of the UTF-8 text percent-encoded
 * except A-Z a-z 0-9 - _ . ~ (encodeURIComponent, plus ! ' ( ) *).
 */
export function urlEncode(s: string): string {
  return encodeURIComponent(wellFormed(s)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/**
 * The body as Jekyll reads it: after the closing `---`, Jekyll's front matter
 * pattern (`---\s*$\n?`) also consumes the blank lines that follow, so the
 * content starts at the first line that has a non-blank character (spaces at
 * the start of that line are kept).
 */
export function jekyllContent(record: Pick<ParsedRecord, 'text' | 'yamlEnd'>): string {
  const after = record.text.slice(record.yamlEnd + 3)
  const blank = /^[ \t\r\n\f\v]*/.exec(after)![0]
  const lastNewline = blank.lastIndexOf('\n')
  if (lastNewline !== -1) return after.slice(lastNewline + 1)
  return blank.length === after.length ? '' : after
}

function list(value: unknown): unknown[] {
  if (!liquidTruthy(value)) return []
  return Array.isArray(value) ? value : [value]
}

function field(item: unknown, key: string): unknown {
  return item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>)[key] : undefined
}

/** JSON value as Ruby's JSON.generate would give it: an absent key is null. */
function raw(value: unknown): unknown {
  return value === undefined ? null : value
}

/** A startup's incubators as the site sees them: `incubators`, else the single `incubator` (split on commas). */
function startupIncubators(data: Record<string, unknown>): string[] {
  if (liquidTruthy(data.incubators)) return list(data.incubators).map(liquidText)
  return rubySplit(liquidText(data.incubator), ',')
}

// ---------------------------------------------------------------------------
// The documents

/** A collection's records in the order the current site lists them (file names, byte by byte). */
export function inV27Order(records: readonly ParsedRecord[], collection: Collection): ParsedRecord[] {
  return records.filter((r) => r.collection === collection).sort((a, b) => compareBytes(a.file, b.file))
}

function startupAttributes(record: ParsedRecord): Record<string, unknown> {
  const d = record.data
  const a: Record<string, unknown> = {
    name: liquidText(d.title),
    pitch: liquidText(d.mission),
    stats_url: liquidTruthy(d.stats_url) ? liquidText(d.stats_url) : liquidTruthy(d.stats) ? `${rubyStrip(liquidText(d.link))}/stats` : '',
  }
  if (liquidTruthy(d.budget_url)) a.budget_url = liquidText(d.budget_url)
  if (liquidTruthy(d.link)) {
    a.impact_url = liquidText(d.impact_url)
    a.link = liquidText(d.link)
  }
  if (liquidTruthy(d.repository)) a.repository = liquidText(d.repository)
  a.contact = liquidText(d.contact)
  a.content_url_encoded_markdown = urlEncode(jekyllContent(record))
  a.events = list(d.events).map((e) => ({
    name: liquidText(field(e, 'name')),
    date: liquidText(field(e, 'date')),
    comment: stripNewlines(liquidText(field(e, 'comment'))),
  }))
  a.phases = list(d.phases).map((p) => ({ name: liquidText(field(p, 'name')), start: liquidText(field(p, 'start')), end: liquidText(field(p, 'end')) }))
  a.sponsors = list(d.sponsors).map((s) => remove(liquidText(s), '/organisations/'))
  a.thematiques = list(d.thematiques).map(liquidText)
  a.technos = list(d.techno).map(liquidText)
  for (const key of ['analyse_risques', 'analyse_risques_url', 'dashlord_url', 'accessibility_status']) {
    if (liquidTruthy(d[key])) a[key] = liquidText(d[key])
  }
  return a
}

function v27Startup(r: ParsedRecord): V27Startup {
  return {
    id: r.id,
    type: 'startup',
    attributes: startupAttributes(r),
    relationships: {
      incubator: { data: { type: 'incubator', id: liquidText(r.data.incubator) } },
      incubators: { data: startupIncubators(r.data).map((id) => ({ type: 'incubator', id })) },
    },
  }
}

/** The incubators that `startups.json` includes: those not hidden, in file order. */
function includedIncubators(records: readonly ParsedRecord[]): V27IncludedIncubator[] {
  return inV27Order(records, 'incubators')
    .filter((r) => !liquidTruthy(r.data.hidden))
    .map(
      (r): V27IncludedIncubator => ({
        id: r.id,
        type: 'incubator',
        attributes: {
          title: liquidText(r.data.title),
          owner: liquidText(r.data.owner),
          website: liquidText(r.data.website),
          github: liquidText(r.data.github),
          contact: liquidText(r.data.contact),
        },
      }),
    )
}

/** The startups document; its `data` items (with their encoded bodies) are made as they are written. */
export function startupsDocument(records: readonly ParsedRecord[], config: RegistryConfig): V27StartupsDocument {
  const startups = inV27Order(records, 'startups')
  const data = new LazyList(startups.length, (i) => v27Startup(startups[i]!))
  return { links: { self: `${config.siteUrl}/startups` }, data, included: includedIncubators(records) }
}

/**
 * `startups.json` from startups that arrive in batches, in file order (from
 * the main thread, when a worker thread builds the v2.7 files): the same
 * bytes as jsonChunks(startupsDocument(…)), a test checks it. Only the batch
 * being written is in memory.
 */
export async function* startupsJsonStream(batches: AsyncIterable<readonly ParsedRecord[]>, incubators: readonly ParsedRecord[], config: RegistryConfig): AsyncGenerator<string> {
  const nested = (value: unknown) => JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')
  yield `{\n  "links": ${nested({ self: `${config.siteUrl}/startups` })},\n  "data": `
  let count = 0
  for await (const batch of batches) {
    if (batch.length === 0) continue
    yield count === 0 ? '[\n' : ',\n'
    yield listItemsText(batch.map(v27Startup), '  ')
    count += batch.length
  }
  yield count === 0 ? '[]' : '\n  ]'
  yield `,\n  "included": ${nested(includedIncubators(incubators))}\n}\n`
}

/**
 * `incubators.json`: an object keyed by incubator id. Each startup (in file
 * order) is listed under each of its incubators, its values as written; then
 * each incubator that is not hidden adds its own fields. Keys appear in the
 * order of first use: incubators with startups first, then the others.
 */
export function incubatorsDocument(records: readonly ParsedRecord[]): Record<string, Record<string, unknown>> {
  const result = new Map<string, Record<string, unknown>>()
  for (const r of inV27Order(records, 'startups')) {
    const d = r.data
    const ids = liquidTruthy(d.incubators) ? list(d.incubators) : [d.incubator]
    for (const id of ids) {
      if (!liquidTruthy(id)) continue
      const key = liquidText(id)
      let entry = result.get(key)
      if (!entry) {
        entry = { startups: [] }
        result.set(key, entry)
      }
      ;(entry.startups as unknown[]).push({ id: r.id, name: raw(d.title), pitch: raw(d.mission), repository: raw(d.repository), contact: raw(d.contact), phases: raw(d.phases) })
    }
  }
  for (const r of inV27Order(records, 'incubators')) {
    if (liquidTruthy(r.data.hidden)) continue
    let entry = result.get(r.id)
    if (!entry) {
      entry = {}
      result.set(r.id, entry)
    }
    for (const key of ['title', 'owner', 'contact', 'address', 'website', 'github']) entry[key] = raw(r.data[key])
  }
  return toObject(result)
}

/** `organisations.json`: an array in file order, every value but the id HTML-escaped. */
export function organisationsDocument(records: readonly ParsedRecord[]): V27Organisation[] {
  return inV27Order(records, 'organisations').map((r) => ({
    id: r.id,
    name: htmlEscape(liquidText(r.data.name)),
    acronym: htmlEscape(liquidText(r.data.acronym)),
    domaine_ministeriel: htmlEscape(liquidText(r.data.domaine_ministeriel)),
    type: htmlEscape(liquidText(r.data.type)),
  }))
}

/** `sponsors.json`: the organisations keyed by id, values as written (null when absent). */
export function sponsorsDocument(records: readonly ParsedRecord[]): Record<string, Record<string, unknown>> {
  const result = new Map<string, Record<string, unknown>>()
  for (const r of inV27Order(records, 'organisations')) {
    const entry = result.get(r.id) ?? {}
    for (const key of ['name', 'acronym', 'domaine_ministeriel', 'type']) entry[key] = raw(r.data[key])
    result.set(r.id, entry)
  }
  return toObject(result)
}

/** The rows of `startups.csv`, header first, as strings. */
export function startupsCsvRows(records: readonly ParsedRecord[]): string[][] {
  const rows: string[][] = [[...CSV_HEADER]]
  for (const r of inV27Order(records, 'startups')) {
    const d = r.data
    const phases = list(d.phases)
    const orNull = (v: unknown) => (liquidTruthy(v) ? liquidText(v) : 'null')
    rows.push([
      r.id,
      liquidText(d.title),
      liquidText(d.mission),
      liquidText(field(phases[0], 'start')),
      liquidText(field(phases[phases.length - 1], 'name')),
      liquidText(d.incubator),
      orNull(d.stats_url),
      orNull(d.link),
      orNull(d.repository),
      liquidText(d.accessibility_status),
      liquidText(d.contact),
      startupIncubators(d).join(','),
    ])
  }
  return rows
}

/** A field that must be quoted: it holds the separator, a quote, or a line break (LF or CR). */
const CSV_NEEDS_QUOTES = /[;"\n\r]/
/** What spreadsheets read as the start of a formula (OWASP, "CSV Injection"). */
export const CSV_FORMULA_START = /^[=+\-@\t\r]/

/**
 * RFC 4180 CSV with `;` as separator and "\n" line ends: a field is quoted
 * when it holds `;`, `"`, a line feed or a carriage return (its quotes
 * doubled); the columns that the site always quotes stay quoted, even empty.
 * A field that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * would be a live formula in a spreadsheet (`=HYPERLINK(...)`): as OWASP
 * recommends, it is written with a single quote in front, and quoted. No real
 * value starts so (the real corpus's v2.7 CSV is unchanged); the deviation is
 * documented in docs/api.md, and the lint rule `value-formula` flags such
 * values in the fiches. Every CSV the registry publishes goes through here.
 * Written here rather than with csv-stringify, which took 40 ms for the 662
 * rows of the real registry (an options object per quoted field): a property
 * test checks that both give the same bytes, and another reads them back
 * with csv-parse.
 */
export function serializeCsv(rows: readonly (readonly string[])[]): string {
  const lines: string[] = []
  rows.forEach((row, r) => {
    lines.push(
      row
        .map((value, column) => {
          const formula = CSV_FORMULA_START.test(value)
          const text = formula ? `'${value}` : value
          // The header is quoted only where needed; data rows, also in the always-quoted columns.
          const quoted = formula || (r > 0 && CSV_ALWAYS_QUOTED.has(column)) || CSV_NEEDS_QUOTES.test(text)
          return quoted ? `"${text.replaceAll('"', '""')}"` : text
        })
        .join(';'),
    )
  })
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}

function toObject(map: Map<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  // defineProperty, not assignment: an id such as "__proto__" stays an ordinary key.
  const out: Record<string, Record<string, unknown>> = {}
  for (const [key, value] of map) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  return out
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** The URL of a v2.7 schema on the published site. */
export function v27SchemaUrl(siteUrl: string, name: V27SchemaName): string {
  return `${siteUrl || 'https://registre.beta.gouv.fr'}/${API_V2_7_DIR}/schemas/${name}.schema.json`
}

export function buildApiV27(records: readonly ParsedRecord[], config: RegistryConfig): OutputFiles {
  return materialize(apiV27Files(records, config))
}

/** The v2.7 files, lazily: each document is built when the writer reaches it, and streamed in chunks. */
export function* apiV27Files(records: readonly ParsedRecord[], config: RegistryConfig): Generator<[string, Content]> {
  yield [`${API_V2_7_DIR}/startups.json`, jsonChunks(startupsDocument(records, config))]
  yield* apiV27OtherFiles(records, config)
}

/**
 * The startup fields that the files of apiV27OtherFiles read: the compile
 * worker keeps only these of each startup once its `startups.json` item is
 * written (a test checks that the files are the same with only these).
 */
export const OTHER_FILES_STARTUP_KEYS = ['title', 'mission', 'incubator', 'incubators', 'repository', 'contact', 'phases', 'stats_url', 'link', 'accessibility_status'] as const

/** Every v2.7 file but `startups.json`: they need some of the startups' fields (OTHER_FILES_STARTUP_KEYS), not their bodies. */
export function* apiV27OtherFiles(records: readonly ParsedRecord[], config: RegistryConfig): Generator<[string, Content]> {
  yield [`${API_V2_7_DIR}/incubators.json`, jsonChunks(incubatorsDocument(records))]
  yield [`${API_V2_7_DIR}/organisations.json`, jsonChunks(organisationsDocument(records))]
  yield [`${API_V2_7_DIR}/sponsors.json`, jsonChunks(sponsorsDocument(records))]
  yield [`${API_V2_7_DIR}/startups.csv`, serializeCsv(startupsCsvRows(records))]
  for (const [name, schema] of Object.entries(V2_7_SCHEMAS) as [V27SchemaName, Record<string, unknown>][]) {
    const { $schema, ...rest } = schema
    // Published with open phase and event vocabularies (vocabularies.ts): a consumer who validates with them keeps working when a name is added.
    yield [`${API_V2_7_DIR}/schemas/${name}.schema.json`, json({ $schema, $id: v27SchemaUrl(config.siteUrl, name), ...openVocabularies(rest) })]
  }
}
