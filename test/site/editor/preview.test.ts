/**
 * The editor's preview is the site's startup page (the same page code) for the checked text:
 * its standards with the lint's words, its headings under the preview's own, its links inert,
 * a hostile text inert too.
 */
import { describe, expect, it } from 'vitest'
import { embed, previewHtml } from '../../../scripts/site/editor/preview.ts'
import { AS_OF, baseContext, checkText } from './editor-context.ts'

const context = baseContext()
const TEXT = '---\ntitle: Essai\nmission: Simplifier une démarche\nincubator: dinum\nlink: https://essai.beta.gouv.fr\nphases:\n  - name: acceleration\n    start: 2024-01-08\n---\n## Le problème\n\nUn **texte**.\n'

describe('the preview', () => {
  const html = previewHtml(checkText(TEXT, context), context, AS_OF)

  it('is the startup page: name, pitch, phase, standards with what to write, the presentation', () => {
    expect(html).toContain('>Essai</h4>')
    expect(html).toContain('Simplifier une démarche')
    expect(html).toContain('Accélération')
    expect(html).toMatch(/<li class="standard standard--failing">[^]*Page de statistiques \(stats_url\)[^]*Pour corriger : /)
    expect(html).toContain('<strong>texte</strong>')
    expect(html).toContain('Incubateur de la DINUM')
  })

  it('sits under the preview’s heading, with its own ids, and nothing to follow', () => {
    expect(html).not.toMatch(/<h[123][ >]/)
    expect(html).not.toMatch(/\shref=/)
    expect(html).not.toContain('fr-summary')
    expect(html).not.toContain('Modifier dans l’éditeur')
    for (const [, id] of html.matchAll(/\sid="([^"]*)"/g)) expect(id).toMatch(/^apercu-/)
  })

  it('rewrites only the page’s own markup: what a fiche says stays text', () => {
    const hostile = TEXT.replace('title: Essai', 'title: \'<h1 id="x" href="y">Piège</h1>\'')
    const out = previewHtml(checkText(hostile, context), context, AS_OF)
    expect(out).toContain('&lt;h1 id=&quot;x&quot; href=&quot;y&quot;&gt;Piège&lt;/h1&gt;')
    expect(out).not.toContain('<h1')
  })

  it('says nothing for a text that cannot be read', () => {
    expect(previewHtml(checkText('---\ntitle: [\n---\n', context), context, AS_OF)).toBe('')
  })

  it('embed moves headings down three levels, at most to h6', () => {
    expect(embed('<h1 class="a">A</h1><h2>B</h2><h5>C</h5>')).toBe('<h4 class="a">A</h4><h5>B</h5><h6>C</h6>')
  })
})
