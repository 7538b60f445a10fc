/**
 * Opt-in (skipped when ../shared is absent): the real corpus's
 * api/v2.7/startups.csv is unchanged by the neutralisation of formulas (no
 * real value starts with =, +, -, @, a tab or a carriage return), byte for
 * byte what the serialisation without it (csv-stringify) gives.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { stringify } from 'csv-stringify/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { runValidation } from '../../scripts/registry/check.ts'
import { CSV_ALWAYS_QUOTED, CSV_FORMULA_START, serializeCsv, startupsCsvRows } from '../../scripts/compile/build-api-v2-7.ts'
import { parseConfig } from '../../scripts/registry/config.ts'
import type { ParsedRecord } from '../../scripts/load/parse-record.ts'
import { REPO } from '../cli/run.ts'

const CORPUS = path.resolve(REPO, '../shared/corpus/beta.gouv.fr')
const CONFIG = path.join(REPO, 'config/beta.gouv.fr.config.json')

describe.skipIf(!existsSync(CORPUS))('startups.csv of the real corpus', () => {
  let records: ParsedRecord[]

  beforeAll(async () => {
    const config = parseConfig(readFileSync(CONFIG, 'utf8'), CONFIG)
    records = (await runValidation(CORPUS, config, 'fr')).records
  }, 60_000)

  it('has no value that starts like a formula, so its bytes are those of the serialisation without neutralisation', () => {
    const rows = startupsCsvRows(records)
    expect(rows.length).toBe(663)
    expect(rows.slice(1).flat().filter((cell) => CSV_FORMULA_START.test(cell))).toEqual([])
    const [header, ...body] = rows
    const before =
      stringify([header!], { delimiter: ';', record_delimiter: '\n', quoted_match: /\r/ }) +
      stringify(body, { delimiter: ';', record_delimiter: '\n', quoted_match: /\r/, cast: { string: (value, context) => (CSV_ALWAYS_QUOTED.has(context.index) ? { value, quoted: true, quoted_empty: true } : value) } })
    expect(serializeCsv(rows)).toBe(before)
  })
})
