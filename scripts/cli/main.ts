/**
 * The `registry` command line. Parses arguments, runs one command, prints
 * with a formatter and returns the exit code: 0 no error, 1 errors (or
 * warnings with --strict), 2 usage, configuration or output error, or a bug.
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError, DEFAULT_CONFIG, parseConfig, type RegistryConfig } from '../load/config.ts'
import type { Lang } from '../report/diagnostic.ts'
import { FORMATTERS, type FormatName } from '../report/formatters/index.ts'
import { UsageError, type Io } from './io.ts'
import { OutputError } from '../compile/write-output.ts'
import { CHANGES_FORMATS } from '../history/format-changes.ts'

export interface Options {
  root: string
  config: RegistryConfig
  format: FormatName
  lang: Lang
  strict: boolean
  out: string
  /** validate --changed: the git revision to compare with. */
  changed?: string
  /** changes: the period, and its own formats (stylish, markdown, json). */
  since?: string
  until?: string
  changesFormat?: string
  io: Io
}

const HELP_FR = `Utilisation : registry <commande> [options]

Commandes :
  validate   vérifie toutes les fiches (schémas, références, phases)
  build      vérifie puis compile le flux JSON dans --out (rien n'est écrit en cas d'erreur)
  docs       régénère docs/champs.md et docs/regles.md à partir des schémas et des règles
  changes    les changements des fiches d'après l'historique git (--since, --until ; --format stylish, markdown ou json)

Options :
  --root DIR       racine du registre (défaut : le dossier courant)
  --config FILE    configuration (défaut : <root>/registry.config.json s'il existe)
  --format NOM     stylish (défaut), json ou github (automatique si GITHUB_ACTIONS=true)
  --lang fr|en     langue des messages (défaut : fr)
  --out DIR        dossier de sortie de build (défaut : <root>/dist)
  --strict         les avertissements font aussi échouer (code 1)
  --changed        validate : ne lit que les fiches modifiées (git) et vérifie leurs références
  --base REV       avec --changed : comparer à REV (défaut : HEAD, les modifications non commitées)
  --since REF|DATE changes : depuis ce commit (exclu) ou cette date AAAA-MM-JJ (incluse)
  --until REF|DATE changes : jusqu'à ce commit ou cette date incluse (défaut : HEAD)
  -h, --help       affiche cette aide

Codes de sortie : 0 aucune erreur, 1 erreurs dans les fiches, 2 mauvaise utilisation ou configuration.
`
const HELP_EN = `Usage: registry <command> [options]

Commands:
  validate   checks every fiche (schemas, references, phases)
  build      checks, then compiles the JSON feed into --out (nothing is written on error)
  docs       regenerates docs/champs.md and docs/regles.md from the schemas and rules
  changes    what changed in the fiches according to git history (--since, --until; --format stylish, markdown or json)

Options:
  --root DIR       the registry's root (default: the current folder)
  --config FILE    configuration (default: <root>/registry.config.json when present)
  --format NAME    stylish (default), json or github (automatic when GITHUB_ACTIONS=true)
  --lang fr|en     language of the messages (default: fr)
  --out DIR        build output folder (default: <root>/dist)
  --strict         warnings fail too (exit 1)
  --changed        validate: reads only the changed fiches (git) and checks their references
  --base REV       with --changed: compare with REV (default: HEAD, the uncommitted changes)
  --since REF|DATE changes: since this commit (excluded) or this YYYY-MM-DD date (included)
  --until REF|DATE changes: up to this commit or date, included (default: HEAD)
  -h, --help       shows this help

Exit codes: 0 no error, 1 errors in fiches, 2 usage or configuration error.
`

/** Each command is loaded when it runs: `validate` does not pay for the compiler's modules. */
const COMMANDS = {
  validate: async (o: Options) => (await import('./commands/validate.ts')).validateCommand(o),
  build: async (o: Options) => (await import('./commands/build.ts')).buildCommand(o),
  docs: async (o: Options) => (await import('./commands/docs.ts')).docsCommand(o),
  changes: async (o: Options) => (await import('./commands/changes.ts')).changesCommand(o),
} as const

export async function main(argv: readonly string[], io: Io): Promise<number> {
  // The language of a usage error found before --lang is parsed.
  let lang: Lang = argv.some((a, i) => a === '--lang=en' || (a === 'en' && argv[i - 1] === '--lang')) ? 'en' : 'fr'
  try {
    const { values, positionals } = parse(argv, lang)
    lang = parseLang(values.lang)
    if (values.help) {
      io.stdout(lang === 'fr' ? HELP_FR : HELP_EN)
      return 0
    }
    const [name, ...rest] = positionals
    if (!name) throw new UsageError(lang === 'fr' ? 'Aucune commande donnée.' : 'No command given.')
    if (!Object.hasOwn(COMMANDS, name)) throw new UsageError(lang === 'fr' ? `Commande inconnue : ${name}.` : `Unknown command: ${name}.`)
    if (rest.length > 0) throw new UsageError(lang === 'fr' ? `Argument inattendu : ${rest[0]}.` : `Unexpected argument: ${rest[0]}.`)
    const root = path.resolve(io.cwd, values.root ?? '.')
    const changesFormat = name === 'changes' ? parseChangesFormat(values.format, lang) : undefined
    const format = name === 'changes' ? 'stylish' : parseFormat(values.format, io, lang)
    if ((values.since !== undefined || values.until !== undefined) && name !== 'changes') throw new UsageError(lang === 'fr' ? '--since et --until ne vont qu’avec changes.' : '--since and --until only go with changes.')
    const config = await loadConfig(root, values.config, io.cwd)
    const out = path.resolve(values.out === undefined ? root : io.cwd, values.out ?? 'dist')
    if (name === 'build') checkOut(out, root, config, lang)
    if (values.base !== undefined && !values.changed) throw new UsageError(lang === 'fr' ? '--base ne va qu’avec --changed.' : '--base only goes with --changed.')
    if (values.changed && name !== 'validate') throw new UsageError(lang === 'fr' ? '--changed ne va qu’avec validate.' : '--changed only goes with validate.')
    const changed = values.changed ? (values.base ?? 'HEAD') : undefined
    return await COMMANDS[name as keyof typeof COMMANDS]({ root, config, format, lang, strict: values.strict === true, out, changed, since: values.since, until: values.until, changesFormat, io })
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n${lang === 'fr' ? 'Voir « registry --help ».' : 'See "registry --help".'}\n`)
      return 2
    }
    if (err instanceof ConfigError || err instanceof OutputError) {
      io.stderr(`${err.message}\n`)
      return 2
    }
    io.stderr(`${lang === 'fr' ? 'Erreur interne (un bogue de l’outil, pas de votre fiche) :' : 'Internal error (a bug in the tool, not in your fiche):'}\n${(err as Error)?.stack ?? String(err)}\n`)
    return 2
  }
}

function parse(argv: readonly string[], lang: Lang) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        root: { type: 'string' },
        config: { type: 'string' },
        format: { type: 'string' },
        lang: { type: 'string' },
        out: { type: 'string' },
        strict: { type: 'boolean' },
        changed: { type: 'boolean' },
        base: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (err) {
    throw new UsageError(argsMessage(err as NodeJS.ErrnoException, lang))
  }
}

/** node:util's parseArgs speaks English: say the same in the user's language. */
function argsMessage(err: NodeJS.ErrnoException, lang: Lang): string {
  const option = /'(-[^' <]*)/.exec(err.message)?.[1] ?? ''
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return lang === 'fr' ? `Option inconnue : ${option}.` : `Unknown option: ${option}.`
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/argument missing/.test(err.message)) return lang === 'fr' ? `L'option ${option} attend une valeur.` : `The option ${option} needs a value.`
    return lang === 'fr' ? `L'option ${option} ne prend pas de valeur.` : `The option ${option} takes no value.`
  }
  return err.message
}

/**
 * build replaces its output folder wholesale: refuse a folder that holds the
 * registry or one of its collection folders (`--out .` would delete the fiches).
 */
function checkOut(out: string, root: string, config: RegistryConfig, lang: Lang): void {
  const holds = (dir: string) => {
    const rel = path.relative(out, dir)
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
  }
  if ([root, ...Object.values(config.collections).map((c) => path.resolve(root, c))].some(holds)) {
    throw new UsageError(
      lang === 'fr'
        ? `Le dossier de sortie ${out} contient le registre ou ses fiches : build le remplacerait entièrement. Choisissez un dossier dédié, par exemple --out dist.`
        : `The output folder ${out} holds the registry or its fiches: build would replace it entirely. Choose a dedicated folder, for example --out dist.`,
    )
  }
}

function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === 'fr') return 'fr'
  if (value === 'en') return 'en'
  throw new UsageError(`--lang doit valoir fr ou en, pas « ${value} ».`)
}

function parseFormat(value: string | undefined, io: Io, lang: Lang): FormatName {
  if (value === undefined) return io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish'
  if (Object.hasOwn(FORMATTERS, value)) return value as FormatName
  const names = Object.keys(FORMATTERS).join(', ')
  throw new UsageError(lang === 'fr' ? `--format doit valoir ${names}, pas « ${value} ».` : `--format must be ${names}, not "${value}".`)
}

function parseChangesFormat(value: string | undefined, lang: Lang): string {
  if (value === undefined || (CHANGES_FORMATS as readonly string[]).includes(value)) return value ?? 'stylish'
  throw new UsageError(lang === 'fr' ? `--format doit valoir stylish, markdown ou json pour changes, pas « ${value} ».` : `--format must be stylish, markdown or json for changes, not "${value}".`)
}

async function loadConfig(root: string, option: string | undefined, cwd: string): Promise<RegistryConfig> {
  const file = option === undefined ? path.join(root, 'registry.config.json') : path.resolve(cwd, option)
  let text: string
  try {
    text = await fsp.readFile(file, 'utf8')
  } catch (err) {
    if (option === undefined && (err as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(DEFAULT_CONFIG)
    throw new ConfigError(`Le fichier de configuration ${file} ne peut pas être lu (${(err as NodeJS.ErrnoException).code}).`)
  }
  return parseConfig(text, file)
}
