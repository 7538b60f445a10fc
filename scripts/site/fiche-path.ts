/**
 * Where each startup's text is, as the build writes it (pages/editor.ts) and the editor fetches it
 * (editor/downloads.ts): editer/fiches/<id>.md. A small module of its own: the page's first
 * script (editor/boot.ts) needs it, and nothing of the checks.
 */
import { usableId } from '../validate/id-names.ts'

/** The folder of the startups' texts, under editer/. */
export const FICHE_TEXTS = 'fiches/'

/**
 * Where a startup's text is, relative to editer/ (`fiches/<id>.md`, the id as one URL path
 * segment); undefined for an id that cannot name a file as it is (the build refuses such an id
 * anyway: id/invalid). The one rule for the file written and the address fetched.
 */
export function ficheTextPath(id: string): string | undefined {
  return usableId(id) ? `${FICHE_TEXTS}${encodeURIComponent(id)}.md` : undefined
}
