/**
 * The startups' pages: startupMain (startup.ts) with each startup's online evidence
 * (site/evidence.ts). Apart from startup.ts so that the editor's preview, which shows the page
 * without evidence, does not bundle the evidence's words.
 */
import type { PageGenerator, SiteContext, StartupItem } from '../context.ts'
import { evidenceSection } from '../evidence.ts'
import { renderPage } from '../layout.ts'
import { startupMain } from './startup.ts'

/** One startup's page: [site-relative path, HTML]. */
export function startupPage(context: SiteContext, s: StartupItem): [string, string] {
  const path = `startups/${s.id}/`
  return [`${path}index.html`, renderPage({ title: s.title ?? s.id, path, main: startupMain(context, s, path, evidenceSection(context, s, path)), description: s.mission, breadcrumb: [{ label: s.title ?? s.id }] })]
}

export const startupPages: PageGenerator = function* (context) {
  for (const s of context.startups) yield startupPage(context, s)
}
