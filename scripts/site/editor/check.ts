/**
 * The editor's checks, as the browser runs them: the registry's summary shipped
 * with the site (dist/editer/registre.json) turned into a context once, then
 * checkFiche on each change. Everything here is the project's own pipeline
 * (registry-core.ts); no `node:` module.
 */
import { summaryContext, type FicheCheck, type FicheContext } from '../../registry-core.ts'
import type { Diagnostic } from '../../report/diagnostic.ts'
import { summaryOf, type ShippedRegistry } from '../pages/editor.ts'

export { checkFiche, ficheContext, locateFiche, summaryContext, type FicheCheck, type FicheContext, type ShippedFile } from '../../registry-core.ts'
export type { ShippedRegistry } from '../pages/editor.ts'

export function contextOf(registry: ShippedRegistry): FicheContext {
  return summaryContext({ renamedValues: [], ...registry.config }, summaryOf(registry))
}

/** Today's date where the browser is, YYYY-MM-DD: the editor's as-of date for the standards. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/**
 * What validate and lint report, once each: the standards rules that validate
 * also runs (contact-missing…) give the same diagnostic in both.
 */
export function shownDiagnostics(check: FicheCheck): Diagnostic[] {
  const seen = new Set<string>()
  return [...check.validate, ...check.lint].filter((d) => {
    const key = JSON.stringify([d.ruleId, d.line, d.column, d.message])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
