/** The editor's context for the pure tests: the BASE registry of the test helpers, as the site ships it. */
import { DEFAULT_CONFIG } from '../../../scripts/load/config.ts'
import { checkFiche, ficheContext, type FicheContext } from '../../../scripts/registry-core.ts'
import { BASE, sources } from '../../helpers.ts'

export const AS_OF = '2026-06-15'

export function baseContext(extra: Record<string, string> = {}): FicheContext {
  return ficheContext(DEFAULT_CONFIG, sources({ ...BASE, ...extra }))
}

export const checkText = (text: string, context: FicheContext, file = 'startups/essai.md') => checkFiche(text, file, context, 'fr', AS_OF)
