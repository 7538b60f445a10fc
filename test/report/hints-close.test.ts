/**
 * Every hint, applied literally, closes its diagnostic and opens none. Generated: for every
 * fixture registry (test/fixtures/good, bad/*, hints, and the repository's own fiches), every
 * diagnostic of validate and lint whose hint gives the text to write is applied as a person
 * would (rename the marked key, write the given line, add the given field, move the line above
 * the closing ---), the fiche checked again: the diagnostic is gone and nothing new appeared
 * (a fiche that could not be read before may show the warnings of a fiche that can).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFiche, ficheContext, type FicheContext, type ShippedFile } from '../../scripts/registry-core.ts'
import { DEFAULT_CONFIG, COLLECTIONS } from '../../scripts/load/config.ts'
import type { Diagnostic } from '../../scripts/report/diagnostic.ts'

const REPO = path.join(import.meta.dirname, '..', '..')
const FIXTURES = path.join(REPO, 'test', 'fixtures')
const AS_OF = '2026-06-01'

const REGISTRIES = [
  path.join(FIXTURES, 'good'),
  path.join(FIXTURES, 'hints'),
  ...fs.readdirSync(path.join(FIXTURES, 'bad')).map((n) => path.join(FIXTURES, 'bad', n)),
  REPO,
]

function filesOf(root: string): ShippedFile[] {
  return COLLECTIONS.flatMap((collection) => {
    const dir = path.join(root, collection)
    if (!fs.existsSync(dir)) return []
    return fs.readdirSync(dir).filter((n) => n.endsWith('.md')).map((name) => ({ file: `${collection}/${name}`, collection, id: name.slice(0, -3), text: fs.readFileSync(path.join(dir, name), 'utf8') }))
  })
}

/** What validate and lint report for the fiche (a standards rule that validate also runs is counted once). */
const diagnosticsOf = (text: string, file: string, context: FicheContext): Diagnostic[] => {
  const r = checkFiche(text, file, context, 'fr', AS_OF)
  const seen = new Set<string>()
  return [...r.validate, ...r.lint].filter((d) => {
    const k = `${d.line}:${d.column} ${key(d)}`
    return !seen.has(k) && seen.add(k) !== undefined
  })
}

/** A value that the person has to supply: not text to write as it is. */
const PLACEHOLDER = /…|AAAA|MM-JJ|<|>/

/** The closing --- of the front matter: its line index. */
const closingLine = (lines: readonly string[]): number => lines.indexOf('---', 1)

/** Sets the top-level field `key` to the line `line` (replacing its line, or added at the end of the front matter). */
function setField(lines: string[], key: string, line: string): void {
  const end = closingLine(lines)
  const at = lines.slice(0, end).findIndex((l) => l.startsWith(`${key}:`))
  if (at > 0) lines[at] = line
  else lines.splice(end, 0, line)
}

/** The text with the hint applied literally, or undefined when the hint gives no text to write. */
function applyHint(text: string, d: Diagnostic): string | undefined {
  const lines = text.split('\n')
  const i = d.line - 1
  const h = d.hint
  let m: RegExpExecArray | null
  if ((m = /^Renommez « (.+?) » en « (.+?) »\.$/.exec(h))) {
    const cps = [...lines[i]!]
    const marked = cps.slice(d.column - 1, d.endColumn - 1).join('')
    expect(marked, 'the marked text is what the hint renames').toBe(m[1])
    lines[i] = cps.slice(0, d.column - 1).join('') + m[2] + cps.slice(d.endColumn - 1).join('')
    return lines.join('\n')
  }
  if ((m = /^Remplacez « (.+?) » par « (.+?) »\./.exec(h))) {
    const cps = [...lines[i]!]
    const marked = cps.slice(d.column - 1, d.endColumn - 1).join('')
    expect(marked, 'the marked text holds what the hint replaces').toContain(m[1])
    lines[i] = cps.slice(0, d.column - 1).join('') + marked.replace(m[1]!, m[2]!) + cps.slice(d.endColumn - 1).join('')
    return lines.join('\n')
  }
  if ((m = /^Gardez une seule ligne « .+? » : supprimez celle-ci/.exec(h))) {
    lines.splice(i, 1)
    return lines.join('\n')
  }
  if ((m = /remplacez la ligne (\d+) par « (.+?) » ; puis supprimez cette ligne du texte/.exec(h))) {
    lines[Number(m[1]) - 1] = m[2]!
    lines.splice(i, 1)
    return lines.join('\n')
  }
  if (/^Remontez cette ligne au-dessus du --- de fermeture\.$/.test(h)) {
    const [moved] = lines.splice(i, 1)
    lines.splice(closingLine(lines), 0, moved!)
    return lines.join('\n')
  }
  if ((m = /Écrivez : ([^«»]*)$/.exec(h))) {
    lines[i] = m[1]!
    return lines.join('\n')
  }
  if ((m = /(?:[ÉéE]crivez|[Aa]joutez une ligne|[Aa]joutez|Par exemple :) « ([a-z_]+): ([^»]*?) »/.exec(h))) {
    if (PLACEHOLDER.test(m[2]!) || /\(ou /.test(h.slice(m.index + m[0].length, m.index + m[0].length + 6))) return undefined
    const nested = (d.path ?? '').split('/').length > 2
    if (nested) {
      const indent = /^\s*(?:-\s+)?/.exec(lines[i]!)![0]
      lines[i] = `${indent}${m[1]}: ${m[2]}`
    } else setField(lines, m[1]!, `${m[1]}: ${m[2]}`)
    return lines.join('\n')
  }
  return undefined
}

const key = (d: Diagnostic) => `${d.severity} ${d.ruleId} ${d.message}`
const count = (list: readonly Diagnostic[], k: string) => list.filter((d) => key(d) === k).length
/** A fiche that could not be read: once fixed, its data is checked for the first time. */
const UNREADABLE = /^(yaml|frontmatter|file)\//

interface Case {
  name: string
  text: string
  file: string
  context: FicheContext
  diagnostic: Diagnostic
  applied: string
}

function cases(): { applied: Case[]; skipped: Diagnostic[] } {
  const applied: Case[] = []
  const skipped: Diagnostic[] = []
  for (const root of REGISTRIES) {
    const files = filesOf(root)
    const context = ficheContext(DEFAULT_CONFIG, files)
    for (const f of files) {
      for (const d of diagnosticsOf(f.text, f.file, context)) {
        const after = applyHint(f.text, d)
        if (after === undefined) skipped.push(d)
        else applied.push({ name: `${path.relative(REPO, root) || '.'}/${d.file}:${d.line}:${d.column} ${d.ruleId}: ${d.hint}`, text: f.text, file: f.file, context, diagnostic: d, applied: after })
      }
    }
  }
  return { applied, skipped }
}

const { applied: CASES, skipped: SKIPPED } = cases()

describe('every hint that gives text to write, applied literally, closes its diagnostic and opens none', () => {
  it('applies the hints of every kind of fix (rename, line to write, field to add, line to move, value to keep)', () => {
    const rules = new Set(CASES.map((c) => c.diagnostic.ruleId))
    for (const r of ['schema/unknown-key', 'schema/enum', 'ref/unknown-incubator', 'ref/unknown-sponsor', 'yaml/syntax', 'yaml/duplicate-key', 'frontmatter-in-body', 'schema/type', 'contact-missing', 'mon-service-securise']) expect(rules, r).toContain(r)
    // The hints left out say what to do without the text (a date to check, a page to publish, a section to write).
    expect(SKIPPED.filter((d) => /Renommez « |Remplacez « |Écrivez : /.test(d.hint))).toEqual([])
    expect(CASES.length).toBeGreaterThanOrEqual(20)
  })

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const before = diagnosticsOf(c.text, c.file, c.context)
    const after = diagnosticsOf(c.applied, c.file, c.context)
    const fixed = key(c.diagnostic)
    expect(count(after, fixed), 'the diagnostic is gone').toBe(count(before, fixed) - 1)
    const opened = after.filter((d) => count(after, key(d)) > count(before, key(d)) && key(d) !== fixed)
    if (UNREADABLE.test(c.diagnostic.ruleId)) expect(opened.filter((d) => d.severity === 'error').map(key), 'no new error').toEqual([])
    else expect(opened.map(key), 'nothing new').toEqual([])
  })
})
