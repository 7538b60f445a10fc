/**
 * What the editor tests read from and do on the page: the checks settled, the sections opened,
 * the summary's and the fields' messages, the downloaded text, and the visible labels that must
 * never be a raw key of the schema.
 */
import type { Page } from 'playwright-core'
import { formFields, type Field } from '../../scripts/site/editor/form-model.ts'

/** Waits for the checks that follow the last keystroke (debounced), and their corrections, to have run. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.pending === undefined)
}

/** Scrolls down to the preview, which fetches its code then (the first time), and waits for it. */
export async function seePreview(page: Page): Promise<void> {
  await page.locator('#editeur-apercu').scrollIntoViewIfNeeded()
  await page.waitForFunction(() => !document.getElementById('editeur-apercu')?.textContent?.startsWith('Chargement de l’aperçu'))
  await settled(page)
}

/** Opens a section of the fiche (a click on its title, when it is closed). */
export async function openSection(page: Page, id: string): Promise<void> {
  if (!(await page.$eval(`#section-${id}`, (d) => (d as HTMLDetailsElement).open))) await page.click(`#section-${id} > summary`)
}

export async function openAllSections(page: Page): Promise<void> {
  for (const id of ['produit', 'portage', 'parcours', 'preuves', 'autres']) await openSection(page, id)
}

/** The error summary's items, as `severity rule line:column message` (onceEach's form for the CLI's). */
export async function summaryItems(page: Page): Promise<string[]> {
  const items = await page.$$eval('#editeur-resume li[data-rule]', (nodes) =>
    nodes.map((n) => `${n.getAttribute('data-severity')} ${n.getAttribute('data-rule')} ${n.getAttribute('data-line')}:${n.getAttribute('data-column')} ${n.querySelector('.editeur-resume__message')?.textContent ?? ''}`),
  )
  return items.sort()
}

/** Every message next to a field: its box, severity, text, rule id. */
export async function fieldMessages(page: Page): Promise<{ box: string; severity: string; text: string; rule: string }[]> {
  return page.$$eval('#editeur-sections [data-rule]', (nodes) =>
    nodes.map((n) => ({
      box: n.closest('.fr-messages-group')?.id ?? '',
      severity: n.classList.contains('fr-message--error') ? 'error' : 'warning',
      text: n.textContent ?? '',
      rule: n.getAttribute('data-rule') ?? '',
    })),
  )
}

/** The text the « Télécharger la fiche » link saves (a click, or Enter when `keyboard`). */
export async function download(page: Page, keyboard = false): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), keyboard ? page.keyboard.press('Enter') : page.click('#editeur-telecharger')])
  // Read as a stream: the browser may be the shared one (test/browser/shared-browser.ts), whose files are not local paths.
  const chunks: Buffer[] = []
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Every key of the schemas, nested ones included: none of them may be what a label or a button says. */
export const RAW_KEYS: ReadonlySet<string> = (() => {
  const keys = new Set<string>()
  const walk = (fields: Field[]) => {
    for (const f of fields) {
      keys.add(f.key)
      if (f.kind === 'group') walk(f.fields)
      if (f.kind === 'groups') walk(f.item.fields)
    }
  }
  for (const c of ['startups', 'organisations', 'incubators'] as const) walk(formFields(c))
  return keys
})()

/**
 * The raw keys among visible labels, legends, buttons, links, headings and the options of
 * visible lists, once the key shown small beside a name (`.editeur-cle`) and what is between
 * brackets (« Page de statistiques (stats_url) ») are set aside: a label that is a key, that
 * names a list's item by its key (« sponsors n°1 »), or that says a snake_case key.
 */
export async function rawKeyLabels(page: Page, within = '#editeur'): Promise<string[]> {
  const texts = await page.$$eval(`${within} :is(label, legend, button, summary, a, h2, h3, h4, h5, h6, select:not([disabled]) option)`, (nodes) =>
    nodes
      .filter((n) => (n instanceof HTMLOptionElement ? (n.parentElement as HTMLElement).checkVisibility() : (n as HTMLElement).checkVisibility()))
      .filter((n) => !n.closest('#editeur-apercu'))
      .map((n) => {
        const copy = n.cloneNode(true) as HTMLElement
        for (const hidden of copy.querySelectorAll('.editeur-cle, .fr-hint-text')) hidden.remove()
        return `${n.tagName.toLowerCase()}|${(copy.textContent ?? '').replace(/\s+/g, ' ').trim()}`
      }),
  )
  return rawKeysIn(texts)
}

/** The texts (`tag|text`) that are or say a raw key. */
export function rawKeysIn(texts: readonly string[]): string[] {
  return texts.filter((entry) => {
    const text = entry.slice(entry.indexOf('|') + 1).replace(/\([^)]*\)/g, '').trim()
    if (RAW_KEYS.has(text)) return true
    const words = text.split(/[\s:«»,]+/)
    return words.some((w) => (w.includes('_') && RAW_KEYS.has(w)) || (RAW_KEYS.has(w) && /n°\d/.test(text)) || (RAW_KEYS.has(w) && /^Ajouter .* à /.test(text)))
  })
}
