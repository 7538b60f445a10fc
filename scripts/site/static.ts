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

.checks { list-style: none; padding-left: 0; }
.checks > .check { padding: .5rem 0 .5rem 1.75rem; position: relative; border-bottom: 1px solid var(--border-default-grey); }
.check::before { position: absolute; left: 0; top: .5rem; font-weight: 700; }
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

.data-endpoint { padding: 1rem 0; border-top: 1px solid var(--border-default-grey); }
.data-endpoint__path { overflow-wrap: anywhere; margin-bottom: .5rem; }
.data-endpoint__summary { margin-bottom: .5rem; }
.data-details > summary { cursor: pointer; font-weight: 500; color: var(--text-action-high-blue-france); }
.data-details[open] > summary { margin-bottom: .5rem; }
.data-schema { margin: 1rem 0 .5rem; }
.data-fields > dt, .data-fields > dd { overflow-wrap: anywhere; }
.data-type, .data-example { color: var(--text-mention-grey); font-size: .875rem; }
.data-code { overflow-x: auto; padding: 1rem; background-color: var(--background-alt-grey); font-size: .875rem; line-height: 1.5; }
@media (max-width: 36em) { .data-code { white-space: pre-wrap; overflow-wrap: anywhere; } }
.trends__chart { width: 100%; max-width: 48rem; height: auto; }
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
.evidence-runs th, .evidence-runs td { overflow-wrap: anywhere; }
@media (max-width: 24em) { .evidence-runs th, .evidence-runs td { padding: .5rem; } }
`

/**
 * assets/filters.js: the home page's filters (progressive enhancement: the
 * list is complete without it, and the form stays hidden). Plain JavaScript
 * as the browser runs it, no library; about 1.7 kB.
 */
export const FILTERS_JS = `// Filters of the home page (progressive enhancement: without this script the
// list is complete and the form stays hidden). Plain JavaScript, no library.
const form = document.getElementById('filtres')
const list = document.getElementById('liste-startups')
const status = document.getElementById('resultats')
if (form && list && status) {
  const items = Array.from(list.children)
  const fold = (text) => text.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase().trim()
  const field = (name) => form.elements.namedItem(name)
  let timer
  const apply = () => {
    const words = fold(field('q').value).split(/\\s+/).filter(Boolean)
    const incubator = field('incubateur').value
    const phase = field('phase').value
    const state = field('statut').value
    const category = field('categorie').value
    const evidence = field('preuves') ? field('preuves').value : ''
    let shown = 0
    for (const li of items) {
      const d = li.dataset
      const match =
        words.every((w) => d.search.includes(w)) &&
        (!incubator || d.incubators.split(' ').includes(incubator)) &&
        (!phase || d.phase === phase) &&
        (!state || d.status === state) &&
        (!category || d.failing.split(' ').includes(category)) &&
        (!evidence || d.evidence === evidence)
      li.hidden = !match
      if (match) shown++
    }
    // Announced once the user pauses, not at every key.
    clearTimeout(timer)
    timer = setTimeout(() => {
      status.textContent = shown === 0 ? 'Aucune startup ne correspond' : shown + ' startup' + (shown > 1 ? 's' : '') + ' sur ' + items.length
    }, 300)
  }
  form.addEventListener('input', apply)
  form.addEventListener('change', apply)
  form.addEventListener('reset', () => setTimeout(apply, 0))
  form.addEventListener('submit', (event) => event.preventDefault())
  form.hidden = false
}
`
