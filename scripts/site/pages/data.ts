/**
 * donnees/: the API, readably, generated from the contract (api/openapi.json,
 * compile/openapi.ts): each published file with what it holds, its fields
 * (type, description, example), the open vocabularies with what each value
 * means and the renamed ones, how to follow changes, and code examples
 * (curl and jq, JavaScript, Python). No script: `<details>` folds the fields.
 * (`api/` holds the API folders; the page has a folder of its own.)
 */
import { API_VERSION, CONTRACT_RELEASED, DATA_LICENCE } from '../../compile/feed-schema.ts'
import { ENDPOINTS, openApiDocument, TAGS, type Endpoint } from '../../compile/openapi.ts'
import { VOCABULARIES, vocabularyOf, type Vocabulary } from '../../compile/vocabularies.ts'
import type { JsonSchema } from '../../validate/schemas.ts'
import type { PageGenerator, SiteContext } from '../context.ts'
import { html, type Html } from '../html.ts'
import { renderPage, siteHref } from '../layout.ts'
import { time } from '../components.ts'

export const DATA_PATH = 'donnees/'

interface DataFile {
  file: string
  format: string
  what: string
}

const FORMATS: Record<Endpoint['media'], string> = { 'application/json': 'JSON', 'text/csv': 'CSV', 'application/atom+xml': 'Atom', 'text/plain': 'TypeScript' }

/** Every published file (or family of files), from the contract. */
export const DATA_FILES: readonly DataFile[] = ENDPOINTS.map((e) => ({ file: e.path, format: FORMATS[e.media], what: e.summary }))

type Components = Record<string, JsonSchema>

const refName = (node: JsonSchema | undefined): string | undefined => (typeof node?.$ref === 'string' ? node.$ref.replace('#/components/schemas/', '') : undefined)

/** The schema a node stands for: its reference followed (a component that only points at another one too). */
function resolve(components: Components, node: JsonSchema): JsonSchema {
  let current = node
  for (let i = 0; i < 5 && refName(current); i++) current = components[refName(current)!]!
  return current
}

function quote(value: unknown): string {
  const text = JSON.stringify(value)
  return text.length > 90 ? `${text.slice(0, 87)}…` : text
}

/** An object whose fields the page lists: where it sits in the file, and the component it is, if any. */
interface Block {
  id: string
  title: Html
  schema: JsonSchema
  component?: string
  /** Where its fields sit in the file (`startups[].`), '' at the top. */
  path: string
}

/** What a field's values are, when they are objects with fields: the object, and how it sits (itself, list items, map values). */
function objectOf(components: Components, node: JsonSchema): { schema: JsonSchema; component?: string; how: 'object' | 'item' | 'value' } | undefined {
  const candidates: [JsonSchema | undefined, 'object' | 'item' | 'value'][] = [[node, 'object'], [node.items, 'item'], [node.additionalProperties, 'value']]
  for (const [candidate, how] of candidates) {
    if (!candidate || typeof candidate !== 'object') continue
    const schema = resolve(components, candidate)
    if (schema.properties) return { schema, component: refName(candidate), how }
  }
  return undefined
}

const SINGULAR: Record<string, string> = { string: 'texte', integer: 'entier', number: 'nombre', boolean: 'booléen', null: 'null', object: 'objet', array: 'liste' }
const PLURAL: Record<string, string> = { string: 'textes', integer: 'entiers', number: 'nombres', boolean: 'booléens', null: 'null', object: 'objets', array: 'listes' }

/** A field's type, in words (`plural` inside « liste de … »); `link` the anchor of the block that lists its fields. */
function typeLabel(components: Components, node: JsonSchema, link?: string, plural = false): Html {
  const vocabulary = vocabularyOf(node)
  if (vocabulary) return html`${plural ? 'textes' : 'texte'}, <a href="#vocabulaire-${vocabulary.id}">vocabulaire ouvert</a>`
  if (node.const !== undefined) return html`toujours <code>${JSON.stringify(node.const)}</code>`
  if (Array.isArray(node.enum)) return html`${plural ? 'valeurs parmi' : 'l’une des valeurs'} ${node.enum.map((v: unknown, i: number) => html`${i > 0 ? ', ' : ''}<code>${JSON.stringify(v)}</code>`)}`
  if (refName(node)) return typeLabel(components, resolve(components, node), link, plural)
  const types = [node.type].flat().filter(Boolean) as string[]
  if (types.includes('array') && node.items) return html`${plural ? 'listes' : 'liste'} de ${typeLabel(components, node.items, link, true)}`
  if (node.properties && link) return html`<a href="#${link}">${plural ? 'objets' : 'objet'}</a>`
  if (types.includes('object') && node.additionalProperties && typeof node.additionalProperties === 'object') return html`${plural ? 'objets' : 'objet'} : pour chaque clé, ${typeLabel(components, node.additionalProperties, link)}`
  if (types.length === 0) return html`${plural ? 'valeurs' : 'valeur'}`
  const label = types.map((t) => (plural ? PLURAL : SINGULAR)[t] ?? t).join(' ou ')
  return html`${label}${node.format === 'date' ? ' (date AAAA-MM-JJ)' : ''}`
}

/** Described on the page so far: component name → its block's anchor and title. */
type Described = Map<string, { id: string; title: Html }>

/** The fields of one block, as a definition list; the objects they lead to are queued as blocks of their own. */
function fieldList(components: Components, block: Block, queue: Block[], described: Described): Html {
  const path = block.path
  const required = new Set<string>(block.schema.required ?? [])
  const rows = Object.entries(block.schema.properties as Record<string, JsonSchema>).map(([field, node]) => {
    const object = objectOf(components, node)
    let link: string | undefined
    if (object) {
      const seen = object.component ? described.get(object.component) : undefined
      if (seen) link = seen.id
      else {
        link = `${block.id}-${field.replace(/[^a-zA-Z0-9]+/g, '')}`
        const title = object.how === 'item' ? html`Chaque élément de <code>${path}${field}</code>` : object.how === 'value' ? html`Chaque valeur de <code>${path}${field}</code>` : html`<code>${path}${field}</code>`
        queue.push({ id: link, title, schema: object.schema, component: object.component, path: `${path}${field}${object.how === 'item' ? '[]' : object.how === 'value' ? '.*' : ''}.` })
        if (object.component) described.set(object.component, { id: link, title })
      }
    }
    const example = Array.isArray(node.examples) && node.examples.length > 0 ? node.examples[0] : undefined
    return html`<dt><code>${field}</code></dt>
<dd><span class="data-type">${typeLabel(components, node, link)}${required.has(field) ? ' · toujours présent' : ' · facultatif'}</span>${node.description ? html`<br>${node.description}` : ''}${example !== undefined ? html`<br><span class="data-example">Exemple : <code>${quote(example)}</code></span>` : ''}</dd>`
  })
  return html`<dl class="fields data-fields">${rows}</dl>`
}

/** An endpoint's fields, and those of the objects they lead to; an object already described on the page is linked to. */
function endpointFields(components: Components, endpoint: Endpoint, described: Described): Html {
  if (endpoint.media !== 'application/json' && endpoint.media !== 'text/csv') return html``
  if (endpoint.schema === 'JsonSchemaDocument' || endpoint.schema === 'OpenApiDocument') return html``
  const root = resolve(components, { $ref: `#/components/schemas/${endpoint.schema}` })
  // A file whose schema only points at another component (V1Startup → V1_startupsRecord) has that component's fields.
  let name = endpoint.schema
  while (refName(components[name]) && Object.keys(components[name]!).every((k) => ['$ref', 'title', 'description'].includes(k))) name = refName(components[name])!
  const seen = described.get(name)
  if (seen) return html`<p>Mêmes champs que <a href="#${seen.id}">${seen.title}</a>, plus haut.</p>`
  const id = `champs-${endpoint.operationId}`
  const top = objectOf(components, root)
  const first: Block =
    top && top.how !== 'object'
      ? { id, title: top.how === 'item' ? html`Chaque élément de la liste` : html`Chaque valeur (par identifiant)`, schema: top.schema, component: top.component, path: '' }
      : { id, title: endpoint.media === 'text/csv' ? html`Chaque ligne` : html`Le fichier`, schema: root, path: '' }
  described.set(name, { id, title: html`${endpoint.path}` })
  if (first.component && !described.has(first.component)) described.set(first.component, { id, title: html`${endpoint.path}` })
  const queue: Block[] = [first]
  const parts: Html[] = []
  for (let i = 0; i < queue.length; i++) {
    const block = queue[i]!
    parts.push(html`<h5 class="fr-text--md fr-mb-1w data-block" id="${block.id}">${block.title}</h5>${block.schema.description && block !== first ? html`<p class="fr-text--sm">${block.schema.description}</p>` : ''}${fieldList(components, block, queue, described)}`)
  }
  return html`<details class="data-details"><summary>Les champs</summary>${parts}</details>`
}

/** Whether the build published a file of this endpoint. */
function published(context: SiteContext, endpoint: Endpoint): boolean {
  if (endpoint.path.includes('{id}')) return context.startups.length > 0
  if (endpoint.path.includes('{name}') || endpoint.path === 'api/v1/index.json') return true
  return context.dataFiles.includes(endpoint.path)
}

function endpointSection(context: SiteContext, components: Components, endpoint: Endpoint, described: Described): Html {
  const link = endpoint.path.includes('{') ? html`<code>${endpoint.path}</code>` : html`<a href="${siteHref(DATA_PATH, endpoint.path)}">${endpoint.path}</a>`
  const example = endpoint.path.includes('{id}') && context.startups[0] ? endpoint.path.replace('{id}', context.startups[0].id) : undefined
  return html`<section class="data-endpoint" id="${endpoint.operationId}">
<h4 class="fr-h6 data-endpoint__path">${link}</h4>
<p class="data-endpoint__summary"><span class="fr-badge fr-badge--sm fr-badge--info">${FORMATS[endpoint.media]}</span> ${endpoint.summary}</p>
<p>${endpoint.description}${example ? html` Par exemple <a href="${siteHref(DATA_PATH, example)}">${example}</a>.` : ''}${endpoint.schemaFile ? html` Schéma JSON : <a href="${siteHref(DATA_PATH, endpoint.schemaFile)}">${endpoint.schemaFile.split('/').pop()}</a>.` : ''}</p>
${endpointFields(components, endpoint, described)}
</section>`
}

/** A note with `backquoted` words shown as code. */
function withCode(text: string): Html {
  return html`${text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part))}`
}

function vocabularySection(vocabulary: Vocabulary): Html {
  return html`<h3 id="vocabulaire-${vocabulary.id}">${vocabulary.label}</h3>
<p>Dans ${vocabulary.where}.</p>
<dl class="fields data-fields">${vocabulary.values.map((v) => html`<dt><code>${v}</code></dt><dd>${vocabulary.meanings[v]}</dd>`)}</dl>
${
  vocabulary.renames.length > 0
    ? html`<p class="fr-mt-2w">Anciens noms, remplacés dans les fiches, que l’historique peut encore montrer :</p>
<dl class="fields data-fields">${vocabulary.renames.map((r) => html`<dt><code>${r.from}</code> → ${r.to.map((t, i) => html`${i > 0 ? ' ou ' : ''}<code>${t}</code>`)}</dt><dd>${withCode(r.note)} (renommé le ${r.date})</dd>`)}</dl>`
    : html`<p>Aucun nom n’a été renommé.</p>`
}`
}

function codeExamples(site: string, firstId: string): Html {
  const base = site || 'https://adresse-du-site'
  const curl = `curl -s ${base}/api/v1/startups.json \\
  | jq -r '.startups[] | select(.status == "active") | [.id, .current_phase // "?"] | @tsv'`
  const js = `const response = await fetch('${base}/api/v3/startups/${firstId}.json')
const startup = await response.json()
console.log(startup.name, startup.incubators.join(', '))
// Une phase inconnue aujourd’hui est possible : l’afficher telle quelle.
for (const phase of startup.phases ?? []) console.log(phase.name, phase.start)`
  const python = `import json, urllib.request

with urllib.request.urlopen('${base}/api/v1/index.json') as response:
    index = json.load(response)
print(index['licence']['name'], index['contract']['version'])
for published in index['published']:
    if published['updated'] and published['updated'] >= '2026-01-01':
        print(published['path'], published['sha256'])`
  const block = (title: string, language: string, code: string) => html`<h3>${title}</h3>
<pre class="data-code" role="region" tabindex="0" aria-label="${title}"><code class="language-${language}">${code}</code></pre>`
  return html`${block('En ligne de commande (curl et jq) : les startups en cours et leur phase', 'sh', curl)}
${block('En JavaScript (fetch) : une startup au format v3', 'js', js)}
${block('En Python (bibliothèque standard) : les fichiers modifiés depuis une date', 'python', python)}`
}

export function dataMain(context: SiteContext): Html {
  const doc = openApiDocument(context.config.siteUrl)
  const components = doc.components.schemas as Components
  const described: Described = new Map()
  const endpoints = ENDPOINTS.filter((e) => published(context, e))
  const firstId = context.startups[0]?.id ?? 'identifiant'
  return html`<h1>Données ouvertes</h1>
<p class="fr-text--lead">Tout ce que montre ce site est publié en données ouvertes, compilé des mêmes fiches, sous ${DATA_LICENCE.name} : ${String(endpoints.length)} fichiers ou familles de fichiers, en JSON, CSV et Atom.</p>
<p>Un contrat les décrit tous : <a href="${siteHref(DATA_PATH, 'api/openapi.json')}">api/openapi.json</a> (OpenAPI 3.1, version ${API_VERSION} du ${time(CONTRACT_RELEASED)}), généré des schémas JSON qui valident chaque fichier. Cette page en est la version lisible. Les adresses sont relatives à ce site ; chaque fichier est statique, régénéré quand les fiches changent.</p>
<nav class="fr-summary fr-mb-4w" role="navigation" aria-labelledby="donnees-sommaire"><p class="fr-summary__title" id="donnees-sommaire">Sommaire</p><ol class="fr-summary__list">
${TAGS.map((t) => html`<li><a class="fr-summary__link" href="#api-${t.name.replace('.', '-')}">${t.name === 'contrat' ? 'Le contrat, les schémas et les types' : `API ${t.name}`}</a></li>`)}
<li><a class="fr-summary__link" href="#suivre">Suivre les changements</a></li>
<li><a class="fr-summary__link" href="#vocabulaires">Vocabulaires</a></li>
<li><a class="fr-summary__link" href="#exemples">Exemples de code</a></li>
</ol></nav>
<h2>Les fichiers</h2>
${TAGS.map(
  (tag) => html`<section class="fr-mb-4w" aria-labelledby="api-${tag.name.replace('.', '-')}">
<h3 id="api-${tag.name.replace('.', '-')}">${tag.name === 'contrat' ? 'Le contrat, les schémas et les types' : `API ${tag.name}`}</h3>
<p>${tag.description}</p>
${endpoints.filter((e) => e.tag === tag.name).map((e) => endpointSection(context, components, e, described))}
</section>`,
)}
<h2 id="suivre">Suivre les changements</h2>
<p><a href="${siteHref(DATA_PATH, 'api/v1/index.json')}">api/v1/index.json</a> liste chaque fichier publié avec l’empreinte SHA-256 de son contenu, sa taille et la date où il a pu changer pour la dernière fois (tirée de l’historique des fiches). Pour rester à jour, lisez ce seul fichier et ne téléchargez que les fichiers dont l’empreinte diffère de votre copie. ${context.dataFiles.includes('api/v1/changes.json') ? html`<a href="${siteHref(DATA_PATH, 'api/v1/changes.json')}">api/v1/changes.json</a> dit ce qui a changé, commit par commit, et comment ne télécharger que cela.` : ''} Un script d’exemple est dans la documentation du registre (docs/api.md, « Suivre les changements à moindre coût »).</p>
<h2 id="vocabulaires">Vocabulaires</h2>
<p>Les noms de phase et d’événement viennent de listes qui grandissent : des phases ont été renommées en mai 2026. Le contrat donne les valeurs connues ; <strong>un programme qui lit ces données doit accepter une valeur qu’il ne connaît pas</strong>, par exemple en l’affichant telle quelle.</p>
${Object.values(VOCABULARIES).map(vocabularySection)}
<h2 id="exemples">Exemples de code</h2>
${codeExamples(context.config.siteUrl, firstId)}`
}

export const dataPage: PageGenerator = function* (context) {
  yield [`${DATA_PATH}index.html`, renderPage({ title: 'Données ouvertes', path: DATA_PATH, main: dataMain(context), description: 'Les données ouvertes du registre des startups d’État : chaque fichier JSON, CSV et Atom, ses champs, les vocabulaires et des exemples de code.', breadcrumb: [{ label: 'Données ouvertes' }] })]
}
