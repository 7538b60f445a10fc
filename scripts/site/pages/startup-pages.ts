/**
 * The startups' pages: startupMain (startup.ts) with each startup's online evidence
 * (site/evidence.ts). Apart from startup.ts so that the editor's preview, which shows the page
 * without evidence, does not bundle the evidence's words.
 */
import type { PageGenerator } from '../context.ts'
import { evidenceSection } from '../evidence.ts'
import { renderPage } from '../layout.ts'
import { startupMain } from './startup.ts'

export const startupPages: PageGenerator = function* (context) {
  for (const s of context.startups) {
    const path = `startups/${s.id}/`
    yield [`${path}index.html`, renderPage({ title: s.title ?? s.id, path, main: startupMain(context, s, path, evidenceSection(context, s, path)), description: s.mission, breadcrumb: [{ label: s.title ?? s.id }] })]
  }
}
