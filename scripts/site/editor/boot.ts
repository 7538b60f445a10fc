/**
 * The editor page's script as the page loads it (editer/editeur.js, `async`: it runs as soon as it
 * is here, before the style sheets): it starts at once what opening a fiche needs, the registry's
 * summary (registre.json, which the page preloads) and, for editer/?fiche=<id>, that startup's
 * text, then loads the editor itself (editor.ts, a chunk the page preloads too) and hands them
 * over. The text downloads while the editor's code does, not after it. No `node:` import, no
 * inline script (the site's CSP).
 */
import { registryIndex, storedText, type Downloads } from './downloads.ts'

const downloads: Downloads = { registry: registryIndex(new URL('registre.json', document.baseURI)), text: storedText }
// Asked for before the summary says whether the registry has it: a mistyped id is a 404, ignored.
const asked = new URLSearchParams(location.search).get('fiche')
if (asked) downloads.text(asked).catch(() => undefined)
import('./editor.ts').then(
  (editor) => editor.startEditor(downloads),
  async (err: unknown) => {
    if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
    const note = document.getElementById('editeur-chargement')
    if (note) note.textContent = `L’éditeur n’a pas pu se charger (${String((err as Error)?.message ?? err)}). Rechargez la page.`
  },
)
