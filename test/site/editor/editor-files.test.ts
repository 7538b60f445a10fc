/**
 * What the build writes for the editor besides its script (scripts/site/pages/editor.ts): the
 * registry's summary (editer/registre.json: names and what the registry-wide checks read, never a
 * fiche's text), each startup's text in a file of its own (editer/fiches/<id>.md, exact bytes,
 * never a path made of an id that cannot name a file), the page that preloads what it needs, and
 * the service worker's list of the editor's files.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../../scripts/load/config.ts'
import { registrySummary, SUMMARY_FIELDS } from '../../../scripts/registry-core.ts'
import type { SiteContext } from '../../../scripts/site/context.ts'
import { ficheTextPath } from '../../../scripts/site/fiche-path.ts'
import { editorData, editorPage, editorWorker, ficheTexts, summaryOf, type ShippedRegistry } from '../../../scripts/site/pages/editor.ts'

type Fiche = NonNullable<SiteContext['fiches']>[number]

const fiche = (file: string, collection: Fiche['collection'], id: string, data: Record<string, unknown>, text = `---\ntitle: ${id}\n---\n`): Fiche => ({ file, collection, id, data, text })

const FICHES: Fiche[] = [
  fiche('startups/alpha.md', 'startups', 'alpha', { title: 'Alpha', mission: 'Une mission', thematiques: ['Santé'], techno: ['React'], repository: 'https://github.com/a/alpha', contact: 'a@exemple.fr', phases: [{ name: 'construction', start: '2025-01-06' }] }, '\ufeff---\r\ntitle: Alpha\r\n---\r\nTexte, sans saut de ligne à la fin'),
  fiche('startups/données-et-territoires.md', 'startups', 'données-et-territoires', { title: 'Données et territoires' }),
  fiche('startups/../../etc/passwd.md', 'startups', '../../etc/passwd', { title: 'Piège' }),
  fiche('startups/con.md', 'startups', 'con', { title: 'Réservé' }),
  fiche('organisations/Préfecture', 'organisations', 'Préfecture', { name: 'Préfecture', acronym: 'PREF', type: 'autre' }),
  fiche('incubators/dinum.md', 'incubators', 'dinum', { title: 'Incubateur de la DINUM', owner: '/organisations/dinum', contact: 'x@exemple.fr' }),
]

const context = { config: DEFAULT_CONFIG, fiches: FICHES } as unknown as SiteContext

describe('the registry’s summary (editer/registre.json)', () => {
  const shipped = JSON.parse(editorData(context)) as ShippedRegistry

  it('holds each fiche’s id, names and the fields the registry-wide checks read, and no text', () => {
    expect(SUMMARY_FIELDS).toEqual(expect.arrayContaining(['title', 'name', 'thematiques', 'techno', 'repository']))
    const text = editorData(context)
    for (const f of FICHES) expect(text).not.toContain(f.text.slice(0, 20).replace(/\r/g, '\\r'))
    expect(text).not.toMatch(/mission|contact|phases|acronym|owner/)
    expect(shipped.records.find((r) => r.id === 'alpha')!.data).toEqual({ title: 'Alpha', thematiques: ['Santé'], techno: ['React'], repository: 'https://github.com/a/alpha' })
    expect(shipped.records.find((r) => r.id === 'Préfecture')!.data).toEqual({ name: 'Préfecture' })
  })

  it('leaves out the usual file names, and gives them back (a file without extension keeps its own)', () => {
    expect(shipped.records.find((r) => r.id === 'alpha')!.file).toBeUndefined()
    expect(shipped.records.find((r) => r.id === 'Préfecture')!.file).toBe('organisations/Préfecture')
    expect(summaryOf(shipped)).toEqual(registrySummary(FICHES))
  })
})

describe('the startups’ texts (editer/fiches/<id>.md)', () => {
  const written = new Map(ficheTexts(context))

  it('writes each startup’s exact text, under its id, and nothing else', () => {
    expect([...written.keys()].sort()).toEqual(['editer/fiches/alpha.md', 'editer/fiches/données-et-territoires.md'])
    expect(written.get('editer/fiches/alpha.md')).toBe(FICHES[0]!.text)
  })

  it('never makes a path of an id that cannot name a file (the build refuses such an id anyway)', () => {
    for (const id of ['../../etc/passwd', 'a/b', '..', '.cache', 'con', 'nul.md', '', 'a b', 'x%2Fy']) expect(ficheTextPath(id), id).toBeUndefined()
    expect([...written.keys()].some((p) => p.includes('..') || p.includes('con.md'))).toBe(false)
  })

  it('fetches an id as one path segment', () => {
    expect(ficheTextPath('alpha')).toBe('fiches/alpha.md')
    expect(ficheTextPath('données-et-territoires')).toBe('fiches/donn%C3%A9es-et-territoires.md')
    expect(ficheTextPath('auxAJ')).toBe('fiches/auxAJ.md')
  })
})

describe('the page and its service worker', () => {
  const scripts = { files: ['editer/editeur.js', 'editer/chunk-A.js', 'editer/editor-B.js', 'editer/preview-C.js'], eager: ['editer/chunk-A.js', 'editer/editor-B.js'] }
  const pages = new Map(editorPage({ ...context, editorScripts: scripts } as SiteContext))

  it('loads its script at once and preloads what opening a fiche needs: the chunks it imports and the summary, not the preview', () => {
    const page = pages.get('editer/index.html')!
    expect(page).toContain('<script type="module" async src="../editer/editeur.js"></script>')
    expect(page).toContain('<link rel="modulepreload" href="../editer/chunk-A.js">')
    expect(page).toContain('<link rel="modulepreload" href="../editer/editor-B.js">')
    expect(page).toContain('<link rel="preload" href="../editer/registre.json" as="fetch" crossorigin>')
    expect(page).not.toContain('preview-C.js')
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  })

  it('writes the summary, the texts and the worker', () => {
    expect([...pages.keys()].sort()).toEqual(['editer/fiches/alpha.md', 'editer/fiches/données-et-territoires.md', 'editer/index.html', 'editer/registre.json', 'editer/sw.js'])
  })

  it('keeps, in its worker, the editor’s own files (every chunk, the preview’s too), and the texts under fiches/', () => {
    const worker = editorWorker(scripts)
    const files = JSON.parse(/const FILES = (\[.*\])/.exec(worker)![1]!) as string[]
    expect(files).toEqual(['./', 'registre.json', 'editeur.js', 'chunk-A.js', 'editor-B.js', 'preview-C.js', '../assets/dsfr/dsfr-site.min.css', '../assets/site.css'])
    expect(worker).toContain('const TEXTS = new URL("fiches/", SCOPE).href')
    // Nothing downloaded for it when it installs: copies on use, and from the browser's cache.
    expect(worker).not.toContain('addAll')
    expect(worker).toContain("cache: 'force-cache'")
  })
})
