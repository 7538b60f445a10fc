/**
 * The API v3 of beta.gouv.fr as its generator writes it, transcribed from
 * betagouv/beta.gouv.fr: `_plugins/startup_json_generator.rb` writes
 * `Beta::Startup#to_api_hash.to_json` into api/v3/startups/<id>.json for each
 * startup; `lib/models/startup.rb` defines to_api_hash. Used by the v3 tests
 * and by the opt-in comparison on the real corpus.
 */
import { load } from 'js-yaml-4'

/**
 * lib/models/startup.rb:
 *   API_SINGLE_FIELDS = %w[id name repository contact phases mission link incubator accessibility_status
 *                          stats_url budget_url impact_url dashlord_url redirect_from usertypes techno mon_service_securise]
 *   { name: title }.merge(data.slice(*API_SINGLE_FIELDS)).merge(incubators:, active_members:, previous_members:).merge(content:)
 */
export const UPSTREAM_V3: readonly (readonly [string, 'string' | 'array' | 'boolean'])[] = [
  ['name', 'string'],
  ['id', 'string'],
  ['repository', 'string'],
  ['contact', 'string'],
  ['phases', 'array'],
  ['mission', 'string'],
  ['link', 'string'],
  ['incubator', 'string'],
  ['accessibility_status', 'string'],
  ['stats_url', 'string'],
  ['budget_url', 'string'],
  ['impact_url', 'string'],
  ['dashlord_url', 'string'],
  ['redirect_from', 'array'],
  ['usertypes', 'array'],
  ['techno', 'array'],
  ['mon_service_securise', 'boolean'],
  ['incubators', 'array'],
  ['active_members', 'array'],
  ['previous_members', 'array'],
  ['content', 'string'],
]

const API_SINGLE_FIELDS = ['id', 'name', 'repository', 'contact', 'phases', 'mission', 'link', 'incubator', 'accessibility_status', 'stats_url', 'budget_url', 'impact_url', 'dashlord_url', 'redirect_from', 'usertypes', 'techno', 'mon_service_securise']

/** Jekyll's YAML_FRONT_MATTER_REGEXP (`\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)`, Ruby's /m being JavaScript's dotAll). */
const FRONT_MATTER = /^(---\s*\n[\s\S]*?\n?)^((---|\.\.\.)\s*$\n?)/m

/** Ruby's to_json of a Psych value: a Date is written as its ISO date. */
function rubyJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (Array.isArray(value)) return value.map(rubyJson)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rubyJson(v)]))
  return value
}

/**
 * What upstream's generator writes for a fiche's text, members aside: the
 * front matter read as Psych reads it (js-yaml 4's default schema gives the
 * same values on this corpus: dates as dates), sliced to API_SINGLE_FIELDS,
 * `incubators` from Startup#incubator_ids, `content` Jekyll's post_match.
 * `id` is the file name (the API's consumers read it; Jekyll's document data
 * would have it only if the fiche wrote it).
 */
export function upstreamV3(id: string, text: string): Record<string, unknown> {
  const m = FRONT_MATTER.exec(text)
  if (!m || m.index !== 0) throw new Error(`${id}: no front matter`)
  const data = load(m[1]!.replace(/^---\s*\n/, '')) as Record<string, unknown>
  const out: Record<string, unknown> = { name: data.title }
  for (const key of API_SINGLE_FIELDS) if (key in data && key !== 'name') out[key] = data[key]
  out.id = id
  // Hash#merge keeps the first position of a key: name first, then the slice's order (id comes first in it).
  const ordered: Record<string, unknown> = { name: out.name, id }
  for (const key of API_SINGLE_FIELDS) if (key in out && !(key in ordered)) ordered[key] = out[key]
  const incubators = [data.incubators].flat().filter((i) => i !== null && i !== undefined)
  ordered.incubators = incubators.length > 0 ? incubators : [data.incubator].filter((i) => i !== null && i !== undefined)
  ordered.content = text.slice(m[0].length)
  return rubyJson(ordered) as Record<string, unknown>
}
