/**
 * editer/: the fiche editor. The page is a frame (start panel, form area,
 * messages, standards summary, text, actions) that editor/editor.ts fills;
 * editer/registre.json carries what it checks against and offers to open:
 * the configuration and the registry's summary (each fiche's id, names and
 * the fields the registry-wide checks read: lint/registry-summary.ts);
 * each startup's exact text is a file of its own
 * (editer/fiches/<id>.md), fetched when the fiche is opened. The script
 * itself (editer/editeur.js and its chunks, the browser bundle) is written
 * with the site's assets.
 */
import type { RegistryConfig } from '../../load/config.ts'
import { registrySummary, type SummaryRecord } from '../../lint/registry-summary.ts'
import { usableId } from '../../validate/id-names.ts'
import { FICHE_TEXTS } from '../fiche-path.ts'
import type { EditorScripts, PageGenerator, SiteContext } from '../context.ts'
import { html, type Html } from '../html.ts'
import { DSFR_CSS, relativeRoot, renderPage, SITE_CSS } from '../layout.ts'

export const EDITOR_PATH = 'editer/'
export const EDITOR_SCRIPT = `${EDITOR_PATH}editeur.js`
export const EDITOR_DATA = `${EDITOR_PATH}registre.json`
export const EDITOR_WORKER = `${EDITOR_PATH}sw.js`

/** The editor's script when the build gave no list of its files (a site made without the bundle). */
const ENTRY_ONLY: EditorScripts = { files: [EDITOR_SCRIPT], eager: [] }

/**
 * dist/editer/registre.json: what the editor checks against and offers to open. Declared here,
 * where it is written (the editor, site/editor/check.ts, reads it): the editor's preview uses the
 * site's pages, so the pages import nothing of the editor.
 */
export interface ShippedRegistry {
  version: 2
  /** The configuration the registry was built with (collections, limits, rule settings). */
  config: Pick<RegistryConfig, 'collections' | 'limits' | 'rules' | 'ruleOptions' | 'siteUrl' | 'repositoryUrl' | 'repositoryBranch'> & Partial<Pick<RegistryConfig, 'renamedValues'>>
  /** Every fiche of the registry, summarised (lint/registry-summary.ts), its file left out when it is `<folder>/<id>.md`. */
  records: ShippedRecord[]
}

/** A fiche of the shipped summary: `file` only when it is not `<collection's folder>/<id>.md` (a file without extension). */
export type ShippedRecord = Omit<SummaryRecord, 'file'> & { file?: string }

const usualFile = (config: Pick<RegistryConfig, 'collections'>, r: Pick<SummaryRecord, 'collection' | 'id'>) => `${config.collections[r.collection]}/${r.id}.md`

/** The summary as shipped: the usual file names left out (an eighth of the summary on the real corpus). */
export function shippedRecords(config: Pick<RegistryConfig, 'collections'>, summary: readonly SummaryRecord[]): ShippedRecord[] {
  return summary.map(({ file, ...r }) => (file === usualFile(config, r) ? r : { ...r, file }))
}

/** The summary from its shipped form (check.ts, in the browser). */
export function summaryOf(registry: Pick<ShippedRegistry, 'config' | 'records'>): SummaryRecord[] {
  return registry.records.map((r) => ({ ...r, file: r.file ?? usualFile(registry.config, r) }))
}

/**
 * The editor's service worker (editer/sw.js, scope editer/): so that the page
 * also reloads offline, with the fiches opened before. Network first, always:
 * online, every request goes to the server as without it (nothing stale after
 * a new build); a request that fails (offline) gets the last copy kept. It
 * keeps the editor's own files and nothing else, each when it is used (cached
 * on use, nothing downloaded for it): the page, its script and chunks, the
 * registry's summary, the startups' texts opened, the site's two style
 * sheets. What the page fetched before the worker ran (a first visit) it
 * takes from the browser's cache when the page lists it (`keep` message:
 * `force-cache`, no second download). Any other request is left to the
 * browser, never stored, and a page's query (`?fiche=…`) is not part of the
 * key. On activation it drops the chunks of earlier builds. Its cache's name
 * carries the worker's scope, that is the site's base path: two sites on one
 * origin (`*.github.io`) never share a cache. Nothing is ever sent elsewhere.
 */
export function editorWorker(scripts: EditorScripts = ENTRY_ONLY): string {
  const root = relativeRoot(EDITOR_PATH)
  const files = ['./', 'registre.json', ...scripts.files.map((f) => f.slice(EDITOR_PATH.length)), `${root}${DSFR_CSS}`, `${root}${SITE_CSS}`]
  return `// Service worker of the fiche editor (scripts/site/pages/editor.ts): network first, the last copy offline,
// for the editor's own files only, each kept when used, in a cache named after this site's base path.
const SCOPE = new URL(self.registration.scope)
const CACHE = 'registre-editeur:' + SCOPE.pathname
const FILES = ${JSON.stringify(files)}
const KEPT = new Set(FILES.map((file) => new URL(file, SCOPE).href))
const TEXTS = new URL(${JSON.stringify(FICHE_TEXTS)}, SCOPE).href
/** A request's key: its address without query or fragment, when it is one of the editor's files or a startup's text. */
const keyOf = (request) => {
  const url = new URL(request.url)
  const key = url.origin + url.pathname
  if (request.method !== 'GET' || url.origin !== SCOPE.origin) return undefined
  return KEPT.has(key) || (key.startsWith(TEXTS) && key.endsWith('.md') && !key.slice(TEXTS.length).includes('/')) ? key : undefined
}
self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.keys().then((requests) => Promise.all(requests.filter((r) => r.url.endsWith('.js') && !KEPT.has(r.url)).map((r) => cache.delete(r)))))
      .then(() => self.clients.claim()),
  )
})
// The page lists what it fetched before this worker ran: copied from the browser's cache, not downloaded again.
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data && event.data.keep) ? event.data.keep : []
  const kept = new Map()
  for (const url of urls) {
    try {
      // The address as the page fetched it (with its query: the browser's cache knows it so), kept under its key.
      const key = keyOf(new Request(url))
      if (key !== undefined && !kept.has(key)) kept.set(key, url)
    } catch {}
  }
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        [...kept].map(([key, url]) =>
          fetch(new Request(url, { cache: 'force-cache' }))
            .then((response) => (response.ok ? cache.put(key, response) : undefined))
            .catch(() => undefined),
        ),
      ),
    ),
  )
})
self.addEventListener('fetch', (event) => {
  const key = keyOf(event.request)
  if (key === undefined) return
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone()
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)))
        }
        return response
      })
      .catch(() => caches.open(CACHE).then((cache) => cache.match(key)).then((kept) => kept || Response.error())),
  )
})
`
}

/** registre.json: the configuration the checks need and the registry's summary (no fiche's text). */
export function editorData(context: Pick<SiteContext, 'config' | 'fiches'>): string {
  const { collections, limits, rules, ruleOptions, siteUrl, repositoryUrl, repositoryBranch, renamedValues } = context.config
  const data: ShippedRegistry = {
    version: 2,
    // The renames only when some are declared: a registry without them ships what it always did.
    config: { collections, limits, rules, ruleOptions, siteUrl, repositoryUrl, repositoryBranch, ...(renamedValues.length > 0 && { renamedValues }) },
    records: shippedRecords(context.config, registrySummary(context.fiches ?? [])),
  }
  return `${JSON.stringify(data)}\n`
}

/** editer/fiches/<id>.md: each startup's text, exactly as the build read it (what opening it in the editor gives). */
export function* ficheTexts(context: Pick<SiteContext, 'fiches'>): Generator<[string, string]> {
  for (const f of context.fiches ?? []) {
    if (f.collection !== 'startups') continue
    // An id that cannot name a file is not written (and the build refuses it): never a path made of it.
    if (!usableId(f.id)) continue
    yield [`${EDITOR_PATH}${FICHE_TEXTS}${f.id}.md`, f.text]
  }
}

/** A field of the new-fiche path: label, hint (neutral examples only), control, its messages. */
function askField(id: string, label: string, hint: string, control: Html): Html {
  return html`<div class="fr-fieldset__element"><div class="fr-input-group" id="${id}-groupe"><label class="fr-label" for="${id}">${label}<span class="fr-hint-text">${hint}</span></label>${control}<div class="fr-messages-group" id="${id}-messages"></div></div></div>`
}

const input = (id: string, extra: Html = html``) => html`<input class="fr-input" type="text" id="${id}" autocomplete="off" spellcheck="false" aria-describedby="${id}-messages"${extra}>`

export const editorPage: PageGenerator = function* (context) {
  const main = html`<h1>Éditer une fiche</h1>
<p class="fr-text--lead">Modifiez la fiche d’un produit ou créez-en une, sans git ni compte développeur.</p>
<p>Pendant la saisie, la fiche passe les vérifications de l’intégration continue (<code>registry validate</code> et <code>registry lint</code> : mêmes règles, mêmes messages), dans votre navigateur. Rien n’est envoyé : la fiche ne quitte la page que si vous la téléchargez ou la proposez sur GitHub.</p>
<div id="editeur">
<!-- An element with \`hidden\` carries no DSFR class: DSFR's display rules would show it. -->
<p id="editeur-chargement" class="fr-text--lg">Chargement de l’éditeur… (il a besoin de JavaScript).</p>
<div id="editeur-pret" hidden>
<section id="editeur-accueil" aria-labelledby="editeur-accueil-titre">
<h2 id="editeur-accueil-titre" tabindex="-1">Que voulez-vous faire ?</h2>
<div class="editeur-cartes">
<div class="editeur-carte">
<h3 class="fr-h5">Modifier la fiche d’un produit</h3>
<div class="fr-select-group"><label class="fr-label" for="editeur-liste">Produit<span class="fr-hint-text">Les fiches du registre, par nom.</span></label><select class="fr-select" id="editeur-liste"></select></div>
<button type="button" class="fr-btn" id="editeur-ouvrir">Ouvrir cette fiche</button>
<div id="editeur-ouvrir-etat" role="status" aria-live="polite"></div>
</div>
<div class="editeur-carte">
<h3 class="fr-h5">Créer la fiche d’un nouveau produit</h3>
<p>En trois étapes : le produit et son équipe, où il en est, ses liens. La fiche créée passe les vérifications ; vous la complétez ensuite.</p>
<button type="button" class="fr-btn fr-btn--secondary" id="editeur-nouvelle">Créer une fiche</button>
</div>
</div>
<details class="editeur-coller fr-mt-3w">
<summary>Ou coller le texte d’une fiche</summary>
<div class="fr-input-group fr-mt-2w"><label class="fr-label" for="editeur-coller">Texte de la fiche<span class="fr-hint-text">Tout le fichier, de la première ligne --- à la fin.</span></label><textarea class="fr-input" id="editeur-coller" rows="4"></textarea></div>
<div class="fr-input-group"><label class="fr-label" for="editeur-coller-id">Son identifiant<span class="fr-hint-text">Le nom du fichier sans .md, par exemple mon-produit.</span></label><input class="fr-input" type="text" id="editeur-coller-id" autocomplete="off" spellcheck="false"></div>
<button type="button" class="fr-btn fr-btn--secondary" id="editeur-coller-ouvrir">Ouvrir le texte collé</button>
</details>
</section>
<section id="editeur-creation" aria-labelledby="editeur-creation-titre" hidden>
<h2 id="editeur-creation-titre" tabindex="-1">Créer une fiche</h2>
<div class="fr-stepper">
<h3 class="fr-stepper__title" id="creation-etape-titre"><span id="creation-etape-nom">Le produit et son équipe</span><span class="fr-stepper__state" id="creation-etape-etat">Étape 1 sur 3</span></h3>
<div class="fr-stepper__steps" id="creation-etapes" data-fr-current-step="1" data-fr-steps="3"></div>
<p class="fr-stepper__details" id="creation-etape-suivante"><span class="fr-text--bold">Étape suivante :</span> <span id="creation-etape-suivante-nom">Où en est le produit</span></p>
</div>
<div id="creation-resume" class="fr-mb-3w" tabindex="-1"></div>
<form id="creation-formulaire" novalidate>
<fieldset class="fr-fieldset editeur-etape" id="creation-etape-1" aria-labelledby="creation-etape-nom">
${askField('creation-id', 'Identifiant', 'Le nom du fichier : en minuscules, avec des tirets ; il devient l’adresse de la page du produit. Il se remplit avec le nom, vous pouvez le changer. Exemple : mon-produit', input('creation-id'))}
${askField('creation-title', 'Nom du produit', 'Tel que ses usagers le connaissent. Exemple : Mon produit', input('creation-title'))}
${askField('creation-mission', 'Pitch', 'En une phrase, ce que le produit apporte et à qui. Exemple : Simplifier une démarche pour les usagers', html`<textarea class="fr-input" id="creation-mission" rows="2" aria-describedby="creation-mission-messages"></textarea>`)}
${askField('creation-incubator', 'Incubateur', 'L’incubateur qui accompagne le produit.', html`<select class="fr-select" id="creation-incubator" aria-describedby="creation-incubator-messages"></select>`)}
${askField('creation-sponsor', 'Administration porteuse (facultatif)', 'L’administration qui porte le produit ; vous pourrez en ajouter d’autres ensuite.', html`<select class="fr-select" id="creation-sponsor" aria-describedby="creation-sponsor-messages"></select>`)}
${askField('creation-contact', 'Adresse de contact de l’équipe', 'Une adresse d’équipe plutôt qu’une adresse personnelle. Exemple : equipe@exemple.beta.gouv.fr', input('creation-contact', html` inputmode="email"`))}
</fieldset>
<fieldset class="fr-fieldset editeur-etape" id="creation-etape-2" aria-labelledby="creation-etape-nom" hidden>
${askField('creation-phase', 'Phase actuelle', 'Où en est le produit aujourd’hui.', html`<select class="fr-select" id="creation-phase" aria-describedby="creation-phase-messages"></select>`)}
${askField('creation-start', 'Début de cette phase', 'Une date sous la forme AAAA-MM-JJ, par exemple 2025-01-06.', input('creation-start', html` inputmode="numeric"`))}
</fieldset>
<fieldset class="fr-fieldset editeur-etape" id="creation-etape-3" aria-labelledby="creation-etape-nom" hidden>
${askField('creation-link', 'Adresse du service (facultatif)', 'Si le service est en ligne. Exemple : https://mon-produit.exemple.fr', input('creation-link', html` inputmode="url"`))}
${askField('creation-repository', 'Dépôt du code source (facultatif)', 'Exemple : https://github.com/mon-organisation/mon-produit', input('creation-repository', html` inputmode="url"`))}
${askField('creation-stats_url', 'Page de statistiques (facultatif)', 'Exemple : https://mon-produit.exemple.fr/stats', input('creation-stats_url', html` inputmode="url"`))}
</fieldset>
<ul class="actions">
<li><button type="submit" class="fr-btn" id="creation-suite">Continuer</button></li>
<li><button type="button" class="fr-btn fr-btn--secondary" id="creation-retour" hidden>Étape précédente</button></li>
<li><button type="button" class="fr-btn fr-btn--tertiary" id="creation-annuler">Annuler</button></li>
</ul>
</form>
</section>
<section id="editeur-fiche" aria-labelledby="editeur-titre-fiche" hidden>
<h2 id="editeur-titre-fiche" tabindex="-1">Fiche</h2>
<p class="fr-text--sm" id="editeur-fichier"></p>
<ul class="actions">
<li><a class="fr-btn" id="editeur-proposer" target="_blank" rel="noopener noreferrer">Proposer sur GitHub</a></li>
<li><a class="fr-btn fr-btn--secondary" id="editeur-telecharger">Télécharger la fiche</a></li>
<li><button type="button" class="fr-btn fr-btn--tertiary" id="editeur-changer">Ouvrir une autre fiche</button></li>
</ul>
<p class="fr-text--sm" id="editeur-proposer-note"></p>
<p class="fr-text--bold" id="editeur-etat" role="status" aria-live="polite"></p>
<div id="editeur-resume" class="fr-mb-3w" tabindex="-1"></div>
<div id="editeur-gele" hidden><p class="fr-alert fr-alert--warning fr-alert--sm">L’en-tête de cette fiche ne peut pas être lu (voir ci-dessus) : le formulaire est inactif. Corrigez le texte (« Appliquer » quand la correction est sûre), ou corrigez-le ailleurs puis collez-le à nouveau.</p></div>
<div class="editeur-colonnes">
<form id="editeur-formulaire" novalidate><div id="editeur-sections"></div></form>
<section class="editeur-standards" aria-labelledby="editeur-standards-titre">
<h3 id="editeur-standards-titre" class="fr-h5">Standards : ce qui manque</h3>
<div id="editeur-standards"></div>
</section>
</div>
<section class="fr-mt-6w" aria-labelledby="editeur-apercu-titre">
<h3 id="editeur-apercu-titre">Aperçu de la page publique</h3>
<p class="fr-text--sm">La page du produit telle que le site la montrera une fois la fiche acceptée, avec les mêmes vérifications (les liens y sont inactifs).</p>
<div id="editeur-apercu" class="editeur-apercu" role="region" tabindex="0" aria-label="Aperçu de la page publique"></div>
</section>
<details class="fr-mt-4w editeur-fichier-texte" id="editeur-texte-bloc">
<summary>Le texte du fichier, tel qu’il sera enregistré</summary>
<div class="fr-input-group fr-mt-2w"><label class="fr-label" for="editeur-texte">Texte de la fiche<span class="fr-hint-text">Ce que « Télécharger la fiche » enregistre et ce que « Proposer sur GitHub » propose.</span></label><textarea class="fr-input editeur-texte" id="editeur-texte" rows="16" readonly></textarea></div>
</details>
</section>
</div>
</div>`
  const scripts = context.editorScripts ?? ENTRY_ONLY
  // The summary and the chunks the script imports download with it, not after it.
  const preloads = [...scripts.eager.map((path) => ({ path, as: 'module' as const })), { path: EDITOR_DATA, as: 'fetch' as const }]
  yield [`${EDITOR_PATH}index.html`, renderPage({ title: 'Éditer une fiche', path: EDITOR_PATH, main, scripts: [scripts.files[0] ?? EDITOR_SCRIPT], asyncScripts: true, preloads, description: 'Créer ou modifier une fiche du registre, avec les vérifications de l’intégration continue pendant la saisie.', breadcrumb: [{ label: 'Éditer une fiche' }] })]
  yield [EDITOR_DATA, editorData(context)]
  yield* ficheTexts(context)
  yield [EDITOR_WORKER, editorWorker(scripts)]
}
