import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseRecord } from '../../../scripts/load/parse-record.ts'
import { DEFAULT_CONFIG } from '../../../scripts/load/config.ts'
import { fieldLines, ficheText, getField, newFiche, openFiche, setBody, setData, setField, type OpenedFiche } from '../../../scripts/site/editor/fiche-text.ts'
import { ficheTemplate } from '../../../scripts/scaffold/fiche-template.ts'
import { FICHE_SCHEMAS } from '../../../scripts/validate/schemas.ts'
import { BASE, check } from '../../helpers.ts'

// Property tests: a fixed seed keeps `npm test` reproducible; FUZZ_RUNS=5000 runs longer,
// FUZZ_SEED=<n> explores other inputs (as in test/fuzz/pipeline.test.ts).
const RUNS = Number(process.env.FUZZ_RUNS ?? 300)
const SEED = Number(process.env.FUZZ_SEED ?? 20261129)
/** Longer runs get more time than vitest's default. */
const FUZZ_TIMEOUT = Math.max(5_000, RUNS * 20)

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const lines = (...l: string[]): string => l.join('\n')

/** Lines removed from `before` and added in `after` (a longest common subsequence of lines), as `-text` / `+text`. */
function lineDiff(before: string, after: string): string[] {
  const a = before.split('\n')
  const b = after.split('\n')
  const n = a.length
  const m = b.length
  const t = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!)
  const out: string[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i++
      j++
    } else if (j >= m || (i < n && t[i + 1]![j]! >= t[i]![j + 1]!)) out.push(`-${a[i++]}`)
    else out.push(`+${b[j++]}`)
  }
  return out
}

/** The data `registry validate` reads from a text. */
function parsed(text: string): Record<string, unknown> | undefined {
  return parseRecord({ file: 'startups/x.md', collection: 'startups', id: 'x', text }, DEFAULT_CONFIG.limits).record?.data
}

const FICHE = BASE['startups/exemple.md']!

const TRICKY = lines(
  '---',
  '# lint-disable phase-stale -- en pause',
  'title: Exemple   # le nom',
  '# La mission, en une phrase',
  "mission: 'Simplifier une démarche'",
  '"incubator": dinum',
  'sponsors: # qui porte',
  '  # le premier',
  '  - /organisations/dinum # DINUM',
  '  - /organisations/ademe',
  'techno: [TypeScript, "Node.js"] # flow',
  'fast: {promotion: 9, montant: 140000}',
  'phases:',
  '- name: investigation',
  '  start: 2023-01-02',
  '  end: 2023-06-30',
  '-   name: construction',
  '    start: 2023-07-01 # ok',
  'events:',
  '  - name: committee',
  '    date: 2023-05-25',
  '    comment: |-',
  '      Deux lignes',
  '      de commentaire',
  'champ_inconnu: garde-moi',
  'usertypes: []',
  '',
  '# fin',
  '---',
  'Le texte.   ',
)

describe('opening and saving unchanged gives back the same bytes', () => {
  const cases: [string, string, 'data' | 'empty' | 'none'][] = [
    ['a plain fiche', FICHE, 'data'],
    ['comments everywhere, flow style, quoted keys, unknown keys, block scalars', TRICKY, 'data'],
    ['BOM and CRLF', '\ufeff---\r\ntitle: A\r\nmission: B # c\r\nincubator: dinum\r\n---\r\nTexte\r\n', 'data'],
    ['no final newline after the body', '---\ntitle: A\nmission: B\n---\nTexte sans fin de ligne', 'data'],
    ['no body and no final newline', '---\ntitle: A\n---', 'data'],
    ['trailing spaces and tabs', '---\ntitle: A   \nmission: "B"\t\n---  \n\tTexte  \n', 'data'],
    ['block scalars of every chomping', '---\ntitle: |\n  A\nmission: >-\n  B\n  C\nx: |+\n  k\n\n\ny: |2-\n    lead\n---\n', 'data'],
    ['a closing ... line', '---\ntitle: A\n...\nTexte\n', 'data'],
    ['an empty front matter', '---\n---\nTexte\n', 'empty'],
    ['only comments', '---\n# rien\n---\n', 'empty'],
    ['an empty file', '', 'empty'],
    ['no front matter', '# Titre\n\nTexte\n', 'empty'],
    ['a YAML syntax error', '---\ntitle: [a\nmission: b\n---\n', 'none'],
    ['an unterminated front matter', '---\ntitle: A\n', 'none'],
    ['a duplicate key', '---\ntitle: A\ntitle: B\n---\n', 'none'],
    ['an alias', '---\na: &x 1\nb: *x\n---\n', 'none'],
    ['a list as front matter', '---\n- a\n---\n', 'none'],
    ['a NUL byte', '---\ntitle: A\u0000\n---\n', 'none'],
  ]
  it.each(cases)('%s', (_name, text, kind) => {
    const doc = openFiche(text)
    expect(ficheText(doc)).toBe(text)
    if (kind === 'none') {
      expect(doc.data).toBeUndefined()
      expect(doc.problems.length).toBeGreaterThan(0)
      expect(setField(doc, 'title', 'X')).toBe(doc)
      return
    }
    expect(doc.data).toEqual(kind === 'empty' ? {} : parsed(text))
    for (const key of Object.keys(doc.data!)) expect(setField(doc, key, structuredClone(getField(doc, key)))).toBe(doc)
  })

  it('hands out frozen data: a value changed in place cannot go unnoticed', () => {
    const doc = openFiche(FICHE)
    expect(() => (getField(doc, 'sponsors') as string[]).push('/organisations/ademe')).toThrow(TypeError)
    expect(() => ((getField(doc, 'phases') as Record<string, unknown>[])[0]!.end = '2024-01-01')).toThrow(TypeError)
  })

  it('keeps every problem of the parse stage', () => {
    expect(openFiche('\ufeff---\r\ntitle: A\r\n---\r\n').problems.map((p) => p.ruleId)).toEqual(['file/bom', 'file/crlf'])
    expect(openFiche('---\ntitle: [a\n---\n').problems.map((p) => p.ruleId)).toEqual(['yaml/syntax'])
  })
})

describe('changing one field changes only its lines', () => {
  const edits: [string, string, string, unknown, string[]][] = [
    ['a plain scalar, keeping its comment', TRICKY, 'title', 'Autre', ['-title: Exemple   # le nom', '+title: Autre   # le nom']],
    ['a single-quoted scalar keeps its quotes', TRICKY, 'mission', 'Faire mieux', ["-mission: 'Simplifier une démarche'", "+mission: 'Faire mieux'"]],
    ['a double-quoted scalar keeps its quotes', '---\ntitle: "A"\n---\n', 'title', "l'été", ['-title: "A"', '+title: "l\'été"']],
    ['quotes a string that would read as a boolean', FICHE, 'title', 'yes', ['-title: Exemple', "+title: 'yes'"]],
    ['quotes a string that would read as a date outside a date field', FICHE, 'title', '2024-01-01', ['-title: Exemple', "+title: '2024-01-01'"]],
    ['quotes a string that would read as a number', FICHE, 'title', '12', ['-title: Exemple', "+title: '12'"]],
    ['quotes a string with ": "', FICHE, 'title', 'Exemple : la suite', ['-title: Exemple', "+title: 'Exemple : la suite'"]],
    ['writes a number plain, in place in a flow mapping', TRICKY, 'fast', { promotion: 10, montant: 140000 }, ['-fast: {promotion: 9, montant: 140000}', '+fast: {promotion: 10, montant: 140000}']],
    ['a flow list keeps its style when only values change', TRICKY, 'techno', ['TypeScript', 'Deno, Bun'], ['-techno: [TypeScript, "Node.js"] # flow', '+techno: [TypeScript, "Deno, Bun"] # flow']],
    ['a plain value in a flow list is quoted when it holds a comma', TRICKY, 'techno', ['Type, Script', 'Node.js'], ['-techno: [TypeScript, "Node.js"] # flow', '+techno: [\'Type, Script\', "Node.js"] # flow']],
    ['a flow mapping given a new key becomes a block', TRICKY, 'fast', { promotion: 9, montant: 140000, extra: true }, ['-fast: {promotion: 9, montant: 140000}', '+fast:', '+  promotion: 9', '+  montant: 140000', '+  extra: true']],
    ['writes several lines as a |- block', FICHE, 'mission', 'Une ligne\net une autre', ['-mission: Simplifier une démarche pour les usagers', '+mission: |-', '+  Une ligne', '+  et une autre']],
    ['a block scalar back to one line', TRICKY, 'events', [{ name: 'committee', date: '2023-05-25', comment: 'Une ligne' }], ['-    comment: |-', '-      Deux lignes', '-      de commentaire', '+    comment: Une ligne']],
    ['a date in a phase, written plain, one line', FICHE, 'phases', [{ name: 'investigation', start: '2023-01-02', end: '2023-06-29' }, { name: 'construction', start: '2023-07-01' }], ['-    end: 2023-06-30', '+    end: 2023-06-29']],
    ['a phase gets an end: one line added', FICHE, 'phases', [{ name: 'investigation', start: '2023-01-02', end: '2023-06-30' }, { name: 'construction', start: '2023-07-01', end: '2024-01-31' }], ['+    end: 2024-01-31']],
    ['a phase added at the end, its keys in the schema order', FICHE, 'phases', [{ name: 'investigation', start: '2023-01-02', end: '2023-06-30' }, { name: 'construction', start: '2023-07-01' }, { start: '2024-02-01', name: 'acceleration' }], ['+  - name: acceleration', '+    start: 2024-02-01']],
    ['a phase removed', FICHE, 'phases', [{ name: 'construction', start: '2023-07-01' }], ['-  - name: investigation', '-    start: 2023-01-02', '-    end: 2023-06-30']],
    ['a phase of a list indented like its key', TRICKY, 'phases', [{ name: 'investigation', start: '2023-01-02' }, { name: 'construction', start: '2023-07-01' }], ['-  end: 2023-06-30']],
    ['a commented phase field keeps its comment', TRICKY, 'phases', [{ name: 'investigation', start: '2023-01-02', end: '2023-06-30' }, { name: 'construction', start: '2023-08-01' }], ['-    start: 2023-07-01 # ok', '+    start: 2023-08-01 # ok']],
    ['a sponsor added in the middle', FICHE, 'sponsors', ['/organisations/dinum', '/organisations/ademe'], ['+  - /organisations/ademe']],
    ['a sponsor removed, its neighbour and comments kept', TRICKY, 'sponsors', ['/organisations/ademe'], ['-  - /organisations/dinum # DINUM']],
    ['a sponsor replaced', TRICKY, 'sponsors', ['/organisations/dinum', '/organisations/anct'], ['-  - /organisations/ademe', '+  - /organisations/anct']],
    ['a flow list becomes a block list, its comment kept', TRICKY, 'techno', ['TypeScript', 'Node.js', 'Vue'], ['-techno: [TypeScript, "Node.js"] # flow', '+techno: # flow', '+  - TypeScript', '+  - Node.js', '+  - Vue']],
    ['an empty list gets items', TRICKY, 'usertypes', ['particulier'], ['-usertypes: []', '+usertypes:', '+  - particulier']],
    ['a list emptied', FICHE, 'sponsors', [], ['-sponsors:', '-  - /organisations/dinum', '+sponsors: []']],
    ['a quoted key keeps its quotes', TRICKY, 'incubator', 'anct', ['-"incubator": dinum', '+"incubator": anct']],
    ['an unknown key can be changed', TRICKY, 'champ_inconnu', 'autre', ['-champ_inconnu: garde-moi', '+champ_inconnu: autre']],
    ['an item added to a list written at its key\'s indentation', TRICKY, 'phases', [{ name: 'investigation', start: '2023-01-02', end: '2023-06-30' }, { name: 'construction', start: '2023-07-01' }, { name: 'acceleration', start: '2024-01-01' }], ['+- name: acceleration', '+  start: 2024-01-01']],
    ['a plain scalar over several lines, to one line', '---\ntitle: T\nmission: Une mission\n  sur deux lignes\nincubator: i\n---\n', 'mission', 'Courte', ['-mission: Une mission', '-  sur deux lignes', '+mission: Courte']],
    ['an empty value filled, its comment kept', '---\ntitle: T\nlink:   # à remplir\n---\n', 'link', 'https://a.fr', ['-link:   # à remplir', '+link: https://a.fr   # à remplir']],
    ['an item whose first key changes its dash line only', FICHE, 'phases', [{ name: 'construction', start: '2023-01-02', end: '2023-06-30' }, { name: 'construction', start: '2023-07-01' }], ['-  - name: investigation', '+  - name: construction']],
    ['an item given a key before its first one is rewritten', '---\nevents:\n  - date: 2023-05-25\n---\n', 'events', [{ name: 'committee', date: '2023-05-25' }], ['-  - date: 2023-05-25', '+  - name: committee', '+    date: 2023-05-25']],
    ['a key added to an item goes in the schema order', '---\nevents:\n  - name: committee\n    comment: Bien\n---\n', 'events', [{ name: 'committee', date: '2023-05-25', comment: 'Bien' }], ['+    date: 2023-05-25']],
  ]
  it.each(edits)('%s', (_name, text, key, value, diff) => {
    const after = setField(openFiche(text), key, value)
    expect(lineDiff(text, after.text)).toEqual(diff)
    expect(after.data).toEqual({ ...parsed(text), [key]: value })
  })

  it('keeps CRLF line ends and the BOM in the lines it writes', () => {
    const text = '\ufeff---\r\ntitle: A\r\nmission: B\r\nincubator: dinum\r\n---\r\nTexte\r\n'
    const after = setField(setField(openFiche(text), 'mission', 'Deux\nlignes'), 'sponsors', ['/organisations/dinum'])
    expect(after.text).toBe('\ufeff---\r\ntitle: A\r\nmission: |-\r\n  Deux\r\n  lignes\r\nincubator: dinum\r\nsponsors:\r\n  - /organisations/dinum\r\n---\r\nTexte\r\n')
  })

  it('changes a scalar in place even on a line with more after it', () => {
    const text = '---\ntitle: A\nfast: {promotion: 9, montant: 1}\n---\n'
    expect(setField(openFiche(text), 'title', 'B').text).toBe('---\ntitle: B\nfast: {promotion: 9, montant: 1}\n---\n')
  })
})

describe('adding and removing keys', () => {
  const cases: [string, string, string, unknown, string[]][] = [
    ['a key goes after its closest predecessor in the schema', FICHE, 'incubators', ['dinum'], ['+incubators:', '+  - dinum']],
    ['a key goes before its closest successor when no predecessor is there', '---\nmission: M\n---\n', 'title', 'T', ['+title: T']],
    ['above the comments of the key it goes before', '---\n# La mission\nmission: M\n---\n', 'title', 'T', ['+title: T']],
    ['an unknown key goes at the end of the fields', FICHE, 'zz_maison', 'oui', ['+zz_maison: oui']],
    ['into an empty front matter', '---\n---\nTexte\n', 'title', 'T', ['+title: T']],
    ['into a text without front matter', 'Texte\n', 'title', 'T', ['+---', '+title: T', '+---']],
    ['removing a key takes only its lines', TRICKY, 'sponsors', undefined, ['-sponsors: # qui porte', '-  # le premier', '-  - /organisations/dinum # DINUM', '-  - /organisations/ademe']],
    ['removing a key keeps the comment of the next one', TRICKY, 'title', undefined, ['-title: Exemple   # le nom']],
    ['removing a block scalar', '---\ntitle: T\nmission: |\n  a\n  b\nincubator: x\n---\n', 'mission', undefined, ['-mission: |', '-  a', '-  b']],
    ['removing the last key', '---\ntitle: T\n---\n', 'title', undefined, ['-title: T']],
    ['removing a key that is not there changes nothing', FICHE, 'stats', undefined, []],
  ]
  it.each(cases)('%s', (_name, text, key, value, diff) => {
    const after = setField(openFiche(text), key, value)
    expect(lineDiff(text, after.text)).toEqual(diff)
    expect(getField(after, key)).toEqual(value)
  })

  it('writes an optional field of a `registry new` fiche where its commented-out example is', () => {
    const template = ficheTemplate('startups', FICHE_SCHEMAS.startups, { title: 'Mon produit', incubator: 'dinum', start: '2026-01-05', organisation: 'dinum' })
    const doc = openFiche(template)
    expect(lineDiff(template, setField(doc, 'link', 'https://mon-produit.beta.gouv.fr').text)).toEqual(['-# link: https://exemple.beta.gouv.fr', '+link: https://mon-produit.beta.gouv.fr'])
    expect(lineDiff(template, setField(doc, 'sponsors', ['/organisations/ademe']).text)).toEqual(['-# sponsors:', '-#   - /organisations/dinum', '+sponsors:', '+  - /organisations/ademe'])
    // Elsewhere, a comment that looks like a field is only a comment.
    const plain = '---\ntitle: T\n# link: plus tard\n---\n'
    expect(lineDiff(plain, setField(openFiche(plain), 'link', 'https://a.fr').text)).toEqual(['+link: https://a.fr'])
  })

  it('places the new key exactly', () => {
    expect(setField(openFiche('---\ntitle: T\nmission: M\nincubator: i\nphases: []\n---\n'), 'link', 'https://a.fr').text).toBe(
      '---\ntitle: T\nmission: M\nincubator: i\nlink: https://a.fr\nphases: []\n---\n',
    )
    // The comment above `mission` stays with it.
    expect(setField(openFiche('---\n# La mission\nmission: M\n---\n'), 'title', 'T').text).toBe('---\ntitle: T\n# La mission\nmission: M\n---\n')
  })

  it('setData adds, removes and changes several keys with the same care', () => {
    const doc = openFiche(FICHE)
    const data = { ...doc.data!, title: 'Nouveau', stats: true }
    delete (data as Record<string, unknown>).repository
    expect(lineDiff(FICHE, setData(doc, data).text)).toEqual(['-title: Exemple', '+title: Nouveau', '-repository: https://github.com/betagouv/exemple', '+stats: true'])
  })
})

describe('the body', () => {
  it.each([
    ['replaces the body', FICHE, 'Nouveau texte\n', FICHE.slice(0, FICHE.indexOf('## Contexte')) + 'Nouveau texte\n'],
    ['adds a line break after a closing --- at the end of the text', '---\ntitle: A\n---', 'Texte', '---\ntitle: A\n---\nTexte'],
    ['keeps CRLF up to the body', '---\r\ntitle: A\r\n---\r\nx\r\n', 'y', '---\r\ntitle: A\r\n---\r\ny'],
    ['starts a front matter for a text without one', 'Texte\n', 'Autre\n', '---\n---\nAutre\n'],
  ])('%s', (_name, text, body, expected) => {
    const after = setBody(openFiche(text), body)
    expect(after.text).toBe(expected)
    expect(after.body).toBe(body)
  })
})

describe('new fiches', () => {
  const VALID = {
    phases: [{ start: '2024-03-01', name: 'investigation' }],
    mission: 'Aider les usagers à faire leur démarche',
    title: 'Nouvelle',
    incubator: 'dinum',
    contact: 'equipe@nouvelle.beta.gouv.fr',
    repository: 'https://github.com/betagouv/nouvelle',
    sponsors: ['/organisations/dinum'],
    fast: { promotion: 12, montant: 50000 },
    stats: false,
  }
  it('writes the keys in the schema order, in the repository style', () => {
    expect(newFiche(VALID, '## Contexte\n')).toBe(
      lines(
        '---',
        'title: Nouvelle',
        'mission: Aider les usagers à faire leur démarche',
        'incubator: dinum',
        'sponsors:',
        '  - /organisations/dinum',
        'contact: equipe@nouvelle.beta.gouv.fr',
        'repository: https://github.com/betagouv/nouvelle',
        'phases:',
        '  - name: investigation',
        '    start: 2024-03-01',
        'stats: false',
        'fast:',
        '  promotion: 12',
        '  montant: 50000',
        '---',
        '## Contexte',
        '',
      ),
    )
  })
  it('passes registry validate when the data is valid', () => {
    const text = newFiche(VALID, '## Contexte\n\nUn texte.\n')
    expect(check({ 'startups/nouvelle.md': text }).filter((d) => d.severity === 'error')).toEqual([])
  })
  it('writes an organisation and an incubator in their schema order', () => {
    expect(newFiche({ type: 'operateur', name: 'Agence', acronym: 'AG', domaine_ministeriel: 'spm' }, '', 'organisations')).toBe(
      '---\nname: Agence\nacronym: AG\ndomaine_ministeriel: spm\ntype: operateur\n---\n',
    )
    const incubator = newFiche({ owner: '/organisations/dinum', title: 'Incubateur', contact: 'a@b.fr' }, 'Texte.\n', 'incubators')
    expect(incubator).toBe('---\ntitle: Incubateur\nowner: /organisations/dinum\ncontact: a@b.fr\n---\nTexte.\n')
    expect(check({ 'incubators/nouveau.md': incubator }).filter((d) => d.severity === 'error')).toEqual([])
  })
  it.each(['startups', 'organisations', 'incubators'] as const)('every field of the %s schema, written from its first example, reads back the same and passes the schema', (collection) => {
    const schema = FICHE_SCHEMAS[collection]
    const data: Record<string, unknown> = {}
    for (const [key, property] of Object.entries<Record<string, unknown>>(schema.properties)) {
      if (Array.isArray(property.examples) && !property.deprecated) data[key] = property.examples[0]
    }
    expect(Object.keys(data).length).toBeGreaterThan(3)
    const text = newFiche(data, 'Texte.\n', collection)
    expect(parsed(text)).toEqual(data)
    const file = `${collection}/exemple-complet.md`
    const structural = check({ [file]: text }).filter((d) => d.file === file && /^(schema|yaml|frontmatter|file)\//.test(d.ruleId))
    expect(structural).toEqual([])
  })

  it('refuses what YAML cannot hold', () => {
    expect(() => newFiche({ a: () => 1 }, '')).toThrow(TypeError)
    expect(() => setField(openFiche(FICHE), 'sponsors', [undefined])).toThrow(TypeError)
    expect(() => setField(openFiche(FICHE), 'x', new Date())).toThrow(TypeError)
  })
})

describe('fieldLines', () => {
  it.each([
    ['title', { start: 3, end: 3 }],
    ['sponsors', { start: 7, end: 10 }],
    ['techno', { start: 11, end: 11 }],
    ['phases', { start: 13, end: 18 }],
    ['events', { start: 19, end: 24 }],
    ['missing', undefined],
  ])('%s', (key, expected) => {
    expect(fieldLines(openFiche(TRICKY), key)).toEqual(expected)
  })
})

describe('property: whatever setField writes reads back as that value, and nothing else moves', () => {
  const keys = fc.constantFrom('title', 'mission', 'sponsors', 'phases', 'events', 'techno', 'fast', 'link', 'stats', 'zz_inconnu', 'usertypes', 'incubator')
  const scalar = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('yes', 'no', 'on', 'off', 'null', '~', 'true', '2024-01-01', '12', '0x1F', '1e3', '.inf', '-', '- a', ': a', 'a: b', 'a #b', '#a', "'", '"', '|', '>', '@a', '`a', '%a', '&a', '*a', '!a', ' a', 'a ', '', '\n', 'a\n', '\na', 'a\n\n', ' \n ', '\u00a0', '\u2028', '\ufeff', '---', '...'),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
  )
  const value = fc.letrec((tie) => ({
    any: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('any'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('any'), { maxKeys: 4 })),
  })).any
  it.each([
    ['a plain fiche', FICHE],
    ['a fiche with comments and flow style', TRICKY],
    ['a CRLF fiche', FICHE.replace(/\n/g, '\r\n')],
  ])('%s', (_name, text) => {
    const doc = openFiche(text)
    fc.assert(
      fc.property(keys, value, (key, v) => {
        const after = setField(doc, key, v)
        const again = parsed(after.text) ?? {}
        expect(again[key]).toEqual(v)
        const rest = { ...doc.data }
        delete rest[key]
        const restAfter = { ...again }
        delete restAfter[key]
        expect(restAfter).toEqual(rest)
        expect(after.body).toBe(doc.body)
        // Every line outside the field's own lines is kept, in order.
        const range = fieldLines(doc, key)
        const removed = lineDiff(text, after.text).filter((l) => l.startsWith('-'))
        expect(removed.length).toBeLessThanOrEqual(range ? range.end - range.start + 1 : 0)
        const before = text.split('\n')
        if (range) for (const l of removed) expect(before.slice(range.start - 1, range.end)).toContain(l.slice(1))
      }),
      { numRuns: RUNS, seed: SEED },
    )
  }, FUZZ_TIMEOUT)
})

describe('property: lists edited item by item', () => {
  const date = fc.date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
  const phase = fc.record(
    { name: fc.constantFrom('investigation', 'construction', 'acceleration'), start: date, end: date, comment: fc.string() },
    { requiredKeys: ['name', 'start'] },
  )
  it.each([
    ['a plain fiche', FICHE],
    ['a fiche with comments and lists at their key\'s indentation', TRICKY],
  ])('%s', (_name, text) => {
    const doc = openFiche(text)
    const old = doc.data!.phases as Record<string, unknown>[]
    const item = fc.oneof(fc.constantFrom(...old), phase, fc.constantFrom(...old).chain((o) => phase.map((p) => ({ ...o, ...p }))))
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), (phases) => {
        const after = setField(doc, 'phases', phases)
        expect(parsed(after.text)?.phases).toEqual(phases)
        // Lines that go are lines of old items that are no longer there as they were.
        const range = fieldLines(doc, 'phases')!
        const own = text.split('\n').slice(range.start - 1, range.end)
        for (const l of lineDiff(text, after.text).filter((d) => d.startsWith('-'))) expect(own).toContain(l.slice(1))
        // An unchanged list of items keeps every line.
        if (phases.length === old.length && phases.every((p, i) => p === old[i])) expect(after.text).toBe(text)
      }),
      { numRuns: Math.ceil((RUNS * 2) / 3), seed: SEED },
    )
  }, FUZZ_TIMEOUT)
})

describe('hostile texts', () => {
  it('opens odd texts without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (tail) => {
        for (const text of [tail, `---\n${tail}`, `---\n${tail}\n---\n`, `---\ntitle: ${tail}\n---\n`]) {
          const doc = openFiche(text)
          expect(doc.text).toBe(text)
          if (doc.data) {
            const after = setField(doc, 'title', 'T')
            expect(parsed(after.text)?.title ?? getField(after, 'title')).toBe('T')
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    )
  }, FUZZ_TIMEOUT)
  it('takes time linear in the size of the text', () => {
    const sizes = [2_000, 200_000]
    const perChar = sizes.map((n) => {
      const text = `---\ntitle: T\nsponsors:\n${'  - /organisations/a # x\n'.repeat(n / 25)}mission: ${'m '.repeat(n / 2)}\n---\n${'corps '.repeat(n / 6)}`
      const limits = { ...DEFAULT_CONFIG.limits, maxItems: 10_000, maxLineLength: 10_000_000 }
      const runs = Math.max(1, Math.round(400_000 / text.length))
      let best = Infinity
      for (let r = 0; r < 2; r++) {
        const start = performance.now()
        for (let i = 0; i < runs; i++) expect(setField(openFiche(text, 'startups/x.md', { limits }), 'title', `T${i}`).data?.title).toBe(`T${i}`)
        best = Math.min(best, performance.now() - start)
      }
      return best / (runs * text.length)
    })
    expect(perChar[1]! / perChar[0]!).toBeLessThan(8)
  })
})

describe('the text model runs in a browser', () => {
  it('bundles for the browser, with no node: module in its import graph', async () => {
    const result = await build({
      entryPoints: [path.join(REPO, 'scripts/site/editor/fiche-text.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.filter((i) => i.startsWith('node:') || /\bnode_modules\/@types\/node\b/.test(i))).toEqual([])
    expect(inputs).toContain('scripts/load/parse-record.ts')
    for (const [file, input] of Object.entries(result.metafile.inputs)) {
      for (const imp of input.imports) expect(imp.path, `imported by ${file}`).not.toMatch(/^node:/)
    }
  })
})

// Opt-in: the real corpus is not part of the repository; this runs only where ../shared is present.
const CORPUS = path.resolve(REPO, '../shared/corpus/beta.gouv.fr/content')
describe.skipIf(!existsSync(path.join(CORPUS, '_startups')))('the real corpus (../shared)', () => {
  const read = (dir: string): [string, string][] =>
    readdirSync(path.join(CORPUS, dir))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => [f, readFileSync(path.join(CORPUS, dir, f), 'utf8')])
  // Read in beforeAll, not while collecting: vitest collects a skipped describe too, and a fresh clone has no ../shared.
  let startups: [string, string][] = []
  beforeAll(() => {
    startups = read('_startups')
  })

  it('every startup, organisation and incubator saves back byte for byte', () => {
    expect(startups.length).toBe(662)
    let count = 0
    for (const [dir, collection] of [['_startups', 'startups'], ['_organisations', 'organisations'], ['_incubators', 'incubators']] as const) {
      for (const [f, text] of read(dir)) {
        const doc: OpenedFiche = openFiche(text, `${collection}/${f}`)
        expect(doc.data, f).toBeDefined()
        expect(ficheText(doc), f).toBe(text)
        expect(setData(doc, structuredClone(doc.data!))).toBe(doc)
        count++
      }
    }
    expect(count).toBeGreaterThanOrEqual(662)
  })

  it('any value set on any field of a real fiche changes only that field\'s lines', () => {
    const scalar = fc.oneof(fc.string(), fc.constantFrom('yes', '2024-01-01', 'a: b', '#x', 'a\nb', 'a\n\n', ' x', ''), fc.integer(), fc.boolean(), fc.constant(null))
    const value = fc.letrec((tie) => ({ any: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('any'), { maxLength: 4 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), tie('any'), { maxKeys: 3 })) })).any
    fc.assert(
      fc.property(fc.constantFrom(...startups), fc.nat(), value, ([f, text], k, v) => {
        const doc = openFiche(text, `startups/${f}`)
        const keys = [...Object.keys(doc.data!), 'link', 'roadmap_url', 'zz_nouveau']
        const key = keys[k % keys.length]!
        const after = setField(doc, key, v)
        expect(parsed(after.text)?.[key]).toEqual(v)
        const range = fieldLines(doc, key)
        const own = range ? text.split('\n').slice(range.start - 1, range.end) : []
        for (const l of lineDiff(text, after.text).filter((d) => d.startsWith('-'))) expect(own, `${f} ${key}`).toContain(l.slice(1))
      }),
      { numRuns: RUNS, seed: SEED },
    )
  }, FUZZ_TIMEOUT)

  it('changing the title of 20 startups changes exactly one line each', () => {
    const picked = startups.filter((_, i) => i % Math.floor(startups.length / 20) === 0).slice(0, 20)
    expect(picked.length).toBe(20)
    for (const [f, text] of picked) {
      const after = setField(openFiche(text, `startups/${f}`), 'title', `${getField(openFiche(text), 'title')} (nouveau nom)`).text
      const a = text.split('\n')
      const b = after.split('\n')
      expect(b.length, f).toBe(a.length)
      expect(a.filter((line, i) => line !== b[i]).length, f).toBe(1)
    }
  })
})
