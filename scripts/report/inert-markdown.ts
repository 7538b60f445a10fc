/**
 * Fiche-derived text written into markdown (the pull-request comment, the
 * job summary, `--format markdown`, `changes --format markdown`, the body of
 * a `propose` pull request) as inert text: whatever a value or a file name
 * holds, the rendered page shows its characters and nothing else. No link,
 * image, HTML, heading, emphasis, table cell or fence can start in it, and
 * none of GitHub's own autolinks (@mentions, #12, owner/repo#12, GH-12,
 * commit SHAs, bare URLs, www., :emoji:) either.
 *
 * How: GitHub turns markdown into HTML (cmark-gfm), then looks for mentions,
 * references and SHAs in the HTML's text nodes, skipping those inside
 * `<code>`, `<pre>` and `<a>`. A backslash escape stops markdown syntax but
 * not those text-node filters (`\@user` renders as the text "@user", which
 * is then a mention). So a word that could hold such a reference (it has an
 * `@`, a `#` and a digit, a colon before a letter, a digit or a slash, a domain, `GH-` and a digit,
 * or seven hexadecimal characters in a row) is written as a code span, and
 * every other word has its markdown punctuation backslash-escaped. Nothing
 * invisible is added (a zero-width character after `@` would itself be a
 * character the reader cannot see). Control and bidirectional characters
 * become U+FFFD, visible, so that nothing reorders what a reviewer reads;
 * line breaks become spaces (the text stays on its line of the template).
 *
 * The property test (test/report/inert-markdown.test.ts) renders generated
 * hostile values with markdown-it (CommonMark + GFM tables + linkify) and
 * GitHub's reference patterns, and finds nothing but the text.
 *
 * Pure, no `node:` import.
 */

/** Controls (C0, C1), bidirectional marks, embeddings, overrides and isolates: never shown as themselves. */
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
/** Line and tab characters: a space, so that the value stays on the template's line. */
const BREAKS = /[\t\n\r\u2028\u2029]/g

/** A value as one line of visible characters: breaks become spaces, controls and bidi controls U+FFFD. */
export function visibleLine(s: string): string {
  return s.replace(BREAKS, ' ').replace(HIDDEN, '\ufffd')
}

/** A word GitHub or a linkifier could turn into a link, a mention or a reference. */
const RISKY = /@|#\d|:[a-z0-9/+_-]|www\.|[a-z0-9_-]\.[a-z]{2,}|gh-\d|[0-9a-f]{7}/i
/**
 * ASCII punctuation that means something in CommonMark, GFM or GitHub's math
 * wherever it stands; `!`, `(`, `)` and `^` only after a `[`, escaped here.
 */
const MARKUP = /[\\`*_[\]<>|~&$#]/g
/** A list marker, a thematic break or a setext underline: only at the start of a word (of a line, perhaps). */
const WORD_START = /^[-+=]/

/** A code span holding exactly `s` (no line break, no pipe), with a fence longer than any run of backticks in it. */
function codeSpan(s: string): string {
  if (s === '') return ''
  // Spaces alone: renderers shorten such a span, so they are written as character references.
  if (!/[^ ]/.test(s)) return s.replace(/ /g, '&#32;')
  let longest = 0
  for (const run of s.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  const fence = '`'.repeat(longest + 1)
  // A leading or trailing backtick would join the fence; a leading and trailing space would be stripped.
  const pad = s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ')) ? ' ' : ''
  return `${fence}${pad}${s}${pad}${fence}`
}

/** Code spans around the pieces between pipes, the pipes escaped: safe inside and outside a GFM table. */
function codeSpans(s: string): string {
  return s.split('|').map(codeSpan).join('\\|')
}

/**
 * `s` as inert inline markdown: in a paragraph, a list item, a heading or a
 * table cell, it renders as its own characters (runs of spaces collapsed,
 * breaks as spaces, controls as U+FFFD) and nothing else.
 */
export function inertMarkdown(s: string): string {
  const words = visibleLine(s).trim().split(' ').filter((w) => w !== '')
  const out = words.map((w) => (RISKY.test(w) ? codeSpans(w) : w.replace(MARKUP, '\\$&').replace(WORD_START, '\\$&'))).join(' ')
  // After a template's "- ", digits and a dot would start an ordered list.
  return out.replace(/^(\d+)([.)])/, '$1\\$2')
}

/** `s` as inline code (a file name, an id, a revision): inert, and shown in a monospace font. */
export function inertCode(s: string): string {
  return codeSpans(visibleLine(s))
}
