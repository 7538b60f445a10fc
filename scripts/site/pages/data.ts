/**
 * donnees/: every file of the feed and the APIs (JSON, CSV, Atom) with its
 * schema. (`api/` holds the API folders; the page has a folder of its own.)
 */
import type { PageGenerator, SiteContext } from '../context.ts'
import { html, type Html } from '../html.ts'
import { renderPage, siteHref } from '../layout.ts'
import { tableBlock } from '../components.ts'

export const DATA_PATH = 'donnees/'

interface DataFile {
  file: string
  format: 'JSON' | 'CSV' | 'Atom'
  what: string
  schema?: string
}

export const DATA_FILES: readonly DataFile[] = [
  { file: 'api/v1/index.json', format: 'JSON', what: 'Point d’entrée : les comptes, le commit des fiches, l’adresse de chaque fichier.', schema: 'api/v1/schemas/index.schema.json' },
  { file: 'api/v1/startups.json', format: 'JSON', what: 'Toutes les startups : les champs des fiches, la phase actuelle, le statut, les standards.', schema: 'api/v1/schemas/startups.schema.json' },
  { file: 'api/v1/startups/{id}.json', format: 'JSON', what: 'Une startup (un fichier par fiche, lien depuis chaque page de startup).', schema: 'api/v1/schemas/startup.schema.json' },
  { file: 'api/v1/incubators.json', format: 'JSON', what: 'Les incubateurs et leurs startups.', schema: 'api/v1/schemas/incubators.schema.json' },
  { file: 'api/v1/organisations.json', format: 'JSON', what: 'Les organisations et les startups qu’elles portent.', schema: 'api/v1/schemas/organisations.schema.json' },
  { file: 'api/v1/standards.json', format: 'JSON', what: 'Les vérifications des standards, par règle, catégorie, incubateur et phase.', schema: 'api/v1/schemas/standards.schema.json' },
  { file: 'api/v1/changes.json', format: 'JSON', what: 'Les dernières modifications des fiches, commit par commit.', schema: 'api/v1/schemas/changes.schema.json' },
  { file: 'api/v1/changes.atom', format: 'Atom', what: 'Les mêmes modifications en flux Atom, pour un lecteur de flux.' },
  { file: 'api/v1/trends.json', format: 'JSON', what: 'Les tendances par mois : phases et standards.', schema: 'api/v1/schemas/trends.schema.json' },
  { file: 'api/v2.7/startups.json', format: 'JSON', what: 'Les startups au format de l’API v2.7 de beta.gouv.fr.', schema: 'api/v2.7/schemas/startups.schema.json' },
  { file: 'api/v2.7/startups.csv', format: 'CSV', what: 'Les startups au format CSV de l’API v2.7.', schema: 'api/v2.7/schemas/startups.csv.schema.json' },
  { file: 'api/v2.7/incubators.json', format: 'JSON', what: 'Les incubateurs, API v2.7.', schema: 'api/v2.7/schemas/incubators.schema.json' },
  { file: 'api/v2.7/organisations.json', format: 'JSON', what: 'Les organisations, API v2.7.', schema: 'api/v2.7/schemas/organisations.schema.json' },
  { file: 'api/v2.7/sponsors.json', format: 'JSON', what: 'Les administrations porteuses, API v2.7.', schema: 'api/v2.7/schemas/sponsors.schema.json' },
]

/** The files of the list that this build wrote (the per-startup pattern when there is a startup). */
export function writtenDataFiles(context: SiteContext): DataFile[] {
  const written = new Set(context.dataFiles)
  return DATA_FILES.filter((f) => (f.file.includes('{id}') ? context.startups.length > 0 && written.has(f.file.replace('{id}', context.startups[0]!.id)) : written.has(f.file)))
}

function fileLink(file: string): Html {
  if (!file.includes('{id}')) return html`<a href="${siteHref(DATA_PATH, file)}">${file}</a>`
  return html`<code>${file}</code>`
}

export const dataPage: PageGenerator = function* (context) {
  const files = writtenDataFiles(context)
  const main = html`<h1>Données ouvertes</h1>
<p class="fr-text--lead">Tout ce que montre ce site est publié en données ouvertes, compilé des mêmes fiches : ${String(files.length)} fichiers, chacun avec son schéma JSON.</p>
<p>Les adresses sont relatives à ce site. Les fichiers de l’API v1 sont décrits dans la documentation du registre (docs/api.md) ; ceux de l’API v2.7 reprennent le format historique de beta.gouv.fr.</p>
${tableBlock('Fichiers publiés', html`<tr><th scope="col">Fichier</th><th scope="col">Format</th><th scope="col">Contenu</th><th scope="col">Schéma</th></tr>`, html`${files.map((f) => html`<tr><td>${fileLink(f.file)}</td><td>${f.format}</td><td>${f.what}</td><td>${f.schema ? html`<a href="${siteHref(DATA_PATH, f.schema)}">${f.schema.split('/').pop()}</a>` : '—'}</td></tr>`)}`)}`
  yield [`${DATA_PATH}index.html`, renderPage({ title: 'Données ouvertes', path: DATA_PATH, main, description: 'Les fichiers JSON, CSV et Atom du registre des startups d’État, avec leurs schémas.', breadcrumb: [{ label: 'Données ouvertes' }] })]
}
