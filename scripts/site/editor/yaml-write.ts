/**
 * How the editor writes a value in YAML, in the repository's style: the style
 * of js-yaml's `dump` (the one the beta.gouv.fr fiches are written in: plain
 * scalars when they read back as the same string, single quotes otherwise,
 * double quotes for invisible characters, `|-` blocks for several lines, lists
 * indented under their key, `[]` for an empty list, no line folding), with
 * two changes: dates of the schemas' date fields (`start`, `end`, `date`) are
 * written plain (`start: 2024-01-20`) as the fiches do (the parse stage reads
 * YAML 1.2 core, where they stay strings), and a text ending with blank lines
 * goes in double quotes. Pure, no `node:` module.
 */
import { DEFAULT_SCALAR_STYLE_RULES, dump, SCALAR_STYLE, visit, type Document, type DumpOptions, type Node, type ScalarLayout, type ScalarStyle } from 'js-yaml'
import { COMMON_SCHEMA, FICHE_SCHEMAS, type JsonSchema } from '../../validate/schemas.ts'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Keys whose schema is a date (`$ref` to common's date, or `format: date`), anywhere in the fiche schemas. */
export const DATE_KEYS: ReadonlySet<string> = (() => {
  const keys = new Set<string>()
  const isDate = (s: JsonSchema): boolean => s?.format === 'date' || (typeof s?.$ref === 'string' && s.$ref.endsWith('/$defs/date'))
  const walk = (s: unknown, depth: number): void => {
    if (depth > 20 || s === null || typeof s !== 'object') return
    if (Array.isArray(s)) return s.forEach((x) => walk(x, depth + 1))
    const schema = s as JsonSchema
    if (schema.properties && typeof schema.properties === 'object') {
      for (const [key, sub] of Object.entries<JsonSchema>(schema.properties)) if (isDate(sub)) keys.add(key)
    }
    for (const v of Object.values(schema)) walk(v, depth + 1)
  }
  walk(FICHE_SCHEMAS, 0)
  walk(COMMON_SCHEMA, 0)
  return keys
})()

/** The scalars that are dates in a date field, found once per dump by `transform`. */
let plainDates = new WeakSet<Node>()

function markDates(documents: Document[]): void {
  plainDates = new WeakSet()
  visit(documents, (node) => {
    if (node.kind !== 'mapping') return
    for (const { key, value } of node.items) {
      if (key.kind === 'scalar' && DATE_KEYS.has(key.value) && value.kind === 'scalar' && DATE.test(value.value) && !value.tagged) plainDates.add(value)
    }
  })
}

function datePlain(layout: ScalarLayout): void {
  if (plainDates.has(layout.node as Node)) layout.style = SCALAR_STYLE.PLAIN
}

/**
 * A text ending with blank lines in double quotes (`"a\n\n"`) rather than in a
 * block that keeps them (`|+`): such a block takes in any blank line that
 * follows it in the file, so it could not be put between two fields as is.
 */
function noKeepBlock(layout: ScalarLayout): void {
  if ((layout.style === SCALAR_STYLE.LITERAL_BLOCK || layout.style === SCALAR_STYLE.FOLDED_BLOCK) && /(?:^|\n)\n$/.test(layout.node.value)) {
    layout.style = SCALAR_STYLE.DOUBLE_QUOTED
  }
}

const RULES = [...Object.values(DEFAULT_SCALAR_STYLE_RULES), noKeepBlock, datePlain]
const OPTIONS: DumpOptions = { lineWidth: -1, noRefs: true, indent: 2, scalarStyleRules: RULES, transform: markDates }

/**
 * YAML text of a value, every line ending with `\n`; without the document end
 * marker `...` that js-yaml adds after a block keeping its final blank lines
 * (`|+`): the text goes inside a front matter, where the next line ends it.
 */
export function dumpYaml(value: unknown, options: DumpOptions = OPTIONS): string {
  const text = dump(value, options)
  return text.endsWith('\n...\n') ? text.slice(0, -4) : text
}

/** `text` with each line after the first indented by `indent` (empty lines stay empty) and `\n` turned into `eol`. */
export function indentLines(text: string, indent: string, eol: string, indentFirst = false): string {
  const lines = text.split('\n')
  return lines.map((line, i) => ((i > 0 || indentFirst) && line !== '' ? indent + line : line)).join(eol)
}

/** The lines of `key: value` at `indent`, each ending with `eol`. */
export function renderEntry(key: string, value: unknown, indent: string, eol: string): string {
  return indentLines(dumpYaml({ [key]: value }), indent, eol, true)
}

/** The lines of a list item `- value` whose dash is at `indent`, each ending with `eol`. */
export function renderItem(value: unknown, indent: string, eol: string): string {
  return indentLines(dumpYaml([value]), indent, eol, true)
}

/**
 * What follows `key:` for `value`, when the key is at `indent`: ` text` for a
 * value on the key's line (`[]`, a scalar, the header of a block scalar and
 * its lines) or the lines of a block collection, starting with `eol`. No
 * final line break.
 */
export function renderAfterKey(key: string, value: unknown, indent: string, eol: string): string {
  // A placeholder key of known width, a date field's name when the key is one.
  const placeholder = DATE_KEYS.has(key) ? 'date' : 'k'
  const text = dumpYaml({ [placeholder]: value })
  return indentLines(text.slice(placeholder.length + 1).replace(/\n$/, ''), indent, eol)
}

/**
 * A scalar written on one line in place of another, keeping the old one's
 * quotes when they can still hold the new value: single quotes (no line
 * break nor invisible character), double quotes (always). Undefined when the
 * value needs several lines (a block), or is not a scalar.
 */
export function renderInlineScalar(value: unknown, oldStyle: ScalarStyle, key: string | undefined): string | undefined {
  if (value !== null && typeof value === 'object') return undefined
  if (typeof value === 'string' && value.includes('\n') && oldStyle !== SCALAR_STYLE.DOUBLE_QUOTED) return undefined
  let text: string
  if (typeof value === 'string' && oldStyle === SCALAR_STYLE.SINGLE_QUOTED) {
    text = dumpYaml(value, { ...OPTIONS, forceQuotes: true, quoteStyle: 'single' })
  } else if (typeof value === 'string' && oldStyle === SCALAR_STYLE.DOUBLE_QUOTED) {
    text = dumpYaml(value, { ...OPTIONS, forceQuotes: true, quoteStyle: 'double' })
  } else if (typeof value === 'string' && key !== undefined && DATE_KEYS.has(key) && DATE.test(value)) {
    text = value
  } else {
    text = dumpYaml(value)
  }
  text = text.replace(/\n$/, '')
  return text.includes('\n') ? undefined : text
}
