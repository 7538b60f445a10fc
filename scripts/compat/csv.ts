/** Reading startups.csv (for the compatibility check and the tests): csv-parse with the file's dialect. Pure. */
import { parse } from 'csv-parse/sync'

/** `;`-separated, double quotes, rows of any length (the reference has broken ones), empty lines kept as `['']`. */
export function parseCsv(text: string): string[][] {
  return parse(text, { delimiter: ';', relax_column_count: true, skip_empty_lines: false, bom: false }) as string[][]
}
