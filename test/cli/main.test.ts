/**
 * The CLI in-process: arguments, languages, formats, exit codes, configuration
 * errors, and what `build` writes (or does not write).
 */
import { MARKER } from '../../scripts/compile/write-output.ts'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BAD, cleanTemps, copyRegistry, GOOD, hasStackTrace, parseReport, REPO, run, snapshotTree, tempDir, writeFiles } from './run.ts'

afterAll(cleanTemps)

const SEE_HELP_FR = 'Voir « registry --help ».\n'
const SEE_HELP_EN = 'See "registry --help".\n'
// Temporary folders are outside git: build says once that the history fields are absent.
const NO_REPOSITORY_FR = 'Le registre n’est pas dans un dépôt git : created_at, updated_at et last_commit sont absents du flux, et l’historique (changes, trends) n’est pas produit.\n  → Compilez depuis un clone git du registre (git clone) pour avoir les dates. (history/no-repository)\n'
const NO_REPOSITORY_EN = 'The registry is not in a git repository: created_at, updated_at and last_commit are left out of the feed, and no history (changes, trends) is produced.\n  → Build from a git clone of the registry (git clone) to get the dates. (history/no-repository)\n'

describe('usage errors', () => {
  it.each([
    ['no command', [], 'Aucune commande donnée.'],
    ['an unknown command', ['valider'], 'Commande inconnue : valider.'],
    ['an unknown option', ['validate', '--frobnicate'], 'Option inconnue : --frobnicate.'],
    ['an unknown short option', ['validate', '-x'], 'Option inconnue : -x.'],
    ['an option without its value', ['validate', '--root'], "L’option --root attend une valeur."],
    ['a value given to a flag', ['validate', '--strict=oui'], "L’option --strict ne prend pas de valeur."],
    ['a bad --format', ['validate', '--format', 'xml'], '--format doit valoir stylish, json, github, markdown ou sarif, pas « xml ».'],
    ['a bad --format written with =', ['validate', '--format=xml'], '--format doit valoir stylish, json, github, markdown ou sarif, pas « xml ».'],
    ['a bad --lang', ['validate', '--lang', 'de'], '--lang doit valoir fr ou en, pas « de ».'],
    ['an extra argument', ['validate', 'startups'], 'Argument inattendu : startups.'],
  ])('%s → exit 2 with a French message', async (_, argv, message) => {
    const r = await run(argv)
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${message}\n${SEE_HELP_FR}` })
  })

  it.each([
    ['an unknown option', ['validate', '--lang', 'en', '--frobnicate'], 'Unknown option: --frobnicate.'],
    ['an unknown option, --lang=en', ['--lang=en', 'validate', '--frobnicate'], 'Unknown option: --frobnicate.'],
    ['an option without its value', ['validate', '--lang', 'en', '--root'], 'The option --root needs a value.'],
    ['a bad --format', ['validate', '--lang', 'en', '--format', 'xml'], '--format must be stylish, json, github, markdown or sarif, not "xml".'],
    ['an unknown command', ['--lang', 'en', 'valider'], 'Unknown command: valider.'],
  ])('%s → exit 2, in English with --lang en', async (_, argv, message) => {
    const r = await run(argv)
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${message}\n${SEE_HELP_EN}` })
  })
})

describe('--help', () => {
  it('prints the French help on stdout and exits 0', async () => {
    const r = await run(['--help'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout.split('\n')[0]).toBe('Utilisation : registry <commande> [options]')
    expect(r.stdout).toContain('Codes de sortie : 0 = aucune erreur ; 1 = des erreurs dans les fiches ; 2 = mauvaise utilisation ou configuration.')
  })

  it('wins over the command, and -h --lang en prints the English help', async () => {
    expect((await run(['validate', '--help'])).code).toBe(0)
    const r = await run(['-h', '--lang', 'en'])
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toBe('Usage: registry <command> [options]')
  })
})

describe('languages and formats', () => {
  const root = path.join(BAD, 'unknown-incubator')

  it('--lang en gives the messages, hints and summary in English', async () => {
    const json = await run(['validate', '--root', root, '--format', 'json', '--lang', 'en'])
    expect(json.code).toBe(1)
    const [d] = parseReport(json.stdout).diagnostics
    expect(d?.message).toBe('The incubator "dinun" does not exist. Did you mean "dinum"?')
    expect(d?.hint).toBe("Replace \"dinun\" with \"dinum\". Use the name of a file in incubators/ without .md, or add the incubator's fiche in the same pull request.")
    const stylish = await run(['validate', '--root', root, '--lang', 'en'])
    expect(stylish.stdout).toContain('  4:12  error  The incubator "dinun" does not exist.')
    expect(stylish.stdout.endsWith('✖ 1 error, 0 warnings in 4 files\n')).toBe(true)
  })

  it('French is the default', async () => {
    const r = await run(['validate', '--root', root])
    expect(r.stdout).toContain("  4:12  erreur  L’incubateur « dinun » n’existe pas. Vouliez-vous dire « dinum » ?  ref/unknown-incubator")
    expect(r.stdout.endsWith('✖ 1 erreur, 0 avertissement dans 4 fichiers\n')).toBe(true)
  })

  it('GITHUB_ACTIONS=true selects the github format; --format still wins', async () => {
    const gh = await run(['validate', '--root', root], { env: { GITHUB_ACTIONS: 'true' } })
    expect(gh.code).toBe(1)
    expect(gh.stdout.split('\n')[0]).toMatch(/^::error file=startups\/unknown-incubator\.md,line=4,endLine=4,col=12,endColumn=17,title=ref\/unknown-incubator::L’incubateur « dinun » n’existe pas\./)
    const forced = await run(['validate', '--root', root, '--format', 'json'], { env: { GITHUB_ACTIONS: 'true' } })
    expect(parseReport(forced.stdout).summary).toEqual({ files: 4, errors: 1, warnings: 0 })
    const other = await run(['validate', '--root', root], { env: { GITHUB_ACTIONS: 'false' } })
    expect(other.stdout.startsWith('startups/unknown-incubator.md\n')).toBe(true)
  })

  it('colours only on a terminal, and never with NO_COLOR', async () => {
    const esc = '\u001b['
    expect((await run(['validate', '--root', root])).stdout).not.toContain(esc)
    expect((await run(['validate', '--root', root], { isTTY: true })).stdout).toContain(`${esc}31m`)
    expect((await run(['validate', '--root', root], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(esc)
  })
})

describe('--strict', () => {
  it('makes warnings fail validate and build, which then writes nothing', async () => {
    const root = copyRegistry()
    writeFiles(root, { 'startups/.brouillon.md': 'un brouillon\n' })
    const lax = await run(['validate', '--root', root, '--format', 'json'])
    expect(lax.code).toBe(0)
    expect(parseReport(lax.stdout).diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['file/ignored', 'warning']])
    expect((await run(['validate', '--root', root, '--strict'])).code).toBe(1)
    const build = await run(['build', '--root', root, '--strict'])
    expect(build.code).toBe(1)
    expect(build.stderr).toBe('Compilation annulée : corrigez les erreurs ci-dessus. Rien n’a été écrit.\n')
    expect(fs.existsSync(path.join(root, 'dist'))).toBe(false)
  })
})

describe('configuration errors → exit 2 without a stack trace', () => {
  it('a missing collection folder', async () => {
    const root = copyRegistry()
    fs.rmSync(path.join(root, 'incubators'), { recursive: true })
    const r = await run(['validate', '--root', root])
    expect(r).toEqual({ code: 2, stdout: '', stderr: `Le dossier « incubators » de la collection incubators est introuvable dans ${root}.\n` })
  })

  it('a root that does not exist', async () => {
    const root = path.join(tempDir(), 'absent')
    const r = await run(['build', '--root', root])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(`--root : le dossier ${root} n’existe pas.\n${SEE_HELP_FR}`)
    expect(fs.existsSync(root)).toBe(false)
  })

  it.each([
    ['invalid JSON', '{"collections": ', "n’est pas du JSON valide"],
    ['an unknown key', '{"colections": {}}', ' : clé inconnue « colections » (clés permises : $schema, collections, siteUrl, repositoryUrl, repositoryBranch, limits, rules, renamedValues).'],
    ['a folder outside the registry', '{"collections": {"startups": "../ailleurs"}}', ' : le dossier de « startups » doit être un chemin relatif à l’intérieur du registre.'],
    ['a bad limit', '{"limits": {"maxFileBytes": 0}}', ' : « limits.maxFileBytes » doit être un entier positif.'],
  ])('a registry.config.json with %s', async (_, text, message) => {
    const root = copyRegistry()
    writeFiles(root, { 'registry.config.json': text })
    const r = await run(['validate', '--root', root])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.startsWith(path.join(root, 'registry.config.json'))).toBe(true)
    expect(r.stderr).toContain(message)
    expect(r.stderr.split('\n')).toHaveLength(2)
    expect(hasStackTrace(r)).toBe(false)
  })

  it('a --config file that does not exist', async () => {
    const r = await run(['validate', '--root', GOOD, '--config', 'absent.json'], { cwd: GOOD })
    expect(r).toEqual({ code: 2, stdout: '', stderr: `Le fichier de configuration ${path.join(GOOD, 'absent.json')} ne peut pas être lu (ENOENT).\n` })
  })
})

describe('collections in other folders', () => {
  const fiches = (root: string, prefix: string) => {
    for (const c of ['startups', 'organisations', 'incubators']) {
      fs.mkdirSync(path.join(root, prefix, `_${c}`), { recursive: true })
      fs.cpSync(path.join(GOOD, c), path.join(root, prefix, `_${c}`), { recursive: true })
    }
  }

  it('--config (relative to the current folder) maps the collections to content/_startups…', async () => {
    const root = tempDir()
    fiches(root, 'content')
    writeFiles(root, { 'content/_startups/unknown-key.md': fs.readFileSync(path.join(BAD, 'unknown-key/startups/unknown-key.md')) })
    const r = await run(['validate', '--root', root, '--config', 'config/beta.gouv.fr.config.json', '--format', 'json'], { cwd: REPO })
    expect(r.code).toBe(1)
    const report = parseReport(r.stdout)
    expect(report.diagnostics.map((d) => [d.file, d.ruleId, d.line, d.column])).toEqual([['content/_startups/unknown-key.md', 'schema/unknown-key', 6, 1]])
    expect(report.summary).toEqual({ files: 4, errors: 1, warnings: 0 })
    // Without the configuration, the default folders are missing.
    expect((await run(['validate', '--root', root])).code).toBe(2)
  })

  it('<root>/registry.config.json is read by default, and the hint names the configured folder', async () => {
    const root = tempDir()
    fiches(root, 'fiches')
    writeFiles(root, {
      'registry.config.json': JSON.stringify({ collections: { startups: 'fiches/_startups', organisations: 'fiches/_organisations', incubators: 'fiches/_incubators/' } }),
      'fiches/_startups/unknown-incubator.md': fs.readFileSync(path.join(BAD, 'unknown-incubator/startups/unknown-incubator.md')),
    })
    const r = await run(['validate', '--root', root, '--format', 'json'])
    expect(r.code).toBe(1)
    const [d, ...rest] = parseReport(r.stdout).diagnostics
    expect(rest).toEqual([])
    expect([d?.file, d?.ruleId, d?.line, d?.column]).toEqual(['fiches/_startups/unknown-incubator.md', 'ref/unknown-incubator', 4, 12])
    expect(d?.hint).toBe("Remplacez « dinun » par « dinum ». Utilisez le nom d’un fichier de fiches/_incubators/ sans .md, ou ajoutez la fiche de l’incubateur dans la même pull request.")
    const build = await run(['build', '--root', root])
    expect(build.code).toBe(1)
    fs.rmSync(path.join(root, 'fiches/_startups/unknown-incubator.md'))
    expect((await run(['build', '--root', root])).code).toBe(0)
    const feed = JSON.parse(fs.readFileSync(path.join(root, 'dist/api/v1/startups.json'), 'utf8'))
    expect(feed.startups.map((s: { id: string; file: string }) => [s.id, s.file])).toEqual([['exemple', 'fiches/_startups/exemple.md']])
  })
})

describe('the registry root, found from the current folder up (as git does)', () => {
  const unknownKey = () => {
    const root = copyRegistry(path.join(BAD, 'unknown-key'))
    fs.mkdirSync(path.join(root, 'docs/guide'), { recursive: true })
    return root
  }
  const located = (r: { stdout: string }) => parseReport(r.stdout).diagnostics.map((d) => [d.file, d.ruleId, d.line])

  it.each([
    ['the root itself', ''],
    ['a collection folder', 'startups'],
    ['a folder two levels below it', 'docs/guide'],
  ])('from %s, validate reports the same as from the root', async (_, below) => {
    const root = unknownKey()
    const r = await run(['validate', '--format', 'json'], { cwd: path.join(root, below) })
    expect(r.code).toBe(1)
    expect(located(r)).toEqual([['startups/unknown-key.md', 'schema/unknown-key', 6]])
  })

  it('the nearest folder with registry.config.json wins, even with no collection folder yet', async () => {
    const root = tempDir()
    {
      for (const c of ['startups', 'organisations', 'incubators']) fs.cpSync(path.join(GOOD, c), path.join(root, 'contenu', c), { recursive: true })
    }
    writeFiles(root, { 'registry.config.json': JSON.stringify({ collections: { startups: 'contenu/startups', organisations: 'contenu/organisations', incubators: 'contenu/incubators' } }) })
    const r = await run(['validate', '--format', 'json'], { cwd: path.join(root, 'contenu', 'startups') })
    expect(r.code).toBe(0)
    expect(parseReport(r.stdout).summary.files).toBe(3)
  })

  it('--root still wins; with no marker up to /, the current folder is the root (and its missing folder is named)', async () => {
    const root = unknownKey()
    expect((await run(['validate', '--root', path.join(root, 'startups')], { cwd: root })).code).toBe(2)
    const empty = tempDir()
    const r = await run(['validate'], { cwd: empty })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`Le dossier « startups » de la collection startups est introuvable dans ${empty}.`)
    expect(hasStackTrace(r)).toBe(false)
  })
})

describe('build', () => {
  const withBadFiche = () => {
    const root = copyRegistry()
    fs.copyFileSync(path.join(BAD, 'impossible-date/startups/impossible-date.md'), path.join(root, 'startups/impossible-date.md'))
    return root
  }

  it('with an error exits 1 and creates no output folder', async () => {
    const root = withBadFiche()
    const r = await run(['build', '--root', root])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('  8:12  erreur  La date « 2023-02-30 » n’existe pas dans le calendrier.  schema/format')
    expect(r.stderr).toBe('Compilation annulée : corrigez les erreurs ci-dessus. Rien n’a été écrit.\n')
    expect(fs.readdirSync(root).sort()).toEqual(['incubators', 'organisations', 'startups'])
  })

  it('with an error leaves a previous output folder byte-for-byte unchanged', async () => {
    const root = withBadFiche()
    const out = path.join(tempDir(), 'public')
    writeFiles(out, { 'api/v1/startups.json': '{"count": 42}\n', 'api/v1/startups/ancienne.json': '{}\n', 'LISEZMOI.txt': Buffer.from([0xff, 0x00, 0x0a]) })
    const before = snapshotTree(path.dirname(out))
    const r = await run(['build', '--root', root, '--out', out, '--format', 'json'])
    expect(r.code).toBe(1)
    expect(parseReport(r.stdout).summary).toEqual({ files: 4, errors: 1, warnings: 0 })
    expect(snapshotTree(path.dirname(out))).toEqual(before)
  })

  it('success writes dist/api/v1/startups.json under the root by default', async () => {
    const root = copyRegistry()
    const r = await run(['build', '--root', root], { cwd: root })
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('')
    // The count is that of the files really written (the feed may grow new files).
    // The marker that makes dist/ a build's output (and replaceable) is not counted.
    expect(fs.existsSync(path.join(root, 'dist', MARKER))).toBe(true)
    const written = Object.keys(snapshotTree(path.join(root, 'dist'))).filter((f) => !f.endsWith('/') && f !== MARKER).length
    expect(written).toBeGreaterThanOrEqual(10)
    expect(r.stderr).toBe(`${NO_REPOSITORY_FR}${written} fichiers écrits dans dist/.\n`)
    const feed = JSON.parse(fs.readFileSync(path.join(root, 'dist/api/v1/startups.json'), 'utf8'))
    expect(feed.count).toBe(1)
    expect(feed.startups.map((s: { id: string; current_phase: string }) => [s.id, s.current_phase])).toEqual([['exemple', 'construction']])
    expect(fs.existsSync(path.join(root, 'dist/api/v1/startups/exemple.json'))).toBe(true)
    // Only dist/ was added.
    expect(fs.readdirSync(root).sort()).toEqual(['dist', 'incubators', 'organisations', 'startups'])
  })

  it('success replaces a previous output; a relative --out is resolved from the current folder', async () => {
    const root = copyRegistry()
    const cwd = tempDir()
    // A previous build's output: it holds the marker.
    writeFiles(cwd, { 'site/api/v1/startups/disparue.json': '{}\n', [`site/${MARKER}`]: '' })
    const r = await run(['build', '--root', root, '--out', 'site', '--lang', 'en'], { cwd })
    const written = Object.keys(snapshotTree(path.join(cwd, 'site'))).filter((f) => !f.endsWith('/') && f !== MARKER).length
    expect(r).toEqual({ code: 0, stdout: '', stderr: `${NO_REPOSITORY_EN}${written} files written to site/.\n` })
    expect(fs.readdirSync(path.join(cwd, 'site/api/v1/startups'))).toEqual(['exemple.json'])
    expect(fs.existsSync(path.join(root, 'dist'))).toBe(false)
  })

  it.each([
    ['the registry itself', (root: string) => root],
    ['a folder that holds the registry', (root: string) => path.dirname(root)],
    ['a collection folder', (root: string) => path.join(root, 'startups')],
  ])('refuses an --out that is %s (build would delete the fiches)', async (_, out) => {
    const root = path.join(tempDir(), 'registre')
    fs.cpSync(GOOD, root, { recursive: true })
    const before = snapshotTree(path.dirname(root))
    const r = await run(['build', '--root', root, '--out', out(root)])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(`Le dossier de sortie ${out(root)} contient le registre ou ses fiches : build le remplacerait entièrement. Choisissez un dossier dédié, par exemple --out dist.\n${SEE_HELP_FR}`)
    expect(snapshotTree(path.dirname(root))).toEqual(before)
  })

  it('accepts an --out next to the fiches, and validate ignores --out', async () => {
    const root = copyRegistry()
    expect((await run(['validate', '--root', root, '--out', root])).code).toBe(0)
    expect((await run(['build', '--root', root, '--out', path.join(root, 'startups-public')])).code).toBe(0)
    expect(fs.existsSync(path.join(root, 'startups-public/api/v1/index.json'))).toBe(true)
  })
})
