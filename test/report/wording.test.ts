/**
 * The words people read, checked together: every message and hint that validate and lint give
 * on every fixture registry (and the repository's own fiches), in French and in English, every
 * category label, every command's help, the online checker's warnings. No « (s) », numbers that
 * agree with their nouns, one apostrophe style, no invisible character, a label and not a slug,
 * and no French left with --lang en (values quoted from a fiche aside).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFiche, ficheContext, type ShippedFile } from '../../scripts/registry-core.ts'
import { COLLECTIONS, DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { RULE_CATALOGUE } from '../../scripts/lint/rule-catalogue.ts'
import { commandHelp } from '../../scripts/cli/help.ts'
import { describeOnlineWarning } from '../../scripts/lint/online/describe-online-warning.ts'
import type { OnlineWarning } from '../../scripts/lint/online/check.ts'

const REPO = path.join(import.meta.dirname, '..', '..')
const FIXTURES = path.join(REPO, 'test', 'fixtures')
const REGISTRIES = [path.join(FIXTURES, 'good'), path.join(FIXTURES, 'hints'), ...fs.readdirSync(path.join(FIXTURES, 'bad')).map((n) => path.join(FIXTURES, 'bad', n)), REPO]
const COMMANDS = ['validate', 'build', 'lint', 'docs', 'report', 'new', 'propose', 'changes', 'evidence']

function filesOf(root: string): ShippedFile[] {
  return COLLECTIONS.flatMap((collection) => {
    const dir = path.join(root, collection)
    if (!fs.existsSync(dir)) return []
    return fs.readdirSync(dir).filter((n) => n.endsWith('.md')).map((name) => ({ file: `${collection}/${name}`, collection, id: name.slice(0, -3), text: fs.readFileSync(path.join(dir, name), 'utf8') }))
  })
}

type Texts = { where: string; text: string }[]

function texts(lang: 'fr' | 'en'): Texts {
  const out: Texts = []
  for (const root of REGISTRIES) {
    const files = filesOf(root)
    const context = ficheContext(DEFAULT_CONFIG, files)
    for (const f of files) {
      const r = checkFiche(f.text, f.file, context, lang, '2026-06-01')
      for (const d of [...r.validate, ...r.lint]) out.push({ where: `${d.ruleId} message`, text: d.message }, { where: `${d.ruleId} hint`, text: d.hint })
    }
  }
  for (const c of RULE_CATALOGUE.categories) out.push({ where: `category ${c}`, text: RULE_CATALOGUE.categoryLabel(c, lang) })
  for (const c of COMMANDS) out.push({ where: `${c} --help`, text: commandHelp(c, lang)! })
  const warnings: OnlineWarning[] = [
    { id: 'cache-ignored', file: '.cache/x.json', problem: { reason: 'json' } },
    { id: 'cache-entries-dropped', file: '.cache/x.json', count: 1 },
    { id: 'cache-entries-dropped', file: '.cache/x.json', count: 2 },
    { id: 'cache-unwritable', file: '.cache/x.json', code: 'EACCES' },
    { id: 'github-rate-limited', authenticated: false },
    { id: 'github-rate-limited', authenticated: true, reserve: 100 },
    { id: 'no-network', hosts: 2, code: 'ENOTFOUND' },
    { id: 'no-network', hosts: 1, code: 'ENOTFOUND' },
  ]
  for (const w of warnings) out.push({ where: `online ${w.id}`, text: describeOnlineWarning(w, lang) }, { where: `evidence ${w.id}`, text: describeOnlineWarning(w, lang, 'evidence') })
  return out
}

const FR = texts('fr')
const EN = texts('en')
const bad = (list: Texts, test: (text: string) => boolean) => [...new Set(list.filter((t) => test(t.text)).map((t) => `${t.where}: ${t.text}`))]

const NOUNS = ['erreur', 'avertissement', 'fiche', 'fichier', 'élément', 'caractère', 'entrée', 'jour', 'standard', 'règle', 'serveur', 'ligne', 'octet', 'niveau']

describe('the words of every message, hint and label', () => {
  it('reads many texts (the check is not empty)', () => {
    expect(FR.length).toBeGreaterThan(100)
    expect(new Set(FR.map((t) => t.where.split(' ')[0])).size).toBeGreaterThan(30)
  })

  it('no « (s) » or « (x) »: the words agree with the number', () => {
    expect(bad([...FR, ...EN], (t) => /\((s|x|e|es)\)/.test(t))).toEqual([])
  })

  it('numbers agree with their nouns', () => {
    const one = new RegExp(`(^|[^\\d,.])[01] (${NOUNS.join('|')})s\\b`)
    const many = new RegExp(`(^|[^\\d,.])([2-9]|\\d{2,}) (${NOUNS.join('|')})\\b(?!s)`)
    expect(bad(FR, (t) => one.test(t) || many.test(t))).toEqual([])
    expect(bad(EN, (t) => /(^|[^\d,.])1 (errors|warnings|fiches|files|items|characters|days|lines|bytes)\b/.test(t) || /(^|[^\d,.])([02-9]|\d{2,}) (error|warning|fiche|file|item|character|day|line|byte)\b(?!s)/.test(t))).toEqual([])
  })

  it('one apostrophe style within a text', () => {
    expect(bad([...FR, ...EN], (t) => /\p{L}'\p{L}/u.test(t.replace(/«[^»]*»|"[^"]*"|`[^`]*`|Écrivez : .*$/g, '')) && /\p{L}’\p{L}/u.test(t))).toEqual([])
  })

  it('one apostrophe style across the catalogue: the typographic ’ of French, never a straight elision', () => {
    const straight = /(^|[^\p{L}])(l|d|n|qu|s|j|c|jusqu|lorsqu|puisqu|aujourd|presqu|quelqu)'\p{L}/iu
    expect(bad(FR, (t) => straight.test(t.replace(/«[^»]*»|"[^"]*"|`[^`]*`|Écrivez : .*$/g, '')))).toEqual([])
  })

  it('no straight elision in any French string of the sources (messages that no fixture reaches included)', () => {
    const straight = /(^|[^\p{L}])(l|d|n|qu|s|j|c|jusqu|lorsqu|puisqu|aujourd|presqu|quelqu)'\p{L}/iu
    const found: string[] = []
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, e.name)
        if (e.isDirectory()) walk(file)
        // Generated from schemas/*.json, and the bench's own console: not messages of the catalogue.
        else if (e.name.endsWith('.ts') && !/generated|(feed|history)-schema|openapi/.test(e.name) && !file.includes(`${path.sep}bench${path.sep}`)) {
          fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
            // Regular expressions match folded text, where ’ has become ' (body-sections' fold): not messages.
            const code = line.replace(/(^\s*|[(,:=!&|?]\s*)\/(?:\\.|\[[^\]]*\]|[^/\\\n])+\/[dgimsuy]*/g, '$1')
            if (straight.test(code)) found.push(`${path.relative(REPO, file)}:${i + 1}: ${line.trim()}`)
          })
        }
      }
    }
    walk(path.join(REPO, 'scripts'))
    expect(found).toEqual([])
  })

  it('no invisible character', () => {
    expect(bad([...FR, ...EN], (t) => /[\u00ad\u180e\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff]/.test(t))).toEqual([])
  })

  it('a label, not a slug', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const c of RULE_CATALOGUE.categories) {
        const label = RULE_CATALOGUE.categoryLabel(c, lang)
        expect(label, `${c} (${lang})`).not.toMatch(/[-_]/)
        if (lang === 'fr' && /[-_]/.test(c)) expect(label).not.toBe(c)
      }
    }
  })

  it('no French left with --lang en (values quoted from the fiches aside)', () => {
    // Quoted values and proper names (MonServiceSécurisé) stay as they are.
    const unquoted = (t: string) => t.replace(/"[^"]*"|«[^»]*»|`[^`]*`|(Write|For example): .*$|MonServiceSécurisé/g, '')
    const french = /\b(le|la|les|des|une|est|pas|avec|dans|pour|Écrivez|Ajoutez|Vérifiez|Remplacez|Renommez|Supprimez|Gardez|avertissements?|erreurs?)\b|[éèàùç]/i
    expect(bad(EN, (t) => french.test(unquoted(t)))).toEqual([])
  })
})
