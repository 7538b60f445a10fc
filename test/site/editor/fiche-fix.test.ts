/**
 * Fixes made by the editor's text model: one edit, only the characters that
 * change (widened to whole words), quotes and comments kept; no fix when the
 * finest edits cannot make the change or the pointer leads nowhere.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../../scripts/load/config.ts'
import type { Problem } from '../../../scripts/report/diagnostic.ts'
import { fixResolver, textEdit, valueFix } from '../../../scripts/site/editor/fiche-fix.ts'
import { openFiche } from '../../../scripts/site/editor/fiche-text.ts'

const apply = (text: string, fix: { range: [number, number]; text: string }) => text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1])

describe('textEdit', () => {
  it.each([
    ['a word replaced whole, not its common ending', 'name: perennisation\n', 'name: consolidation\n', { range: [6, 19], text: 'consolidation' }],
    ['a character removed', 'a\u200bb', 'ab', { range: [1, 2], text: '' }],
    ['a BOM removed', '\ufeff---', '---', { range: [0, 1], text: '' }],
    ['spaces removed inside quotes', "x: 'a  '\n", "x: 'a'\n", { range: [5, 7], text: '' }],
    ['a word written in place of another, no common part', 'x: a-b\n', 'x: c-d\n', { range: [3, 6], text: 'c-d' }],
    ['nothing changed', 'abc', 'abc', { range: [3, 3], text: '' }],
    ['a surrogate pair kept whole', 'x: \u{1F600}\n', 'x: \u{1F601}\n', { range: [3, 5], text: '\u{1F601}' }],
  ])('%s', (_, before, after, expected) => {
    const edit = textEdit(before, after)
    expect(edit).toEqual(expected)
    expect(apply(before, edit)).toBe(after)
  })
})

const FICHE = `---
title: 'Exemple '  # le nom
phases:
  - name: alumni # parti
    start: 2020-01-01
  - { name: "transfer", start: 2021-01-01 }
---
Texte.
`

describe('valueFix', () => {
  const doc = openFiche(FICHE, 'startups/exemple.md')
  it.each([
    ['a plain value, its comment kept', '/phases/0/name', 'abandon', '  - name: abandon # parti'],
    ['a quoted value in a flow mapping, its quotes kept', '/phases/1/name', 'perennisation', '  - { name: "perennisation", start: 2021-01-01 }'],
    ['a single-quoted value, its comment kept', '/title', 'Exemple', "title: 'Exemple'  # le nom"],
  ])('%s', (_, pointer, value, line) => {
    const fix = valueFix(doc, pointer, value)!
    const after = apply(FICHE, fix)
    expect(after.split('\n')).toContain(line)
    // Only that line changed.
    expect(after.split('\n').filter((l, i) => l !== FICHE.split('\n')[i])).toEqual([line])
  })

  it.each([
    ['a pointer to nothing', '/phases/5/name', 'x'],
    ['a key that does not exist', '/mission', 'x'],
    ['a pointer that is not one', 'title', 'x'],
    ['the same value', '/phases/0/name', 'alumni'],
  ])('gives no fix for %s', (_, pointer, value) => {
    expect(valueFix(doc, pointer, value)).toBeUndefined()
  })

  it('gives no fix for a fiche whose front matter cannot be read', () => {
    expect(valueFix(openFiche('---\na: [\n---\n', 'startups/x.md'), '/a', 'b')).toBeUndefined()
  })
})

describe('fixResolver', () => {
  const resolve = fixResolver(DEFAULT_CONFIG.limits, (file) => (file.startsWith('startups/') ? 'startups' : undefined))
  const problem = (fix: Problem['fix'], file = 'startups/exemple.md', path = '/phases/0/name'): Problem => ({ file, ruleId: 'vocabulary/renamed', path, fix })
  it('makes the edit of a value', () => {
    expect(resolve(problem({ value: 'abandon' }), { text: FICHE })).toEqual({ range: [FICHE.indexOf('alumni'), FICHE.indexOf('alumni') + 6], text: 'abandon' })
  })
  it.each([
    ['no correction', problem(undefined)],
    ['a text edit (finalize makes those)', problem({ range: [0, 1], text: '' })],
    ['a file outside the collections', problem({ value: 'abandon' }, 'notes/x.md')],
    ['no path', { ...problem({ value: 'abandon' }), path: undefined }],
  ])('gives none for %s', (_, p) => {
    expect(resolve(p, { text: FICHE })).toBeUndefined()
  })
})
