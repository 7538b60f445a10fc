/**
 * The fiche schemas of `schemas/`, imported as modules (never read from disk
 * at run time). Apart from ajv.ts, so that what only needs their fields (the
 * feed's key order, the docs, the compile worker) does not load the
 * validators.
 */
import common from '../../schemas/common.schema.json' with { type: 'json' }
import incubator from '../../schemas/incubator.schema.json' with { type: 'json' }
import organisation from '../../schemas/organisation.schema.json' with { type: 'json' }
import startup from '../../schemas/startup.schema.json' with { type: 'json' }
import type { Collection } from '../load/config.ts'

export type JsonSchema = Record<string, any>

export const FICHE_SCHEMAS: Record<Collection, JsonSchema> = { startups: startup, organisations: organisation, incubators: incubator }
export const COMMON_SCHEMA: JsonSchema = common

/**
 * Where a published file's JSON Schema is: `<siteUrl>/api/v1/schemas/<file>.schema.json`.
 * Here, below both the feed (compile/) and the history's files (history/), which both link to theirs.
 */
export function publishedSchemaUrl(siteUrl: string, file: string): string {
  return `${siteUrl}/api/v1/schemas/${file}.schema.json`
}
