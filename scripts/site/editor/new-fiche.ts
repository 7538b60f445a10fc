/**
 * The new-fiche path in three steps (identity, current phase, links): the answers become a
 * fiche written as `registry new` writes one (newFiche: keys in the schema's order). Only
 * what was answered is written; nothing is invented (no example value, no real product's
 * data). Pure; no `node:` import.
 */
import { newFiche } from './fiche-text.ts'

export interface NewFicheAnswers {
  title: string
  mission: string
  incubator: string
  /** An organisation's id (written `/organisations/<id>`), or ''. */
  sponsor: string
  contact: string
  phase: string
  start: string
  link: string
  repository: string
  stats_url: string
}

/** Which step asks for which answer (`id`: the file name), for the step's own messages. */
export const STEP_FIELDS: readonly (readonly string[])[] = [
  ['id', 'title', 'mission', 'incubator', 'sponsor', 'contact'],
  ['phase', 'start'],
  ['link', 'repository', 'stats_url'],
]

/** The fiche's data from the answers: empty answers are left out. */
export function newFicheData(a: Partial<NewFicheAnswers>): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  const put = (key: string, value: unknown) => {
    if (value !== undefined && value !== '') data[key] = value
  }
  put('title', a.title?.trim())
  put('mission', a.mission?.trim())
  put('incubator', a.incubator)
  if (a.sponsor) data.sponsors = [`/organisations/${a.sponsor}`]
  put('contact', a.contact?.trim())
  put('link', a.link?.trim())
  put('repository', a.repository?.trim())
  if (a.phase) data.phases = [{ name: a.phase, ...(a.start?.trim() ? { start: a.start.trim() } : {}) }]
  put('stats_url', a.stats_url?.trim())
  return data
}

/** The fiche's text: the answers' data, no body yet (the editor asks for it next). */
export function newFicheText(a: Partial<NewFicheAnswers>): string {
  return newFiche(newFicheData(a), '')
}

/** An id from a name: lower case, no accents, words joined by dashes (« Mon Produit ! » → mon-produit). */
export function slugOf(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '')
}
