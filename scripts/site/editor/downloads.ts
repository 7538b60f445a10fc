/**
 * What the editor downloads, each once: the registry's summary (editer/registre.json) and each
 * startup's text when it is opened (editer/fiches/<id>.md, fiche-path.ts). boot.ts starts both as
 * the page loads and hands them to editor.ts, which asks for the other texts when they are opened.
 */
import type { ShippedRegistry } from '../pages/editor.ts'
import { ficheTextPath } from '../fiche-path.ts'

/** The downloads boot.ts started, and the texts to come. */
export interface Downloads {
  registry: Promise<ShippedRegistry>
  text(id: string): Promise<string>
}

export async function registryIndex(url: URL): Promise<ShippedRegistry> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return (await response.json()) as ShippedRegistry
}

const TEXTS = new Map<string, Promise<string>>()

/**
 * A startup's text (only an id that can name a file: ficheTextPath), its exact bytes, a byte
 * order mark included; fetched once, again after a failure.
 */
export function storedText(id: string): Promise<string> {
  let text = TEXTS.get(id)
  if (!text) {
    const path = ficheTextPath(id)
    if (path === undefined) return Promise.reject(new Error('identifiant inutilisable'))
    text = fetch(new URL(path, document.baseURI)).then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
    })
    TEXTS.set(id, text)
    text.catch(() => TEXTS.delete(id))
  }
  return text
}
