/**
 * From a fiche's text to a record: the front matter split (BOM, CRLF, `...`),
 * the file-level problems, YAML errors with a French reason, and what YAML
 * features are refused (anchors, aliases, tags) — each with its position.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { parseRecord, parseYaml, splitFrontMatter } from '../../scripts/load/parse-record.ts'
import { BASE, check, editStartup, triples } from '../helpers.ts'

const LIMITS = DEFAULT_CONFIG.limits
const STARTUP = BASE['startups/exemple.md']!
const parse = (text: string, limits = LIMITS) => parseRecord({ file: 'startups/x.md', collection: 'startups', id: 'x', text }, limits)

describe('splitFrontMatter', () => {
  it.each([
    ['LF', '---\na: 1\n---\nbody', { yamlStart: 4, yamlEnd: 9, bodyStart: 13 }],
    ['a BOM before the opening line', '\uFEFF---\na: 1\n---\nbody', { yamlStart: 5, yamlEnd: 10, bodyStart: 14 }],
    ['CRLF', '---\r\na: 1\r\n---\r\nbody', { yamlStart: 5, yamlEnd: 11, bodyStart: 16 }],
    ['closed by ...', '---\na: 1\n...\nbody', { yamlStart: 4, yamlEnd: 9, bodyStart: 13 }],
    ['spaces after the delimiters', '--- \na: 1\n---  \nbody', { yamlStart: 5, yamlEnd: 10, bodyStart: 16 }],
    ['no newline after the closing line', '---\na: 1\n---', { yamlStart: 4, yamlEnd: 9, bodyStart: 12 }],
    ['an empty front matter', '---\n---\n', { yamlStart: 4, yamlEnd: 4, bodyStart: 8 }],
    ['the first closing line ends it', '---\na: 1\n---\nb: 2\n---\n', { yamlStart: 4, yamlEnd: 9, bodyStart: 13 }],
    ['no opening line', 'a: 1\n---\n', 'missing'],
    ['an indented opening line', ' ---\na: 1\n---\n', 'missing'],
    ['four dashes', '----\na: 1\n---\n', 'missing'],
    ['text after the opening dashes', '--- a: 1\n---\n', 'missing'],
    ['no closing line', '---\na: 1\n', 'unterminated'],
    ['only the opening line', '---', 'unterminated'],
    ['an indented closing line', '---\na: 1\n ---\n', 'unterminated'],
    ['four dashes as closing line', '---\na: 1\n----\n', 'unterminated'],
  ])('%s', (_case, text, expected) => {
    expect(splitFrontMatter(text)).toEqual(expected)
  })
})

describe('parseRecord', () => {
  it('gives the data, the raw body and where the YAML sits', () => {
    const { record, problems } = parse('---\ntitle: Exemple\n---\n## Contexte\n\nUn texte.\n')
    expect(problems).toEqual([])
    expect(record).toMatchObject({ file: 'startups/x.md', collection: 'startups', id: 'x', data: { title: 'Exemple' }, body: '## Contexte\n\nUn texte.\n', yamlStart: 4, yamlEnd: 19 })
  })

  it.each([
    ['LF', '---\na: 1\n---\nCorps\n', 'Corps\n'],
    ['CRLF', '---\r\na: 1\r\n---\r\nCorps\r\n', 'Corps\r\n'],
    ['closed by ...', '---\na: 1\n...\nCorps\n', 'Corps\n'],
    ['no body', '---\na: 1\n---\n', ''],
    ['a body that starts with a blank line', '---\na: 1\n---\n\nCorps', '\nCorps'],
  ])('keeps the body as written (%s)', (_case, text, body) => {
    expect(parse(text).record?.body).toBe(body)
  })

  it.each([
    ['a date', 'd: 2023-01-02', '2023-01-02'],
    ['an impossible date', 'd: 2023-02-30', '2023-02-30'],
    ['a timestamp', 'd: 2023-01-02T10:00:00Z', '2023-01-02T10:00:00Z'],
    ['yes (YAML 1.1 boolean)', 'd: yes', 'yes'],
    ['on', 'd: on', 'on'],
    ['an octal-looking number', 'd: 010', 10],
    ['true', 'd: true', true],
    ['a decimal', 'd: 1.5', 1.5],
    ['~', 'd: ~', null],
    ['an empty value', 'd:', null],
    ['a quoted number', "d: '15'", '15'],
  ])('reads %s with the YAML 1.2 core schema', (_case, line, value) => {
    expect(parse(`---\n${line}\n---\n`).record?.data.d).toEqual(value)
  })

  it('keeps a __proto__ key as data without polluting Object.prototype', () => {
    const { record } = parse('---\n__proto__:\n  polluted: oui\nconstructor: 1\n---\n')
    const data = record!.data
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor'])
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toEqual({ polluted: 'oui' })
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reports a BOM as a warning and still reads the fiche', () => {
    const { record, problems } = parse('\uFEFF---\na: 1\n---\n')
    expect(problems).toEqual([{ file: 'startups/x.md', ruleId: 'file/bom', offset: 0, endOffset: 1, fix: { range: [0, 1], text: '' } }])
    expect(record?.data).toEqual({ a: 1 })
  })
})

describe('file and front matter problems, located in the file', () => {
  const S = 'startups/exemple.md'
  it.each([
    ['an empty file', '', [['file/empty', 1, 1]]],
    ['a file with only a BOM', '\uFEFF', [['file/empty', 1, 1]]],
    ['a NUL byte (at it)', '---\nti\u0000tle: x\n---\n', [['file/nul-byte', 2, 3]]],
    ['a BOM (warning) before a valid fiche', `\uFEFF${STARTUP}`, [['file/bom', 1, 1]]],
    ['no front matter', '# Exemple\n\nUn texte.\n', [['frontmatter/missing', 1, 1]]],
    ['a BOM and no front matter', '\uFEFF# Exemple\n', [['file/bom', 1, 1], ['frontmatter/missing', 1, 1]]],
    ['a front matter never closed', '---\ntitle: Exemple\n\nUn texte.\n', [['frontmatter/unterminated', 1, 1]]],
    ['an empty front matter (at its first line)', '---\n---\nUn texte.\n', [['frontmatter/empty', 2, 1]]],
    ['a front matter with only a comment', '---\n# à remplir\n---\n', [['frontmatter/empty', 2, 1]]],
    ['a front matter that is a list', '---\n- title: Exemple\n---\n', [['frontmatter/not-mapping', 2, 1]]],
    ['a front matter that is a text', '---\nExemple\n---\n', [['frontmatter/not-mapping', 2, 1]]],
    ['a CRLF fiche is located like an LF one', STARTUP.replace(/\n/g, '\r\n').replace('2023-07-01', '2023-02-30'), [['file/crlf', 1, 4], ['schema/format', 14, 12]]],
    ['a fiche closed by ...', STARTUP.replace('---\n## Contexte', '...\n## Contexte').replace('2023-07-01', '2023-02-30'), [['schema/format', 14, 12]]],
  ])('%s', (_case, text, expected) => {
    expect(triples(check({ [S]: text }))).toEqual(expected)
  })
})

describe('YAML problems, located in the file', () => {
  // Base startup: line 4 is `incubator: dinum`, line 5 `sponsors:`, line 6 `  - /organisations/dinum`, line 8 `link: …`.
  it.each([
    ['a missing colon (at the line that lacks it, not where YAML notices)', 'incubator: dinum', 'incubator dinum', [['yaml/syntax', 4, 1]]],
    ['a tab used as indentation', '  - /organisations/dinum', '\t- /organisations/dinum', [['yaml/syntax', 6, 1]]],
    ['a line indented too much', 'incubator: dinum', 'incubator: dinum\n  bad: x', [['yaml/syntax', 5, 1]]],
    ['a key written twice (at the second one)', 'link:', 'title: Autre\nlink:', [['yaml/duplicate-key', 8, 1]]],
    ['an anchor (at the &)', 'incubator: dinum', 'incubator: &i dinum', [['yaml/anchor', 4, 12]]],
    ['an anchor on a list', 'sponsors:', 'sponsors: &s', [['yaml/anchor', 5, 11]]],
    ['an alias (at the *)', 'incubator: dinum', 'incubator: *i', [['yaml/alias', 4, 12]]],
    ['a standard tag', 'incubator: dinum', 'incubator: !!str dinum', [['yaml/tag', 4, 12]]],
    ['a custom tag', 'incubator: dinum', 'incubator: !custom dinum', [['yaml/tag', 4, 12]]],
    ['a tag on a list', 'sponsors:', 'sponsors: !!seq', [['yaml/tag', 5, 11]]],
    ['a control character', 'incubator: dinum', 'incubator: din\u0007um', [['yaml/syntax', 4, 15]]],
    ['a __proto__ key: an unknown field, at its key', 'link:', '__proto__:\n  polluted: oui\nlink:', [['schema/unknown-key', 8, 1]]],
  ])('%s', (_case, from, to, expected) => {
    expect(triples(check(editStartup(from, to)))).toEqual(expected)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('spans the whole anchor, alias or tag', () => {
    const spans = (from: string, to: string) => check(editStartup(from, to)).map((d) => [d.line, d.column, d.endLine, d.endColumn])
    expect(spans('incubator: dinum', 'incubator: &inc dinum')).toEqual([[4, 12, 4, 16]])
    expect(spans('incubator: dinum', 'incubator: *inc')).toEqual([[4, 12, 4, 16]])
    expect(spans('incubator: dinum', 'incubator: !!str dinum')).toEqual([[4, 12, 4, 17]])
  })

  it('gives the tag in the message', () => {
    expect(check(editStartup('incubator: dinum', 'incubator: !custom dinum'))[0]?.message).toBe("L’étiquette YAML « !custom » n’est pas acceptée dans une fiche.")
  })

  it('reports an excessive nesting depth with its own rule', () => {
    const limits = { ...LIMITS, maxDepth: 3 }
    const { problems, record } = parse('---\na: [[[[1]]]]\n---\n', limits)
    expect(record).toBeUndefined()
    expect(problems.map((p) => p.ruleId)).toEqual(['yaml/too-deep'])
    expect(parse('---\na: [1]\n---\n', limits).problems).toEqual([])
  })
})

