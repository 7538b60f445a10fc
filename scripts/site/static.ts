/**
 * The site's own static texts, written by the build next to the pages: its
 * style sheet (on top of DSFR's) and the home page's filter script. Kept as
 * strings so that the build, the bundle and the benchmark find them wherever
 * they run from. No `node:` import.
 */

/** assets/site.css */
export const SITE_STYLES = `/* The site's own styles, on top of the DSFR parts (assets/dsfr/dsfr-site.min.css). */
.site-nav { border-bottom: 1px solid var(--border-default-grey); }
.site-nav__list { display: flex; flex-wrap: wrap; gap: 0 .25rem; list-style: none; margin: 0; padding: 0; }
.site-nav__list > li { padding: 0; }
.site-nav__link { display: inline-block; padding: .75rem .75rem; font-weight: 500; text-decoration: none; background-image: none; color: var(--text-action-high-grey); }
.site-nav__link[aria-current="page"] { color: var(--text-active-blue-france); box-shadow: inset 0 -2px 0 0 var(--border-active-blue-france); }
.site-nav__link:hover { background-color: var(--background-default-grey-hover); }

.filters { padding: 1rem; background-color: var(--background-alt-grey); }
.filters__grid { display: grid; gap: 0 1rem; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); }
.filters__grid > * { margin-bottom: 1rem; }

.startups { list-style: none; margin: 0; padding: 0; }
.startups > .startup { padding: 1rem 0; border-bottom: 1px solid var(--border-default-grey); }
.startup[hidden] { display: none; }
.startup__meta { color: var(--text-mention-grey); }

.glance { display: flex; flex-wrap: wrap; gap: .25rem; list-style: none; margin: 0; padding: 0; }
.glance__item { margin: 0; padding: 0 .5rem; font-size: .75rem; line-height: 1.5rem; border-radius: .75rem; }
.glance__item--ok { background-color: var(--background-contrast-success); color: var(--text-default-success); }
.glance__item--ko { background-color: var(--background-contrast-warning); color: var(--text-default-warning); }

/* Bars are <meter> elements (no inline style: the pages' Content-Security-Policy forbids it). One rule per
   vendor pseudo-element: a browser drops a whole rule whose selector list has one it does not know. */
.bar { display: inline-block; width: 6rem; height: .75rem; vertical-align: middle; -webkit-appearance: none; appearance: none; border: 0; background: var(--background-contrast-grey); border-radius: .375rem; overflow: hidden; }
.bar::-webkit-meter-bar { height: .75rem; border: 0; border-radius: .375rem; background: var(--background-contrast-grey); }
.bar--ok::-webkit-meter-optimum-value { background: var(--background-flat-success); }
.bar--mid::-webkit-meter-optimum-value { background: var(--background-flat-warning); }
.bar--low::-webkit-meter-optimum-value { background: var(--background-flat-error); }
.bar--ok::-moz-meter-bar { background: var(--background-flat-success); }
.bar--mid::-moz-meter-bar { background: var(--background-flat-warning); }
.bar--low::-moz-meter-bar { background: var(--background-flat-error); }
.bar__text { font-variant-numeric: tabular-nums; }

/* Tables: cells wrap, so that a table fits its column at desktop widths; on a narrow screen
   it scrolls sideways inside its region (role="region", focusable, named after the table),
   with shadows at the edges that say there is more. */
.fr-table__wrapper { width: auto; max-width: 100%; }
.fr-table__content table { width: 100%; }
.fr-table__content td, .fr-table__content th { white-space: normal; overflow-wrap: break-word; min-width: 4rem; }
.table-scroll {
  background:
    linear-gradient(to right, var(--background-default-grey) 30%, transparent) left center / 2rem 100% no-repeat local,
    linear-gradient(to left, var(--background-default-grey) 30%, transparent) right center / 2rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, .2), transparent) left center / .75rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, .2), transparent) right center / .75rem 100% no-repeat scroll;
}
.table-scroll { position: relative; }
.fr-table__content td.cell-bar { white-space: nowrap; }
.table-caption { font-size: 1.375rem; font-weight: 700; line-height: 1.75rem; margin-bottom: 1rem; }
/* DSFR's footer logo hangs out of its column by an empty 20px right padding (a negative margin): kept inside. */
.fr-footer__brand > .fr-logo { margin-right: 0; padding-right: 0; }
.plain-list { list-style: none; margin: 0; padding: 0; }
.plain-list > li { padding: 0 0 .25rem; }

/* A startup's standards: one line per standard, its checks under it. */
.standards { list-style: none; padding-left: 0; margin-bottom: 1.5rem; }
.standards > .standard { padding: .75rem 0; border-bottom: 1px solid var(--border-default-grey); }
.standard__title { font-weight: 700; margin-bottom: .25rem; }
.standard__state { display: inline-block; padding: 0 .5rem; margin-right: .25rem; font-size: .75rem; line-height: 1.5rem; text-transform: uppercase; border-radius: .25rem; }
.standard--passed .standard__state { background-color: var(--background-contrast-success); color: var(--text-default-success); }
.standard--failing .standard__state { background-color: var(--background-contrast-warning); color: var(--text-default-warning); }
.standard--exempt .standard__state { background-color: var(--background-contrast-grey); color: var(--text-mention-grey); }
.checks { list-style: none; padding-left: 0; margin: 0; }
.checks > .check { padding: .25rem 0 .25rem 1.75rem; position: relative; overflow-wrap: anywhere; }
.check::before { position: absolute; left: .25rem; top: .25rem; font-weight: 700; }
.check--passed::before { content: "✓"; color: var(--text-default-success); }
.check--exempt::before { content: "–"; color: var(--text-mention-grey); }
.check--failing::before { content: "!"; color: var(--text-default-warning); }

.timeline { list-style: none; padding-left: 0; border-left: 2px solid var(--border-default-grey); }
.timeline > .timeline__item { padding: 0 0 .75rem 1rem; position: relative; list-style: none; }
.timeline > .timeline__item::marker { content: none; }
.timeline__item::before { content: ""; position: absolute; left: -.4rem; top: .45rem; width: .7rem; height: .7rem; border-radius: 50%; background-color: var(--background-contrast-grey); border: 2px solid var(--border-plain-grey); }
.timeline__item--current::before { background-color: var(--background-active-blue-france); border-color: var(--border-active-blue-france); }

.fields { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: .25rem 1rem; }
.fields > dt { font-weight: 700; }
.fields > dd { margin: 0; overflow-wrap: anywhere; }
.fields--nested { grid-template-columns: auto 1fr; }
@media (max-width: 36em) { .fields { grid-template-columns: 1fr; } .fields > dd { margin-bottom: .5rem; } }

.fiche-body { overflow-wrap: anywhere; }
.fiche-body pre { white-space: pre-wrap; }

/* The editor (editer/). */
/* A details element's content sits in the browser's own slot, which does not inherit DSFR's border-box: given back here. */
details > * { box-sizing: border-box; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem 1rem; list-style: none; margin: 0 0 1rem; padding: 0; }
.actions > li { padding: 0; }
.editeur-colonnes { display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 1fr); }
@media (min-width: 62em) { .editeur-colonnes { grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); } }
.editeur-cartes { display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 1fr); }
@media (min-width: 48em) { .editeur-cartes { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
/* DSFR's bar beside a field in error is drawn by a box as wide as the field plus 12px each side: only the bar is kept. */
.fr-input-group--error::before, .fr-input-group--valid::before, .fr-input-group--info::before { right: auto; width: .125rem; }
/* A fieldset inside another (a phase in the phases), or a step of a new fiche, keeps inside its parent: DSFR's negative margins are for a fieldset with room around it. */
.editeur-section .fr-fieldset .fr-fieldset, .editeur-etape.fr-fieldset { margin-left: 0; margin-right: 0; }
.editeur-carte { height: 100%; padding: 1.5rem; border: 1px solid var(--border-default-grey); }
.editeur-coller > summary, .editeur-fichier-texte > summary { cursor: pointer; font-weight: 500; color: var(--text-action-high-blue-france); padding: .5rem 0; }
.editeur-section { border: 1px solid var(--border-default-grey); margin-bottom: 1rem; }
.editeur-section__resume { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem 1rem; padding: 1rem 1.5rem; cursor: pointer; list-style: none; background-color: var(--background-alt-grey); }
.editeur-section__resume::-webkit-details-marker { display: none; }
.editeur-section__resume::before { content: "+"; font-weight: 700; width: 1rem; }
.editeur-section[open] > .editeur-section__resume::before { content: "−"; }
.editeur-section__resume:focus-visible, .editeur-coller > summary:focus-visible, .editeur-fichier-texte > summary:focus-visible { outline: 2px solid #0a76f6; outline-offset: 2px; }
.editeur-section__titre { margin: 0; }
.editeur-section__compte { font-size: .875rem; color: var(--text-mention-grey); }
.editeur-section__compte--erreur { color: var(--text-default-error); font-weight: 700; }
.editeur-section__compte--avertissement { color: var(--text-default-warning); font-weight: 700; }
.editeur-section__corps { padding: 1rem 1.5rem 0; overflow-wrap: anywhere; }
.editeur-cle { font-size: .75rem; font-weight: 400; color: var(--text-mention-grey); background: none; padding: 0; }
.editeur-ligne { margin-bottom: 1rem; }
.editeur-timeline > .timeline__item { padding-bottom: 1rem; }
.editeur-nouvelle-phase { padding: 1rem; background-color: var(--background-alt-grey); }
.editeur-inconnu { padding-bottom: 1rem; }
.editeur-resume { overflow-wrap: anywhere; }
.editeur-resume__liste > li { margin-bottom: .75rem; }
.editeur-resume__liste .fr-hint-text { display: block; }
.editeur-resume__avertissements > summary { cursor: pointer; font-weight: 700; margin: .5rem 0; }
.editeur-appliquer { margin-top: .5rem; }
.editeur-categories { list-style: none; padding: 0; margin: 0; }
.editeur-categories > .editeur-categorie { padding: .75rem 0; border-bottom: 1px solid var(--border-default-grey); }
.editeur-categorie--complet h4 { color: var(--text-default-success); }
.editeur-manques { list-style: none; margin: .5rem 0 0; padding: 0 0 0 .75rem; border-left: 3px solid var(--border-plain-warning); }
.editeur-manques > li { padding-bottom: .75rem; overflow-wrap: anywhere; }
.editeur-apercu { max-height: 48rem; overflow-y: auto; padding: 1.5rem; border: 1px dashed var(--border-plain-grey); overflow-wrap: anywhere; }
.editeur-texte, .editeur-yaml { font-family: monospace; }

.data-endpoint { padding: 1rem 0; border-top: 1px solid var(--border-default-grey); }
.data-endpoint__path { overflow-wrap: anywhere; margin-bottom: .5rem; }
.data-endpoint__summary { margin-bottom: .5rem; }
.data-details > summary { cursor: pointer; font-weight: 500; color: var(--text-action-high-blue-france); }
.data-details[open] > summary { margin-bottom: .5rem; }
.data-schema { margin: 1rem 0 .5rem; }
.data-fields > dt, .data-fields > dd { overflow-wrap: anywhere; }
.data-type, .data-example { color: var(--text-mention-grey); font-size: .875rem; }
/* A code example keeps its lines: on a narrow screen they wrap; wider, a long one scrolls inside the block, a named region reached with Tab (as a table's). */
.data-code { overflow-x: auto; padding: 1rem; background-color: var(--background-alt-grey); font-size: .875rem; line-height: 1.5; }
.data-code:focus-visible { outline: 2px solid #0a76f6; outline-offset: 2px; }
@media (max-width: 36em) { .data-code { white-space: pre-wrap; overflow-wrap: anywhere; } }
/* Under 40rem the chart scrolls sideways rather than shrink its text, and opens on the latest months (rtl scroll origin). */
.trends__scroll { overflow-x: auto; direction: rtl; max-width: 48rem; }
.trends__chart { direction: ltr; display: block; width: 100%; min-width: 40rem; height: auto; }
.trends__legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; }

.evidence { list-style: none; padding-left: 0; }
.evidence > .evidence__item { padding: .75rem 0 .75rem 1rem; border-left: 4px solid var(--border-default-grey); margin-bottom: .75rem; list-style: none; }
.evidence > .evidence__item::marker { content: none; }
.evidence__item--holds { border-left-color: var(--border-plain-success) !important; }
.evidence__item--fails { border-left-color: var(--border-plain-error) !important; }
.evidence__item--flapping { border-left-color: var(--border-plain-warning) !important; }
.evidence__item--unknown { border-left-color: var(--border-plain-info) !important; }
.evidence__head { margin-bottom: .25rem; overflow-wrap: anywhere; }
.evidence__history { font-size: .875rem; }
.evidence__history > ol { margin: .25rem 0 0; }
`

/**
 * assets/filters.js: the list's filters (progressive enhancement: without it the
 * list's pages are complete, linked to each other, and the form stays hidden).
 * A filter searches every startup: the first time one is used, the script fetches
 * recherche.json (pages/home.ts), then shows the first matches and more on demand,
 * and keeps the filters in the address (?q=…) so that a search can be shared.
 * Plain JavaScript as the browser runs it, no library; every value from the index
 * is written as text (textContent, attributes), never as markup. Written with
 * String.raw: what is below is exactly what the browser gets (no `${`, no backtick).
 */
export const FILTERS_JS = String.raw`// Filters of the startups list (scripts/site/static.ts): without this script the
// list's pages are complete and the form stays hidden. Plain JavaScript, no library.
const form = document.getElementById('filtres')
const list = document.getElementById('liste-startups')
const status = document.getElementById('resultats')
const more = document.getElementById('plus-de-resultats')
const moreButton = document.getElementById('afficher-plus')
const pages = document.getElementById('pages-liste')
if (form && list && status && more && moreButton) {
  // preuves: only when the build had the online evidence (pages/home.ts).
  const NAMES = ['q', 'incubateur', 'phase', 'statut', 'categorie', 'preuves'].filter((name) => form.elements.namedItem(name))
  const original = Array.from(list.children)
  const originalStatus = status.textContent
  const root = form.dataset.root || ''
  const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  const field = (name) => form.elements.namedItem(name)
  let index
  let matches = []
  let shown = 0
  let pageSize = 50
  let run = 0
  let timer

  const load = () => {
    if (!index) {
      index = fetch(form.dataset.index).then((response) => {
        if (!response.ok) throw new Error('HTTP ' + response.status)
        return response.json()
      }).then((data) => {
        pageSize = data.pageSize || pageSize
        // [8]: the words the search compares; [9]: the categories to complete.
        for (const s of data.startups) s.push(fold(s[1] + ' ' + s[0] + ' ' + s[2] + ' ' + s[3].map((id) => data.labels.incubators[id] || id).join(' ')), s[6].filter((g) => g[1] < g[2]).map((g) => g[0]))
        return data
      })
      index.catch(() => { index = undefined })
    }
    return index
  }

  const node = (tag, className, text) => {
    const el = document.createElement(tag)
    if (className) el.className = className
    if (text !== undefined) el.textContent = text
    return el
  }

  const frenchDate = (day, months) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
    if (!m) return day
    return Number(m[3]) + (m[3] === '01' ? 'er' : '') + ' ' + months[Number(m[2]) - 1] + ' ' + m[1]
  }

  // A startup's online evidence: [tone, words] (none: nothing checked), as pages/home.ts shows it.
  const evidenceOf = (data, id) => (data.evidence && Object.hasOwn(data.evidence, id) ? data.evidence[id] : ['none', ''])
  const BADGES = { holds: 'success', fails: 'error', flapping: 'warning' }

  // The same markup as an item of the server's list (pages/home.ts).
  const item = (s, data) => {
    const labels = data.labels
    const [id, title, mission, incubators, phase, state, glance, updated] = s
    const li = node('li', 'startup')
    const h3 = node('h3', 'startup__title fr-h6 fr-mb-1v')
    const a = node('a', '', title)
    a.href = root + 'startups/' + encodeURIComponent(id) + '/'
    h3.append(a)
    li.append(h3)
    if (mission) li.append(node('p', 'startup__pitch fr-mb-1v', mission))
    const meta = node('p', 'startup__meta fr-text--sm fr-mb-1v')
    meta.append(node('span', 'fr-badge fr-badge--sm ' + (state === 'ended' ? 'fr-badge--no-icon' : 'fr-badge--info fr-badge--no-icon'), labels.phases[phase] || phase), ' ')
    if (incubators[0]) meta.append(node('span', '', 'Incubateur : ' + (labels.incubators[incubators[0]] || incubators[0])))
    if (state === 'ended') meta.append(' · terminée')
    if (updated) {
      const time = node('time', '', frenchDate(updated, labels.months))
      time.setAttribute('datetime', updated)
      meta.append(' · mise à jour le ', time)
    }
    li.append(meta)
    if (glance.length === 0) li.append(node('span', 'fr-text--sm', 'Aucun standard applicable'))
    else {
      const ul = node('ul', 'glance')
      for (const [category, met, applicable] of glance) {
        const ok = met === applicable
        const g = node('li', 'glance__item glance__item--' + (ok ? 'ok' : 'ko'))
        const label = labels.categories[category] || category
        const hidden = node('span', '', label + ' ')
        hidden.setAttribute('aria-hidden', 'true')
        g.append(node('span', 'fr-sr-only', label + ' : '), hidden, met + '/' + applicable, node('span', 'fr-sr-only', ok ? ' (complet)' : ' (à compléter)'))
        ul.append(g)
      }
      li.append(ul)
    }
    const [tone, words] = evidenceOf(data, id)
    if (Object.hasOwn(BADGES, tone)) {
      const p = node('p', 'startup__evidence fr-text--sm fr-mb-1v', 'Preuves en ligne : ')
      p.append(node('span', 'fr-badge fr-badge--sm fr-badge--' + BADGES[tone] + ' fr-badge--no-icon', words))
      li.append(p)
    }
    return li
  }

  const plural = (n) => n + ' startup' + (n > 1 ? 's' : '')

  const showMore = (data, focus) => {
    const next = matches.slice(shown, shown + pageSize)
    const first = list.children.length
    list.append(...next.map((s) => item(s, data)))
    shown += next.length
    more.hidden = shown >= matches.length
    moreButton.textContent = 'Afficher ' + plural(Math.min(pageSize, matches.length - shown)) + ' de plus (' + shown + ' sur ' + matches.length + ' affichées)'
    if (focus) list.children[first]?.querySelector('a')?.focus()
  }

  const active = () => NAMES.some((name) => field(name).value.trim() !== '')

  // The filters in the address, so that a search can be shared and survives a reload.
  const remember = () => {
    const params = new URLSearchParams()
    for (const name of NAMES) if (field(name).value.trim() !== '') params.set(name, field(name).value)
    const query = params.toString()
    history.replaceState(null, '', query ? '?' + query : location.pathname)
  }

  const restore = () => {
    list.replaceChildren(...original)
    more.hidden = true
    if (pages) pages.hidden = false
    status.textContent = originalStatus
  }

  const apply = async () => {
    const mine = ++run
    remember()
    clearTimeout(timer)
    if (!active()) {
      restore()
      return
    }
    let data
    try {
      data = await load()
    } catch (error) {
      status.textContent = 'La recherche n’a pas pu charger la liste des startups (' + error.message + ') : réessayez, ou parcourez les pages de la liste.'
      return
    }
    if (mine !== run) return
    const words = fold(field('q').value).split(/\s+/).filter(Boolean)
    const incubator = field('incubateur').value
    const phase = field('phase').value
    const state = field('statut').value
    const category = field('categorie').value
    const evidence = field('preuves') ? field('preuves').value : ''
    matches = data.startups.filter((s) =>
      words.every((w) => s[8].includes(w)) &&
      (!incubator || s[3].includes(incubator)) &&
      (!phase || s[4] === phase) &&
      (!state || s[5] === state) &&
      (!category || s[9].includes(category)) &&
      (!evidence || evidenceOf(data, s[0])[0] === evidence))
    list.replaceChildren()
    shown = 0
    showMore(data, false)
    if (pages) pages.hidden = true
    // Announced once the user pauses, not at every key.
    timer = setTimeout(() => {
      status.textContent = matches.length === 0 ? 'Aucune startup ne correspond' : plural(matches.length) + ' sur ' + data.startups.length
    }, 300)
  }

  moreButton.addEventListener('click', () => {
    load().then((data) => showMore(data, true), () => undefined)
  })
  form.addEventListener('input', apply)
  form.addEventListener('change', apply)
  form.addEventListener('reset', () => setTimeout(apply, 0))
  form.addEventListener('submit', (event) => event.preventDefault())
  // Warm the index as soon as a filter gets the focus: the first keystroke then finds it loaded.
  form.addEventListener('focusin', () => { load().catch(() => undefined) }, { once: true })
  const asked = new URLSearchParams(location.search)
  for (const name of NAMES) if (asked.has(name) && field(name)) field(name).value = asked.get(name)
  form.hidden = false
  if (active()) apply()
}
`
