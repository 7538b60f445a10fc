// changes.atom: commit subjects, authors and fiche ids are text for a feed reader, never markup.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { parseDocument } from 'htmlparser2'
import { describe, expect, it } from 'vitest'
import type { ChangeSet } from '../../scripts/history/changes.ts'
import { changesAtom } from '../../scripts/history/history-files.ts'

const HOSTILE = 'x ]]><img src=x onerror=alert(1)> <![CDATA[ <script>alert(2)</script> &amp; &lt;b&gt; y'

const set = (over: Partial<ChangeSet> = {}): ChangeSet => ({
  commit: 'a'.repeat(40), date: '2025-01-01', time: '2025-01-01T10:00:00Z', subject: HOSTILE, author: `Camille ${HOSTILE}`, fiches: 1, summaries: [],
  changes: [{ kind: 'modified', collection: 'startups', id: 'a<b>', file: 'startups/a<b>.md', title: HOSTILE, fields: ['title'] }],
  ...over,
}) as ChangeSet

/** The elements an HTML parser (as a feed reader's) finds in a piece of text. */
function elements(html: string): string[] {
  const out: string[] = []
  const walk = (nodes: { type: string; name?: string; children?: unknown[] }[]) => {
    for (const n of nodes) {
      if (n.type === 'tag' || n.type === 'script' || n.type === 'style') out.push(n.name!)
      if (n.children) walk(n.children as never)
    }
  }
  walk(parseDocument(html).children as never)
  return out
}

describe('changesAtom', () => {
  const atom = changesAtom([set()], 'https://registre.example.org')
  const feed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(atom).feed

  it('is well-formed XML whatever the subject holds', () => {
    expect(XMLValidator.validate(atom)).toBe(true)
    expect(atom).not.toContain('CDATA[ <script')
  })

  it('titles, summaries and names are text: the subject reads as its own characters and holds no element', () => {
    const entry = feed.entry
    expect(entry.title['@_type']).toBe('text')
    expect(entry.summary['@_type']).toBe('text')
    expect(entry.title['#text']).toBe(`2025-01-01 : 1 fiche (${HOSTILE})`)
    expect(entry.author.name).toBe(`Camille ${HOSTILE}`)
    // Even a reader that took the title for HTML would find no element in it: it is escaped text.
    expect(elements(atom.slice(atom.indexOf('<title type="text">2025'), atom.indexOf('</title>', atom.indexOf('<title type="text">2025'))).replace(/^<title[^>]*>/, ''))).toEqual([])
  })

  it('the HTML content holds the list’s own elements, and the values as text', () => {
    expect(feed.entry.content['@_type']).toBe('html')
    const html = feed.entry.content['#text'] as string
    expect(elements(html)).toEqual(['ul', 'li'])
    expect(parseDocument(html).children.map((n) => ('children' in n ? n.children.map((c) => ('children' in c ? c.children.map((t) => ('data' in t ? t.data : '')).join('') : '')).join('') : ''))).toEqual(['startups/a<b> : modifiée ; champs title'])
  })
})
