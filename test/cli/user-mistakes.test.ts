/**
 * No stack trace for a user's mistake: every command, run with missing files, values of the
 * wrong type, unreadable paths, no network (connection refused: « Pas de réseau », said once),
 * impossible dates and reversed periods, answers with a French message and exit code 2, never
 * « Erreur interne ». (DNS failures are tested below the command line, where the resolver can
 * be made to fail without the network: test/github/client.test.ts, test/lint/online/check.test.ts.)
 */
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanRepos, Repo } from '../history/git-repo.ts'
import { GOOD, hasStackTrace, run } from './run.ts'

let root = ''
/** An address where nothing listens: a port opened, then closed. */
let closed = ''

beforeAll(async () => {
  const repo = Repo.init()
  root = repo.root
  fs.cpSync(GOOD, root, { recursive: true })
  repo.commit('2025-01-01T12:00:00+00:00', {})
  const fiche = fs.readFileSync(path.join(root, FILE), 'utf8')
  for (const [i, date] of ['2025-01-15', '2025-02-15', '2025-03-15'].entries()) {
    // Two online targets on two hosts (the link, the GitHub API for the repository).
    repo.commit(`${date}T12:00:00+00:00`, { [FILE]: fiche.replace('\nphases:', `\nlink: https://127.0.0.1:${40000 + i}/\nphases:`) })
  }
  fs.mkdirSync(path.join(root, 'un-dossier'))
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closed = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`
  await new Promise((resolve) => server.close(resolve))
})

afterAll(cleanRepos)

type Case = [name: string, argv: string[], message: string, env?: () => Record<string, string>, setup?: () => () => void]

const offline = () => ({ GITHUB_TOKEN: 'ghp_test', GITHUB_API_URL: closed })
const FILE = 'startups/exemple.md'

const CASES: Case[] = [
  // Missing files and folders.
  ['validate: --root that does not exist', ['validate', '--root', 'absent'], '--root : le dossier'],
  ['validate: --root that is a file', ['validate', '--root', FILE], "n’est pas un dossier"],
  ['validate: --config that does not exist', ['validate', '--config', 'absent.json'], 'ne peut pas être lu (ENOENT)'],
  ['docs: --root that does not exist', ['docs', '--root', 'absent'], '--root : le dossier'],
  ['propose: a mistyped file name', ['propose', 'startups/exempel.md', '--repo', 'betagouv/registre'], "Le fichier startups/exempel.md n’existe pas. Vouliez-vous dire startups/exemple.md ?"],
  ['propose: a file outside the fiche folders', ['propose', 'README.md', '--repo', 'betagouv/registre'], "n’est pas une fiche du registre"],
  ['report --pr: --data that does not exist, and no token', ['report', '--pr', '1', '--repo', 'a/b', '--data', 'absent.json'], 'GITHUB_TOKEN'],
  // Unreadable paths.
  ['validate: --config that is a folder', ['validate', '--config', 'un-dossier'], "n’est pas un fichier ordinaire"],
  ['validate: --output-file that is a folder', ['validate', '--output-file', 'un-dossier'], "--output-file : impossible d’écrire"],
  ['lint: --suppressions that is a folder', ['lint', '--suppressions', 'un-dossier'], 'ne peut pas être lu (EISDIR)'],
  ['build: --out that is a file', ['build', '--out', FILE], "existe et n’est pas un dossier"],
  ['propose: a folder named like a fiche', ['propose', 'startups/dossier.md', '--repo', 'betagouv/registre'], 'est un dossier', undefined, () => {
    const dir = path.join(root, 'startups/dossier.md')
    fs.mkdirSync(dir)
    return () => fs.rmdirSync(dir)
  }],
  ['new: a fiche that exists', ['new', 'startup', 'exemple', '--title', 'Exemple', '--incubator', 'dinum'], 'existe déjà'],
  // Values of the wrong type.
  ['validate: --max-warnings that is not a number', ['validate', '--max-warnings', 'dix'], '--max-warnings attend un nombre entier'],
  ['validate: --format unknown', ['validate', '--format', 'xml'], '--format doit valoir'],
  ['report: --pr that is not a number', ['report', '--pr', 'sept', '--repo', 'a/b'], '--pr attend un numéro de pull request'],
  ['report: --repo not OWNER/NAME', ['report', '--pr', '7', '--repo', 'registre'], '--repo'],
  ['propose: --repo not OWNER/NAME', ['propose', FILE, '--repo', 'registre'], '--repo attend PROPRIETAIRE/NOM'],
  ['new: an unknown kind', ['new', 'planete', 'terre'], 'Type de fiche inconnu'],
  ['new: an id with spaces and capitals', ['new', 'startup', 'Mon Produit', '--title', 'Mon produit', '--incubator', 'dinum'], 'Identifiant refusé'],
  ['changes: --format for diagnostics only', ['changes', '--since', '2025-01-01', '--format', 'sarif'], '--format doit valoir stylish, markdown ou json pour changes'],
  // Git revisions that do not exist.
  ['validate --changed: an unknown --base', ['validate', '--changed', '--base', 'nulle-part'], '--base : la révision « nulle-part » est introuvable'],
  ['report: an unknown --base', ['report', '--base', 'nulle-part'], '--base : la révision « nulle-part » est introuvable'],
  ['changes: an unknown --since', ['changes', '--since', 'nulle-part'], "n’est ni une date AAAA-MM-JJ ni une révision connue du dépôt"],
  // Dates that do not exist, periods backwards.
  ['validate: --as-of 30 February', ['validate', '--as-of', '2024-02-30'], '--as-of attend une date AAAA-MM-JJ qui existe'],
  ['lint: --as-of month 13', ['lint', '--as-of', '2024-13-01'], '--as-of attend une date AAAA-MM-JJ qui existe'],
  ['build: --as-of not a date', ['build', '--as-of', 'hier'], '--as-of attend une date AAAA-MM-JJ qui existe'],
  ['changes: --since 30 February', ['changes', '--since', '2024-02-30'], '--since : la date « 2024-02-30 » n’existe pas dans le calendrier.'],
  ['changes: --until 31 April', ['changes', '--since', '2025-01-01', '--until', '2025-04-31'], '--until : la date « 2025-04-31 » n’existe pas dans le calendrier.'],
  ['changes: two dates backwards', ['changes', '--since', '2025-03-01', '--until', '2025-01-01'], "--since (« 2025-03-01 ») est après --until (« 2025-01-01 ») : la période est à l’envers."],
  ['changes: two commits backwards', ['changes', '--since', 'HEAD', '--until', 'HEAD~2'], "--since (« HEAD ») est après --until (« HEAD~2 ») : la période est à l’envers."],
  ['changes: a date after a commit', ['changes', '--since', '2025-03-01', '--until', 'HEAD~2'], "la période est à l’envers"],
  ['changes: a commit after a date', ['changes', '--since', 'HEAD', '--until', '2025-01-31'], "la période est à l’envers"],
  // No network: said once.
  ['propose: no network (connection refused)', ['propose', FILE, '--repo', 'betagouv/registre'], 'Pas de réseau : GitHub ne répond pas (connexion refusée, ECONNREFUSED) pendant : ', offline],
  ['report --pr: no network (connection refused)', ['report', '--pr', '7', '--repo', 'betagouv/registre'], 'Pas de réseau : GitHub ne répond pas (connexion refusée, ECONNREFUSED) pendant : ', offline],
  ['lint --online: no network (connection refused)', ['lint', '--online', '--as-of', '2025-06-01'], 'Pas de réseau : aucun des 2 serveurs contactés n’a répondu (connexion refusée, ECONNREFUSED).', () => ({ ...offline(), REGISTRY_ONLINE_ALLOW_PRIVATE_ADDRESSES: '1' })],
  // The scheduled evidence run: nothing is written without the network (the previous evidence would lose every target).
  ['evidence: no network (connection refused), nothing written', ['evidence', '--out', 'preuves/evidence.json', '--as-of', '2025-06-01'], 'Pas de réseau : aucun des 2 serveurs contactés n’a répondu (connexion refusée, ECONNREFUSED). Aucune preuve n’a été écrite', () => ({ ...offline(), REGISTRY_ONLINE_ALLOW_PRIVATE_ADDRESSES: '1' }), () => () => expect(fs.existsSync(path.join(root, 'preuves'))).toBe(false)],
  ['evidence: --previous that is not evidence', ['evidence', '--out', 'preuves/evidence.json', '--previous', FILE], 'n’est pas utilisable'],
  ['evidence: --publish without --repo', ['evidence', '--publish', 'preuves/evidence.json'], '--publish, --notify et --fetch demandent --repo PROPRIETAIRE/NOM'],
  ['build: --evidence that does not exist', ['build', '--evidence', 'absent.json', '--out', 'dist-preuves'], 'Le fichier de preuves'],
]

describe('a user mistake gets a French message and exit 2, never a stack trace', () => {
  it('covers every command', () => {
    const commands = new Set(CASES.map(([, argv]) => argv[0]))
    expect([...commands].sort()).toEqual(['build', 'changes', 'docs', 'evidence', 'lint', 'new', 'propose', 'report', 'validate'])
  })

  it.each(CASES)('%s', async (_, argv, message, env, setup) => {
    const cleanup = setup?.()
    const r = await run(argv, { cwd: root, env: env?.() ?? {} }).finally(cleanup)
    expect(r.stderr).toContain(message)
    expect(r.code).toBe(2)
    expect(r.stderr).not.toMatch(/Erreur interne|Internal error/)
    expect(hasStackTrace(r)).toBe(false)
    // Said once, in French.
    expect(r.stderr.split(message).length - 1).toBe(1)
    expect(r.stderr).not.toMatch(/\b(does not|cannot|not found|missing|invalid)\b/i)
  })
})
