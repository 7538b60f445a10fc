/**
 * What a reader of rendered markdown would see: markdown-it (CommonMark, GFM
 * tables and strikethrough, raw HTML allowed as GitHub allows some, linkify)
 * plus GitHub's own reference patterns, which GitHub applies to the text
 * nodes of the HTML outside <code>, <pre> and <a> (html-pipeline's mention,
 * issue and SHA filters, cmark-gfm's autolinks). Shared by the tests that
 * prove fiche-derived text inert.
 */
import fc from 'fast-check'
import MarkdownIt, { type Token } from 'markdown-it'

export const md = new MarkdownIt({ html: true, linkify: true })

/** GitHub's autolinks in a text node, more eager than GitHub itself (any of these is a failure). */
export const GITHUB_PATTERNS: readonly [string, RegExp][] = [
  ['mention', /(?:^|[^a-z0-9_`])@[a-z0-9]/i],
  ['issue reference', /#\d/],
  ['GH- reference', /\bgh-\d/i],
  ['commit SHA', /(?:^|[^0-9a-z])[0-9a-f]{7,40}(?![0-9a-z])/i],
  ['URL', /[a-z][a-z0-9+.-]*:\/\//i],
  ['www', /www\./i],
  ['e-mail', /[a-z0-9._%+-]@[a-z0-9-]+\.[a-z]/i],
  ['emoji', /:[a-z0-9_+-]+:/i],
]

/** The GitHub references a text holds (outside code spans and links). */
export function githubReferences(text: string): string[] {
  return GITHUB_PATTERNS.filter(([, re]) => re.test(text)).map(([name]) => name)
}

/** Every token, inline children included, depth first. */
export function allTokens(tokens: readonly Token[]): Token[] {
  const out: Token[] = []
  for (const t of tokens) {
    out.push(t)
    if (t.children) out.push(...allTokens(t.children))
  }
  return out
}

/** The shape of a document: its tokens' types and tags, text and code contents left out. */
export function shape(markdown: string): string[] {
  return allTokens(md.parse(markdown, {})).filter((t) => t.type !== 'text' && t.type !== 'code_inline' && t.type !== 'softbreak').map((t) => `${t.type}:${t.tag}${t.type === 'link_open' ? `:${t.attrGet('href')}` : ''}`)
}

/** The text nodes of a document outside code spans and links (where GitHub looks for references). */
export function linkableText(markdown: string): string[] {
  const out: string[] = []
  let inLink = 0
  for (const t of allTokens(md.parse(markdown, {}))) {
    if (t.type === 'link_open') inLink++
    if (t.type === 'link_close') inLink--
    if (t.type === 'text' && inLink === 0) out.push(t.content)
  }
  return out
}

/**
 * Whether `hostile` (a document rendered with fiche-derived strings) holds
 * exactly the elements of `benign` (the same document with plain strings in
 * their place), and no GitHub reference that `benign` does not hold.
 */
export function sameElements(hostile: string, benign: string): { extra: string[]; references: string[] } {
  const a = shape(hostile)
  const b = shape(benign)
  const extra = a.length === b.length && a.every((x, i) => x === b[i]) ? [] : a.filter((x, i) => x !== b[i]).slice(0, 5)
  const allowed = new Set(linkableText(benign).flatMap(githubReferences))
  const references = linkableText(hostile).flatMap((t) => githubReferences(t).filter((r) => !allowed.has(r)).map((r) => `${r} in ${JSON.stringify(t)}`))
  return { extra, references }
}

/** What attackers and copy-pastes put in values and file names. */
export const HOSTILE_FRAGMENTS = [
  '@team', '@betagouv/admins', 'x@y', '(@team)', '#1', '#12', 'owner/repo#2', 'GH-3', 'gh-4', 'a5c3785ed8d6a35868bc169f07e40e889087fd2e', 'deadbee', 'jlord@a5c3785',
  'https://evil.example/p.png', 'http://x.y', 'HTTPS://EVIL.EXAMPLE', 'www.evil.example', 'evil.example', 'mailto:a@b.fr', 'javascript:alert(1)', 'ftp://x',
  '![](https://evil.example/p.png)', '![x](p.png)', '[cliquez](https://evil.example)', '[x]: https://evil.example', '<https://evil.example>', '[^1]', '[!NOTE]',
  '<img src=x onerror=alert(1)>', '<a href="https://evil.example">', '</details>', '<details>', '<!--', '-->', '<b>', '&lt;', '&#64;', '&amp;', '&',
  '**gras**', '*', '_it_', '__', '~~barré~~', '~', '`code`', '``', '```', '~~~', '`', '| cell |', '|', '\\|', '\\', '\\\\', '$x$', '$$', ':smile:', ':+1:',
  '\n## Titre\n', '\n', '\r\n', '\r', '\t', '# h', '> quote', '- item', '+ item', '1. item', '2)', '---', '===', '***', '    code', ' ', '  ', '\u00a0',
  '\u202e', '\u202a', '\u2066', '\u2069', '\u200f', '\u0000', '\u001b[31m', '\u2028', 'é', '…', '«', '»', 'x', 'Mon produit', '2024-03-18', '10:1', 'a.b', '1.',
]

export const hostileString = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }, { weight: 1, arbitrary: fc.constant(' ') }), { maxLength: 10 })
  .map((parts) => parts.join(''))
