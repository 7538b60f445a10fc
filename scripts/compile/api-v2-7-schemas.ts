/**
 * The published JSON Schemas (2020-12) of the v2.7 files, kept as JSON files
 * in `schemas/api-v2.7/` and imported as modules (never read at run time).
 * The build writes them to `api/v2.7/schemas/`, with an `$id` from siteUrl.
 */
import incubators from '../../schemas/api-v2.7/incubators.schema.json' with { type: 'json' }
import organisations from '../../schemas/api-v2.7/organisations.schema.json' with { type: 'json' }
import sponsors from '../../schemas/api-v2.7/sponsors.schema.json' with { type: 'json' }
import startupsCsv from '../../schemas/api-v2.7/startups.csv.schema.json' with { type: 'json' }
import startups from '../../schemas/api-v2.7/startups.schema.json' with { type: 'json' }

export type V27SchemaName = 'startups' | 'incubators' | 'organisations' | 'sponsors' | 'startups.csv'

/** Schema name → schema; the name is the file it describes without `.json` (`startups.csv` for the CSV). */
export const V2_7_SCHEMAS: Record<V27SchemaName, Record<string, unknown>> = {
  startups,
  incubators,
  organisations,
  sponsors,
  'startups.csv': startupsCsv,
}
