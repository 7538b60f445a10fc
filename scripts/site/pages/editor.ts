/**
 * editer/: the fiche editor. The page is a frame (start panel, form area,
 * messages, standards summary, text, actions) that editor/editor.ts fills;
 * editer/registre.json carries everything it checks against and offers to
 * open: the configuration and every fiche's exact text (the build's own
 * sources). The script itself (editer/editeur.js, the browser bundle) is
 * written with the site's assets.
 */
import type { ShippedRegistry } from '../editor/check.ts'
import type { PageGenerator, SiteContext } from '../context.ts'
import { html } from '../html.ts'
import { DSFR_CSS, relativeRoot, renderPage, SITE_CSS } from '../layout.ts'

export const EDITOR_PATH = 'editer/'
export const EDITOR_SCRIPT = `${EDITOR_PATH}editeur.js`
export const EDITOR_DATA = `${EDITOR_PATH}registre.json`
export const EDITOR_WORKER = `${EDITOR_PATH}sw.js`

/**
 * The editor's service worker (editer/sw.js, scope editer/): so that the page
 * also reloads offline. Network first, always: online, every request goes to
 * the server as without it (nothing stale after a new build); a request that
 * fails (offline) gets the last copy kept. It keeps the editor's own files
 * and nothing else (the page, its script, the registry, the site's two style
 * sheets): any other request is left to the browser, never stored, and a
 * page's query (`?fiche=…`) is not part of the key, so the cache holds at
 * most these five responses. Its name carries the worker's scope, that is
 * the site's base path: two sites on one origin (`*.github.io`) never share
 * a cache. Nothing is ever sent elsewhere.
 */
export function editorWorker(): string {
  const files = ['./', 'editeur.js', 'registre.json', `${relativeRoot(EDITOR_PATH)}${DSFR_CSS}`, `${relativeRoot(EDITOR_PATH)}${SITE_CSS}`]
  return `// Service worker of the fiche editor (scripts/site/pages/editor.ts): network first, the last copy offline,
// for the editor's own files only, in a cache named after this site's base path.
const SCOPE = new URL(self.registration.scope)
const CACHE = 'registre-editeur:' + SCOPE.pathname
const FILES = ${JSON.stringify(files)}
const KEPT = new Set(FILES.map((file) => new URL(file, SCOPE).href))
/** A request's key: its address without query or fragment, when it is one of the editor's files. */
const keyOf = (request) => {
  const url = new URL(request.url)
  const key = url.origin + url.pathname
  return request.method === 'GET' && url.origin === SCOPE.origin && KEPT.has(key) ? key : undefined
}
self.addEventListener('install', (event) => {
  self.skipWaiting()
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...KEPT])))
})
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))
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

/** registre.json: the configuration the checks need and the registry's fiches, byte for byte. */
export function editorData(context: Pick<SiteContext, 'config' | 'fiches'>): string {
  const { collections, limits, rules, ruleOptions, siteUrl, repositoryUrl, repositoryBranch } = context.config
  const data: ShippedRegistry = {
    version: 1,
    config: { collections, limits, rules, ruleOptions, siteUrl, repositoryUrl, repositoryBranch },
    files: (context.fiches ?? []).map(({ file, collection, id, text }) => ({ file, collection, id, text })),
  }
  return `${JSON.stringify(data)}\n`
}

export const editorPage: PageGenerator = function* (context) {
  const main = html`<h1>Éditer une fiche</h1>
<p>Créez la fiche d’un produit ou modifiez une fiche du registre sans git : le formulaire écrit le fichier comme une personne l’écrirait, et les vérifications de l’intégration continue (<code>registry validate</code> et <code>registry lint</code>, mêmes règles, mêmes messages) s’exécutent pendant la saisie, dans votre navigateur. Rien n’est envoyé : la fiche ne quitte la page que si vous la téléchargez ou la proposez sur GitHub.</p>
<div id="editeur" data-registre="registre.json">
<!-- An element with \`hidden\` carries no DSFR class: DSFR's display rules would show it. -->
<p id="editeur-chargement" class="fr-text--lg">Chargement de l’éditeur… (il a besoin de JavaScript).</p>
<div id="editeur-pret" hidden>
<section class="fr-mb-4w" aria-labelledby="editeur-commencer-titre">
<h2 id="editeur-commencer-titre">Commencer</h2>
<div class="fr-grid-row fr-grid-row--gutters">
<div class="fr-col-12 fr-col-md-4">
<p>Une fiche vide, pour un nouveau produit :</p>
<button type="button" class="fr-btn" id="editeur-nouvelle">Nouvelle fiche</button>
</div>
<div class="fr-col-12 fr-col-md-4">
<div class="fr-select-group">
<label class="fr-label" for="editeur-liste">Ouvrir une fiche du registre</label>
<select class="fr-select" id="editeur-liste"></select>
</div>
<button type="button" class="fr-btn fr-btn--secondary" id="editeur-ouvrir">Ouvrir cette fiche</button>
</div>
<div class="fr-col-12 fr-col-md-4">
<div class="fr-input-group">
<label class="fr-label" for="editeur-coller">Ou coller le texte d’une fiche<span class="fr-hint-text">Tout le fichier, de la première ligne --- à la fin.</span></label>
<textarea class="fr-input" id="editeur-coller" rows="4"></textarea>
</div>
<div class="fr-input-group">
<label class="fr-label" for="editeur-coller-id">Son identifiant<span class="fr-hint-text">Le nom du fichier sans .md, par exemple mon-produit.</span></label>
<input class="fr-input" type="text" id="editeur-coller-id" autocomplete="off" spellcheck="false">
</div>
<button type="button" class="fr-btn fr-btn--secondary" id="editeur-coller-ouvrir">Ouvrir le texte collé</button>
</div>
</div>
</section>
<section class="fr-mb-4w" aria-labelledby="editeur-titre-fiche">
<h2 id="editeur-titre-fiche">Nouvelle fiche</h2>
<div class="fr-callout fr-mb-3w">
<p class="fr-callout__text" id="editeur-etat" role="status" aria-live="polite"></p>
<ul id="editeur-messages" aria-label="Messages qui ne portent pas sur un champ du formulaire"></ul>
</div>
<div id="editeur-gele" hidden><p class="fr-alert fr-alert--warning fr-alert--sm">L’en-tête de cette fiche ne peut pas être lu (voir le message ci-dessus) : le formulaire est inactif, corrigez le texte puis ouvrez-le à nouveau.</p></div>
<form id="editeur-formulaire" novalidate>
<div class="fr-input-group">
<label class="fr-label" for="champ-identifiant">Identifiant<span class="fr-hint-text">Le nom du fichier sans .md, en minuscules avec des tirets : il devient l’adresse publique du produit. Exemple : mon-produit (obligatoire)</span></label>
<input class="fr-input" type="text" id="champ-identifiant" autocomplete="off" spellcheck="false" aria-describedby="champ-identifiant-note champ-identifiant-messages">
<div id="champ-identifiant-note-boite" hidden><p class="fr-message fr-message--info" id="champ-identifiant-note"></p></div>
<div class="fr-messages-group" id="champ-identifiant-messages"></div>
</div>
<div id="editeur-champs"></div>
<div class="fr-input-group">
<label class="fr-label" for="champ-corps">Texte de présentation (markdown)<span class="fr-hint-text">Ce qui suit l’en-tête : le problème, la solution, l’équipe… Les titres s’écrivent « ## Titre ».</span></label>
<textarea class="fr-input" id="champ-corps" rows="12" aria-describedby="champ-corps-messages"></textarea>
<div class="fr-messages-group" id="champ-corps-messages"></div>
</div>
<h3 class="fr-h6">Aperçu du texte</h3>
<div id="editeur-apercu" class="editeur-apercu"></div>
</form>
</section>
<section class="fr-mb-4w" aria-labelledby="editeur-standards-titre">
<h2 id="editeur-standards-titre">Standards : ce qui manque encore</h2>
<div id="editeur-standards"></div>
</section>
<section class="fr-mb-4w" aria-labelledby="editeur-texte-titre">
<h2 id="editeur-texte-titre">Le fichier</h2>
<div class="fr-input-group">
<label class="fr-label" for="editeur-texte">Texte de la fiche, tel qu’il sera enregistré</label>
<textarea class="fr-input editeur-texte" id="editeur-texte" rows="16" readonly></textarea>
</div>
<ul class="fr-btns-group fr-btns-group--inline-md">
<li><a class="fr-btn" id="editeur-proposer" target="_blank" rel="noopener noreferrer">Proposer sur GitHub</a></li>
<li><a class="fr-btn fr-btn--secondary" id="editeur-telecharger">Télécharger</a></li>
</ul>
<p id="editeur-proposer-note"></p>
</section>
</div>
</div>`
  yield [`${EDITOR_PATH}index.html`, renderPage({ title: 'Éditer une fiche', path: EDITOR_PATH, main, scripts: [EDITOR_SCRIPT], description: 'Créer ou modifier une fiche du registre, avec les vérifications de l’intégration continue pendant la saisie.', breadcrumb: [{ label: 'Éditer une fiche' }] })]
  yield [EDITOR_DATA, editorData(context)]
  yield [EDITOR_WORKER, editorWorker()]
}
