/**
 * Validates the v2.7 files against their published JSON Schemas, with the
 * registry's Ajv. The CSV is read with its header, each row as an object.
 * Pure: file contents in, error messages out.
 */
import { V2_7_SCHEMAS, type V27SchemaName } from '../compile/api-v2-7-schemas.ts'
import { API_V2_7_DIR } from '../compile/build-api-v2-7.ts'
import { createAjv } from '../validate/ajv.ts'
import { parseCsv } from './csv.ts'

/** A CSV text as objects keyed by its header (rows of another length are kept as they are, to be reported). */
export function csvObjects(text: string): unknown[] {
  const [header = [], ...rows] = parseCsv(text)
  return rows.map((row) => (row.length === header.length ? Object.fromEntries(header.map((h, i) => [h, row[i]])) : row))
}

const FILES: Record<V27SchemaName, string> = {
  startups: 'startups.json',
  incubators: 'incubators.json',
  organisations: 'organisations.json',
  sponsors: 'sponsors.json',
  'startups.csv': 'startups.csv',
}

export function checkV27Schemas(files: ReadonlyMap<string, string>): { file: string; errors: string[] }[] {
  const ajv = createAjv()
  return (Object.keys(FILES) as V27SchemaName[]).map((name) => {
    const file = FILES[name]
    const text = files.get(`${API_V2_7_DIR}/${file}`)
    if (text === undefined) return { file, errors: ['fichier absent'] }
    const validate = ajv.compile(V2_7_SCHEMAS[name])
    const errors: string[] = []
    const check = (value: unknown, where: string) => {
      if (!validate(value)) for (const e of validate.errors ?? []) errors.push(`${where}${e.instancePath} ${e.message ?? e.keyword}`)
    }
    try {
      if (name === 'startups.csv') csvObjects(text).forEach((row, i) => check(row, `ligne ${i + 2} `))
      else check(JSON.parse(text), '')
    } catch (err) {
      errors.push(`illisible : ${(err as Error).message}`)
    }
    return { file, errors }
  })
}
