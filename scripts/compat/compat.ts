/**
 * `npm run compat -- <corpus-root> <reference-dir> [--config FILE] [--limit N]`
 *
 * Builds the v2.7 files from a beta.gouv.fr checkout (with the beta.gouv.fr
 * layout configuration) and compares each one, after parsing, with the files
 * that the current site publishes. Every fiche that parses is compiled, even
 * one with validation errors: the point is to compare with what the site
 * publishes today (`registry build` itself still refuses to build on errors).
 *
 * Exit codes: 0 only documented differences, 1 an undocumented difference or
 * an output that breaks its schema, 2 usage or reading error. The only I/O of
 * the check is here; the comparison is in compare.ts, the report in report.ts.
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildApiV27, API_V2_7_DIR } from '../compile/build-api-v2-7.ts'
import { ConfigError } from '../errors.ts'
import { parseConfig, runValidation } from '../registry.ts'
import { checkV27Schemas } from './check-schemas.ts'
import { compareFile, COMPARED_FILES } from './compare.ts'
import { classify, formatReport, isCompatible } from './report.ts'

const USAGE = `Usage : npm run compat -- <racine-du-corpus> <dossier-de-référence> [--config FICHIER] [--limit N]
  racine-du-corpus      un dépôt beta.gouv.fr (avec content/_startups, content/_organisations, content/_incubators)
  dossier-de-référence  les fichiers de l’API v2.7 publiés par le site (startups.json, incubators.json,
                        organisations.json, sponsors.json, startups.csv)
  --config FICHIER      configuration du registre (défaut : config/beta.gouv.fr.config.json)
  --limit N             nombre de différences montrées par fichier (défaut : 10)
`

const DEFAULT_CONFIG_FILE = fileURLToPath(new URL('../../config/beta.gouv.fr.config.json', import.meta.url))

interface Args {
  corpus: string
  reference: string
  config: string
  limit: number
}

function parseArgs(argv: readonly string[]): Args | string {
  const positional: string[] = []
  let config = DEFAULT_CONFIG_FILE
  let limit = 10
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--help' || arg === '-h') return ''
    if (arg === '--config' || arg === '--limit') {
      const value = argv[++i]
      if (value === undefined) return `${arg} attend une valeur.`
      if (arg === '--config') config = value
      else if (/^\d+$/.test(value)) limit = Number(value)
      else return '--limit attend un nombre entier.'
    } else if (arg.startsWith('-')) {
      return `Option inconnue : ${arg}`
    } else {
      positional.push(arg)
    }
  }
  if (positional.length !== 2) return 'Indiquez la racine du corpus et le dossier de référence.'
  return { corpus: positional[0]!, reference: positional[1]!, config, limit }
}

export async function compat(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv)
  if (typeof args === 'string') {
    if (args !== '') err(`${args}\n`)
    ;(args === '' ? out : err)(USAGE)
    return args === '' ? 0 : 2
  }
  try {
    const config = parseConfig(await fsp.readFile(args.config, 'utf8'), args.config)
    // The same reading and validation as `registry validate` (readRecords, validateRegistry).
    const { records, summary } = await runValidation(args.corpus, config, 'fr')
    const files = buildApiV27(records, config)
    const comparisons = []
    for (const file of COMPARED_FILES) {
      const expected = await fsp.readFile(path.join(args.reference, file), 'utf8')
      comparisons.push(classify(compareFile(file, expected, files.get(`${API_V2_7_DIR}/${file}`) ?? '')))
    }
    const input = {
      corpus: args.corpus,
      reference: args.reference,
      fiches: { read: summary.files, parsed: records.length, errors: summary.errors, warnings: summary.warnings },
      comparisons,
      schemaErrors: checkV27Schemas(files),
      limit: args.limit,
    }
    out(formatReport(input))
    return isCompatible(input) ? 0 : 1
  } catch (error) {
    if (error instanceof ConfigError || (error as NodeJS.ErrnoException).code !== undefined) {
      err(`${(error as Error).message}\n`)
      return 2
    }
    throw error
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await compat(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s))
}
