// Fiche-derived text in markdown: rendered, it is its own characters and nothing else.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inertCode, inertMarkdown, visibleLine } from '../../scripts/report/inert-markdown.ts'
import { allTokens, githubReferences, hostileString, md } from './markdown-check.ts'

const PLACE = 'PLACEHOLDER'

/** Templates the reports use: a paragraph, the start of a block, a list item, a heading, a table cell, a block after raw HTML. */
const CONTEXTS = [
  `Avant ${PLACE} après.`,
  `${PLACE}`,
  `- ${PLACE}`,
  `- \`startups/a.md\` ${PLACE}`,
  `### ${PLACE}`,
  `| Fiche | Problème |\n| --- | --- |\n| \`a.md\` | ${PLACE} |`,
  `<details><summary>Afficher</summary>\n\n${PLACE}\n\n</details>`,
  `> [!NOTE]\n> ${PLACE}`,
]

/** The inline tokens of `markdown` in order, each as its children's types and their concatenated content. */
function inlines(markdown: string): { types: string[]; text: string }[] {
  return md
    .parse(markdown, {})
    .filter((t) => t.type === 'inline')
    .map((t) => ({ types: (t.children ?? []).map((c) => c.type), text: (t.children ?? []).map((c) => (c.type === 'softbreak' ? '\n' : c.content)).join('') }))
}

/** Renders `value` (already inert markdown) in `context` and checks that it reads exactly `expected` and holds nothing else. */
function expectInert(context: string, value: string, expected: string): void {
  const reference = md.parse(context, {})
  const actual = md.parse(context.replace(PLACE, () => value), {})
  // Same blocks and the same elements as the template alone.
  const blocks = (tokens: typeof reference) => tokens.map((t) => `${t.type}:${t.tag}`)
  expect(blocks(actual), `${JSON.stringify(value)} in ${JSON.stringify(context)}`).toEqual(blocks(reference))
  const before = inlines(context)
  const after = inlines(context.replace(PLACE, () => value))
  expect(after.length).toBe(before.length)
  for (let i = 0; i < before.length; i++) {
    const b = before[i]!
    const a = after[i]!
    if (!b.text.includes(PLACE)) {
      expect(a).toEqual(b)
      continue
    }
    // Only text and code spans: no link, image, HTML, emphasis, line break.
    for (const type of a.types) expect(['text', 'code_inline', ...b.types], `${type} from ${JSON.stringify(value)}`).toContain(type)
    expect(a.text).toBe(b.text.replace(PLACE, () => expected))
  }
  // No GitHub reference outside code spans, and nothing to reorder the line.
  for (const t of allTokens(actual)) {
    if (t.type === 'text') expect(githubReferences(t.content), `${JSON.stringify(t.content)} from ${JSON.stringify(value)}`).toEqual([])
    if (t.type === 'text' || t.type === 'code_inline') expect(t.content).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u0000-\u0008]/)
  }
}

const collapsed = (s: string) => visibleLine(s).trim().split(' ').filter((w) => w !== '').join(' ')

describe('inertMarkdown', () => {
  it.each([
    ['@team', '`@team`'],
    ['owner/repo#2', '`owner/repo#2`'],
    ['![](https://evil.example/p.png)', '`![](https://evil.example/p.png)`'],
    ['**gras** <b>', '\\*\\*gras\\*\\* \\<b\\>'],
    ['a|b@c', '`a`\\|`b@c`'],
    ['1. premier', '1\\. premier'],
    ['Mon\u202eproduit', 'Mon\ufffdproduit'],
    ['Le titre\n## Faux', 'Le titre \\#\\# Faux'],
    ['Le titre\n=== Faux', 'Le titre \\=== Faux'],
    ['2) deuxième', '2\\) deuxième'],
    ['Ajoutez-en un !', 'Ajoutez-en un !'],
    ['Une phrase, simple.', 'Une phrase, simple.'],
  ])('%j → %j', (value, expected) => {
    expect(inertMarkdown(value)).toBe(expected)
  })

  it.each(CONTEXTS)('renders generated hostile values as their own text in %j', (context) => {
    fc.assert(
      fc.property(hostileString, (value) => {
        const text = collapsed(value)
        // A value of nothing but spaces vanishes; the template then reads without it.
        fc.pre(text !== '')
        expectInert(context, inertMarkdown(value), text)
      }),
      { numRuns: 400 },
    )
  })
})

describe('inertCode', () => {
  it.each([
    ['startups/a.md', '`startups/a.md`'],
    ['a`b', '``a`b``'],
    ['`x`', '`` `x` ``'],
    ['a|b', '`a`\\|`b`'],
  ])('%j → %j', (value, expected) => {
    expect(inertCode(value)).toBe(expected)
  })

  it.each(CONTEXTS.filter((c) => !c.startsWith(PLACE) && !c.includes(`\n${PLACE}`)))('renders generated file names as code in %j', (context) => {
    fc.assert(
      fc.property(hostileString, (value) => {
        const text = visibleLine(value)
        fc.pre(text !== '')
        expectInert(context, inertCode(value), text)
      }),
      { numRuns: 300 },
    )
  })
})
