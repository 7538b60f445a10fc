/**
 * Escaping for the site's pages. Every piece of text that comes from a fiche
 * goes through `escapeHtml` (text) or `escapeAttr` (attribute values, always
 * written between double quotes), or through the `html` tagged template, which
 * escapes each interpolated value unless it is already `Html`.
 *
 * No `node:` import: the in-browser editor uses it too.
 */

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Bidirectional embeddings, overrides and isolates: a fiche holding one is
 * refused (`value/bidi-control`), and wherever text reaches a page anyway (the
 * editor's preview of a fiche being written) it becomes a visible U+FFFD
 * instead of reordering what the reader sees.
 */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g

/** Text for element content: `& < > " '` become entities, bidirectional controls U+FFFD. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => TEXT[c]!).replace(BIDI_CONTROLS, '\ufffd')
}

/** Text for a double-quoted attribute value (the same five characters, plus newlines kept as entities). */
export function escapeAttr(text: string): string {
  return escapeHtml(text).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;')
}

/** HTML that is safe as is: produced by `html`, `raw` or the markdown renderer. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

/** Marks a string as safe HTML. Only for markup the site produces itself (or renderMarkdown's output). */
export function raw(markup: string): Html {
  return new Html(markup)
}

export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[]

function part(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof Html) return value.value
  if (Array.isArray(value)) return value.map(part).join('')
  return escapeHtml(String(value))
}

/**
 * `html\`<p title="${title}">${text}</p>\``: the literal parts are kept, each
 * value is escaped (arrays are joined, null, undefined and false print
 * nothing, Html is kept). Values inside attributes must be quoted with `"`.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]!
  for (let i = 0; i < values.length; i++) out += part(values[i]!) + strings[i + 1]!
  return new Html(out)
}
