/**
 * The `registry` command line. Parses arguments, runs one command, prints
 * with a formatter and returns the exit code: 0 no error, 1 errors (or
 * warnings with --strict), 2 usage, configuration or output error, or a bug.
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Lang } from '../report/diagnostic.ts'
import { FORMAT_NAMES, type FormatName } from '../report/formatters/names.ts'
import { UsageError, type Io } from './io.ts'
import type { Options } from './options.ts'
import { ConfigError, NetworkError, OutputError } from '../errors.ts'
import { TOOL_ROOT } from '../tool-root.ts'
import { CHANGES_FORMATS } from '../history/changes-formats.ts'
import { findRoot } from '../registry/find-root.ts'

const HELP_FR = `Utilisation : registry <commande> [options]

Commandes :
  validate   vérifie toutes les fiches (schémas, références, phases)
  fix        fix [fichiers…] [--dry-run] : applique les corrections automatiques sûres, puis vérifie à nouveau
  build      vérifie puis compile le flux JSON et le site dans --out (rien n’est écrit en cas d’erreur)
  lint       vérifie les standards du programme (avertissements ; voir docs/standards.md)
  docs       régénère docs/champs.md et docs/regles.md à partir des schémas et des règles
  report     résumé markdown d’une pull request (fiches modifiées, erreurs) ; avec --pr, le publie en commentaire
  new        new startup|organisation|incubator <id> [--title T --incubator I --phase P] : écrit une fiche à compléter, vérifiée d’abord
  propose    propose <fichier> --repo PROPRIETAIRE/NOM : ouvre une pull request avec la fiche, sans git
  changes    les changements des fiches d’après l’historique git (--since, --until ; --format stylish, markdown ou json)
  evidence   vérifie en ligne les pages et les dépôts des fiches et accumule les preuves (--out, --previous) ;
             --publish, --fetch, --notify : les garde sur une branche, les relit, ouvre des tickets (voir son aide)

Options :
  --root DIR       racine du registre (défaut : le dossier courant ou le plus proche au-dessus qui a
                   registry.config.json ou un dossier de fiches, comme git)
  --config FILE    configuration (défaut : <root>/registry.config.json s’il existe)
  --format NOM     validate, lint, build, new : stylish (défaut), json, github, markdown ou sarif
                   (github si GITHUB_ACTIONS=true) ; changes, evidence : stylish, markdown ou json
  --lang fr|en     langue des messages (défaut : fr)
  --out DIR        dossier de sortie de build (défaut : <root>/dist)
  --evidence FILE  build : les preuves en ligne (evidence.json) à publier et à montrer sur le site
  --strict         les avertissements font aussi échouer (code 1)
  --changed        validate : ne lit que les fiches modifiées (git) et vérifie leurs références ; lint : ne signale que les fiches modifiées
  --new-only       lint --changed : seulement les avertissements que la modification ajoute (comparés à la base)
  --base REV       avec --changed : comparer à REV (défaut : HEAD, les modifications non commitées) ;
                   validate sans --changed : annoter d’abord les fiches modifiées ; report, propose : voir leur aide
  --max-warnings N plus de N avertissements font échouer (code 1)
  --quiet          n’affiche que les erreurs
  --dry-run        fix : montre les corrections sans rien écrire
  --as-of DATE     lint, validate, build, fix : date de référence AAAA-MM-JJ (défaut : date du dernier commit)
  --online         lint : vérifie aussi en ligne les liens et les dépôts
  --suppress-all   lint : enregistre les avertissements actuels dans registry-suppressions.json
  --prune-suppressions  lint : retire du fichier ce qui a été corrigé
  --fail-on-new    lint : échoue (code 1) s’il y a des avertissements nouveaux
  --suppressions FILE   lint : fichier des avertissements enregistrés
  --since REF|DATE changes : depuis ce commit (exclu) ou cette date AAAA-MM-JJ (incluse)
  --until REF|DATE changes : jusqu’à ce commit ou cette date incluse (défaut : HEAD)
  --pr N, --repo PROPRIETAIRE/NOM, --data FICHIER, --output-json FICHIER  report et propose (voir leur aide)
  --color, --no-color  force ou retire les couleurs (sinon : FORCE_COLOR, NO_COLOR, TERM=dumb, terminal)
  --output-file FICHIER  écrit le résultat dans FICHIER au lieu de la sortie standard
  -h, --help       affiche cette aide (registry <commande> --help : l’aide de la commande)
  -v, --version    affiche la version

Codes de sortie : 0 = aucune erreur ; 1 = des erreurs dans les fiches ; 2 = mauvaise utilisation ou configuration.
`
const HELP_EN = `Usage: registry <command> [options]

Commands:
  validate   checks every fiche (schemas, references, phases)
  fix        fix [files…] [--dry-run]: applies the certain automatic fixes, then checks again
  build      checks, then compiles the JSON feed and the site into --out (nothing is written on error)
  lint       checks the programme's standards (warnings; see docs/standards.md)
  docs       regenerates docs/champs.md and docs/regles.md from the schemas and rules
  report     markdown summary of a pull request (changed fiches, errors); with --pr, posts it as a comment
  new        new startup|organisation|incubator <id> [--title T --incubator I --phase P]: writes a fiche to fill in, checked first
  propose    propose <file> --repo OWNER/NAME: opens a pull request with the fiche, without git
  changes    what changed in the fiches according to git history (--since, --until; --format stylish, markdown or json)
  evidence   checks the fiches' pages and repositories online and accumulates the evidence (--out, --previous);
             --publish, --fetch, --notify: keeps it on a branch, reads it back, opens issues (see its help)

Options:
  --root DIR       the registry's root (default: the current folder or the nearest one above with
                   registry.config.json or a fiche folder, as git does)
  --config FILE    configuration (default: <root>/registry.config.json when present)
  --format NAME    validate, lint, build, new: stylish (default), json, github, markdown or sarif
                   (github when GITHUB_ACTIONS=true); changes, evidence: stylish, markdown or json
  --lang fr|en     language of the messages (default: fr)
  --out DIR        build output folder (default: <root>/dist)
  --evidence FILE  build: the online evidence (evidence.json) to publish and show on the site
  --strict         warnings fail too (exit 1)
  --changed        validate: reads only the changed fiches (git) and checks their references; lint: reports on the changed fiches only
  --new-only       lint --changed: only the warnings the change adds (compared with the base)
  --base REV       with --changed: compare with REV (default: HEAD, the uncommitted changes);
                   validate without --changed: annotate the changed fiches first; report, propose: see their help
  --max-warnings N more than N warnings fail (exit 1)
  --quiet          prints errors only
  --dry-run        fix: shows the fixes, writes nothing
  --as-of DATE     lint, validate, build, fix: reference date YYYY-MM-DD (default: the last commit's date)
  --online         lint: also checks links and repositories online
  --suppress-all   lint: records the current warnings in registry-suppressions.json
  --prune-suppressions  lint: removes what was fixed from that file
  --fail-on-new    lint: fails (exit 1) on new warnings
  --suppressions FILE   lint: the file of recorded warnings
  --since REF|DATE changes: since this commit (excluded) or this YYYY-MM-DD date (included)
  --until REF|DATE changes: up to this commit or date, included (default: HEAD)
  --pr N, --repo OWNER/NAME, --data FILE, --output-json FILE  report and propose (see their help)
  --color, --no-color  forces or removes colours (otherwise: FORCE_COLOR, NO_COLOR, TERM=dumb, a terminal)
  --output-file FILE  writes the result to FILE instead of standard output
  -h, --help       shows this help (registry <command> --help: the command's help)
  -v, --version    shows the version

Exit codes: 0 = no error; 1 = errors in fiches; 2 = usage or configuration error.
`

/** Each command is loaded when it runs: `validate` does not pay for the compiler's modules. */
const COMMANDS = {
  validate: async (o: Options) => (await import('./commands/validate.ts')).validateCommand(o),
  fix: async (o: Options) => (await import('./commands/fix.ts')).fixCommand(o),
  build: async (o: Options) => (await import('./commands/build.ts')).buildCommand(o),
  lint: async (o: Options) => (await import('./commands/lint.ts')).lintCommand(o),
  docs: async (o: Options) => (await import('./commands/docs.ts')).docsCommand(o),
  report: async (o: Options) => (await import('./commands/report.ts')).reportCommand(o),
  new: async (o: Options) => (await import('./commands/new.ts')).newCommand(o),
  propose: async (o: Options) => (await import('./commands/propose.ts')).proposeCommand(o),
  changes: async (o: Options) => (await import('./commands/changes.ts')).changesCommand(o),
  evidence: async (o: Options) => (await import('./commands/evidence.ts')).evidenceCommand(o),
} as const

/** The commands whose output --format chooses (the others print markdown, a file list or an address). */
const FORMATTED: ReadonlySet<string> = new Set(['validate', 'lint', 'build', 'new', 'fix', 'changes', 'evidence'])

/** Commands that take arguments of their own. */
const POSITIONAL_ARGS: Partial<Record<keyof typeof COMMANDS, number>> = { new: 2, propose: 1 }
/** Commands whose last argument may be left out (registry new asks for the id at a terminal). */
const OPTIONAL_LAST: ReadonlySet<string> = new Set(['new'])
/** Commands that take any number of files. */
const FILE_ARGS: ReadonlySet<string> = new Set(['fix'])

export async function main(argv: readonly string[], io: Io): Promise<number> {
  // The language of a usage error found before --lang is parsed.
  let lang: Lang = argv.some((a, i) => a === '--lang=en' || (a === 'en' && argv[i - 1] === '--lang')) ? 'en' : 'fr'
  try {
    const { values, positionals } = parse(argv, lang)
    lang = parseLang(values.lang)
    if (values.version) {
      io.stdout(`${await version()}\n`)
      return 0
    }
    const [name, ...rest] = positionals
    if (values.help) {
      const { commandHelp } = await import('./help.ts')
      io.stdout((name !== undefined && commandHelp(name, lang)) || (lang === 'fr' ? HELP_FR : HELP_EN))
      return 0
    }
    if (!name) throw new UsageError(lang === 'fr' ? 'Aucune commande donnée.' : 'No command given.')
    if (!Object.hasOwn(COMMANDS, name)) throw new UsageError(lang === 'fr' ? `Commande inconnue : ${name}.` : `Unknown command: ${name}.`)
    const wanted = FILE_ARGS.has(name) ? rest.length : (POSITIONAL_ARGS[name as keyof typeof COMMANDS] ?? 0)
    if (rest.length > wanted) throw new UsageError(lang === 'fr' ? `Argument inattendu : ${rest[wanted]}.` : `Unexpected argument: ${rest[wanted]}.`)
    if (rest.length < wanted - (OPTIONAL_LAST.has(name) ? 1 : 0)) throw new UsageError(lang === 'fr' ? `Il manque un argument : voir « registry ${name} --help ».` : `An argument is missing: see "registry ${name} --help".`)
    if (values.color && values['no-color']) throw new UsageError(lang === 'fr' ? '--color et --no-color ne vont pas ensemble.' : '--color and --no-color do not go together.')
    const root = values.root !== undefined ? path.resolve(io.cwd, values.root) : (findRoot(io.cwd) ?? io.cwd)
    if (values.root !== undefined) await checkRoot(root, lang)
    if (values.format !== undefined && !FORMATTED.has(name)) throw new UsageError(lang === 'fr' ? `--format ne va pas avec ${name} : il va avec ${[...FORMATTED].join(', ')}.` : `--format does not go with ${name}: it goes with ${[...FORMATTED].join(', ')}.`)
    const ownFormat = name === 'changes' || name === 'evidence'
    const changesFormat = ownFormat ? parseChangesFormat(values.format, name, lang) : undefined
    const format = ownFormat ? 'stylish' : parseFormat(values.format, io, lang)
    if ((values.since !== undefined || values.until !== undefined) && name !== 'changes') throw new UsageError(lang === 'fr' ? '--since et --until ne vont qu’avec changes.' : '--since and --until only go with changes.')
    const changed = values.changed ? (values.base ?? 'HEAD') : undefined
    // validate --changed: git (its status is most of the wait on a large registry) answers while the
    // configuration and the checks load. A failure is reported when validate awaits it.
    const changes = name === 'validate' && changed !== undefined ? import('../registry/changed.ts').then((m) => m.changedSince(root, changed)) : undefined
    changes?.catch(() => {})
    // Loaded here, not at start: the parser brings the rules' ids and messages, which --help does not need.
    const config = await (await import('../registry/config.ts')).readConfig(root, values.config, io.cwd)
    const out = path.resolve(values.out === undefined ? root : io.cwd, values.out ?? 'dist')
    if (values.base !== undefined && !values.changed && name !== 'validate' && name !== 'report' && name !== 'propose') throw new UsageError(lang === 'fr' ? '--base ne va qu’avec validate, report et propose.' : '--base only goes with validate, report and propose.')
    for (const only of ['pr', 'data', 'output-json'] as const) {
      if (values[only] !== undefined && name !== 'report') throw new UsageError(lang === 'fr' ? `--${only} ne va qu’avec report.` : `--${only} only goes with report.`)
    }
    if (values.repo !== undefined && name !== 'report' && name !== 'propose' && name !== 'evidence') throw new UsageError(lang === 'fr' ? '--repo ne va qu’avec report, propose et evidence.' : '--repo only goes with report, propose and evidence.')
    if (values.evidence !== undefined && name !== 'build') throw new UsageError(lang === 'fr' ? '--evidence ne va qu’avec build.' : '--evidence only goes with build.')
    const evidenceOnly = (['previous', 'publish', 'notify', 'fetch', 'branch'] as const).find((k) => values[k] !== undefined)
    if (evidenceOnly && name !== 'evidence') throw new UsageError(lang === 'fr' ? `--${evidenceOnly} ne va qu’avec evidence.` : `--${evidenceOnly} only goes with evidence.`)
    const inCwd = (file: string | undefined) => (file === undefined ? undefined : path.resolve(io.cwd, file))
    const pr = values.pr === undefined ? undefined : parsePr(values.pr, lang)
    if (values.changed && name !== 'validate' && name !== 'lint') throw new UsageError(lang === 'fr' ? '--changed ne va qu’avec validate et lint.' : '--changed only goes with validate and lint.')
    if (values['new-only'] && !(name === 'lint' && values.changed)) throw new UsageError(lang === 'fr' ? '--new-only ne va qu’avec lint --changed.' : '--new-only only goes with lint --changed.')
    const outputFile = values['output-file'] === undefined ? undefined : path.resolve(io.cwd, values['output-file'])
    const color = useColor(values.color ? true : values['no-color'] ? false : undefined, io.env, io.isTTY && outputFile === undefined)
    // --output-file: what the command prints goes to the file, written once the command is done.
    let output = ''
    const runIo: Io = outputFile === undefined ? io : { ...io, stdout: (s) => void (output += s) }
    const lintOnly = (['online', 'suppress-all', 'prune-suppressions', 'fail-on-new', 'suppressions'] as const).find((k) => values[k] !== undefined)
    const newOnly = (['title', 'incubator', 'phase'] as const).find((k) => values[k] !== undefined)
    if (newOnly && name !== 'new') throw new UsageError(lang === 'fr' ? `--${newOnly} ne va qu’avec new.` : `--${newOnly} only goes with new.`)
    if (values['dry-run'] && name !== 'fix') throw new UsageError(lang === 'fr' ? '--dry-run ne va qu’avec fix.' : '--dry-run only goes with fix.')
    if (lintOnly && name !== 'lint') throw new UsageError(lang === 'fr' ? `--${lintOnly} ne va qu’avec lint.` : `--${lintOnly} only goes with lint.`)
    const options: Options = {
      root, config, format, lang, strict: values.strict === true, out, changed, changes, io: runIo, color, args: rest,
      since: values.since, until: values.until, changesFormat,
      base: values.changed ? undefined : values.base, pr, repo: values.repo,
      outputJson: values['output-json'] === undefined ? undefined : path.resolve(io.cwd, values['output-json']),
      data: values.data === undefined ? undefined : path.resolve(io.cwd, values.data),
      evidenceFile: inCwd(values.evidence),
      evidence: name === 'evidence' ? { out: inCwd(values.out), previous: inCwd(values.previous), publish: inCwd(values.publish), notify: inCwd(values.notify), fetch: inCwd(values.fetch), branch: values.branch } : undefined,
      maxWarnings: parseMaxWarnings(values['max-warnings'], lang),
      quiet: values.quiet === true,
      dryRun: values['dry-run'] === true,
      newFiche: { title: values.title, incubator: values.incubator, phase: values.phase },
      asOf: parseAsOf(values['as-of'], lang),
      lint: {
        online: values.online === true,
        suppressAll: values['suppress-all'] === true,
        pruneSuppressions: values['prune-suppressions'] === true,
        failOnNew: values['fail-on-new'] === true,
        newOnly: values['new-only'] === true,
        suppressions: values.suppressions === undefined ? undefined : path.resolve(io.cwd, values.suppressions),
      },
    }
    const code = await COMMANDS[name as keyof typeof COMMANDS](options)
    if (outputFile !== undefined) await writeOutputFile(outputFile, output, lang)
    return code
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n${lang === 'fr' ? 'Voir « registry --help ».' : 'See "registry --help".'}\n`)
      return 2
    }
    if (err instanceof ConfigError || err instanceof OutputError || err instanceof NetworkError || (err as Error)?.name === 'GitHubError') {
      io.stderr(`${(err as Error).message}\n`)
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
        version: { type: 'boolean', short: 'v' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'output-file': { type: 'string' },
        pr: { type: 'string' },
        repo: { type: 'string' },
        'output-json': { type: 'string' },
        data: { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        'as-of': { type: 'string' },
        online: { type: 'boolean' },
        'suppress-all': { type: 'boolean' },
        'prune-suppressions': { type: 'boolean' },
        'fail-on-new': { type: 'boolean' },
        'new-only': { type: 'boolean' },
        suppressions: { type: 'string' },
        previous: { type: 'string' },
        publish: { type: 'string' },
        notify: { type: 'string' },
        fetch: { type: 'string' },
        evidence: { type: 'string' },
        branch: { type: 'string' },
        'dry-run': { type: 'boolean' },
        title: { type: 'string' },
        incubator: { type: 'string' },
        phase: { type: 'string' },
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
    if (/argument missing/.test(err.message)) return lang === 'fr' ? `L’option ${option} attend une valeur.` : `The option ${option} needs a value.`
    return lang === 'fr' ? `L’option ${option} ne prend pas de valeur.` : `The option ${option} takes no value.`
  }
  return err.message
}

function parseMaxWarnings(value: string | undefined, lang: Lang): number | undefined {
  if (value === undefined) return undefined
  if (/^\d{1,9}$/.test(value)) return Number(value)
  throw new UsageError(lang === 'fr' ? `--max-warnings attend un nombre entier positif ou nul, pas « ${value} ».` : `--max-warnings needs a whole number, not "${value}".`)
}

function parseAsOf(value: string | undefined, lang: Lang): string | undefined {
  if (value === undefined) return undefined
  const d = new Date(`${value}T00:00:00Z`)
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value) return value
  throw new UsageError(lang === 'fr' ? `--as-of attend une date AAAA-MM-JJ qui existe, pas « ${value} ».` : `--as-of needs an existing date YYYY-MM-DD, not "${value}".`)
}

function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === 'fr') return 'fr'
  if (value === 'en') return 'en'
  throw new UsageError(`--lang doit valoir fr ou en, pas « ${value} ».`)
}

function parseFormat(value: string | undefined, io: Io, lang: Lang): FormatName {
  if (value === undefined) return io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish'
  if ((FORMAT_NAMES as readonly string[]).includes(value)) return value as FormatName
  const names = (and: string) => `${FORMAT_NAMES.slice(0, -1).join(', ')} ${and} ${FORMAT_NAMES[FORMAT_NAMES.length - 1]}`
  throw new UsageError(lang === 'fr' ? `--format doit valoir ${names('ou')}, pas « ${value} ».` : `--format must be ${names('or')}, not "${value}".`)
}

/** changes and evidence have their own formats: stylish, markdown, json. */
function parseChangesFormat(value: string | undefined, command: string, lang: Lang): string {
  if (value === undefined || (CHANGES_FORMATS as readonly string[]).includes(value)) return value ?? 'stylish'
  throw new UsageError(lang === 'fr' ? `--format doit valoir stylish, markdown ou json pour ${command}, pas « ${value} ».` : `--format must be stylish, markdown or json for ${command}, not "${value}".`)
}

/**
 * Colours: --color/--no-color win; then FORCE_COLOR (0 or false: off), then
 * NO_COLOR (any non-empty value: off), then TERM=dumb (off); otherwise only
 * on a terminal. https://force-color.org, https://no-color.org
 */
export function useColor(flag: boolean | undefined, env: Record<string, string | undefined>, isTTY: boolean): boolean {
  if (flag !== undefined) return flag
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  if (env.NO_COLOR) return false
  if (env.TERM === 'dumb') return false
  return isTTY
}

async function version(): Promise<string> {
  const pkg = JSON.parse(await fsp.readFile(path.join(TOOL_ROOT, 'package.json'), 'utf8')) as { version: string }
  return pkg.version
}

function parsePr(value: string, lang: Lang): number {
  if (!/^[1-9]\d{0,9}$/.test(value)) throw new UsageError(lang === 'fr' ? `--pr attend un numéro de pull request, pas « ${value} ».` : `--pr needs a pull request number, not "${value}".`)
  return Number(value)
}

/** --root names a folder that exists. */
async function checkRoot(root: string, lang: Lang): Promise<void> {
  const stat = await fsp.stat(root).catch((err: NodeJS.ErrnoException) => err.code ?? 'EIO')
  if (typeof stat === 'string') throw new UsageError(lang === 'fr' ? `--root : le dossier ${root} ${stat === 'ENOENT' ? "n’existe pas" : `ne peut pas être lu (${stat})`}.` : `--root: the folder ${root} ${stat === 'ENOENT' ? 'does not exist' : `cannot be read (${stat})`}.`)
  if (!stat.isDirectory()) throw new UsageError(lang === 'fr' ? `--root : ${root} n’est pas un dossier.` : `--root: ${root} is not a folder.`)
}

async function writeOutputFile(file: string, text: string, lang: Lang): Promise<void> {
  try {
    await fsp.mkdir(path.dirname(file), { recursive: true })
    await fsp.writeFile(file, text)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new ConfigError(lang === 'fr' ? `--output-file : impossible d’écrire ${file} (${code}).` : `--output-file: cannot write ${file} (${code}).`)
  }
}
