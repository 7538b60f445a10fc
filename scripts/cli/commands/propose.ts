/**
 * `registry propose <file> --repo OWNER/NAME [--base BRANCH]`: checks the
 * fiche locally (an invalid one is refused with the usual diagnostics, before
 * any call to GitHub), then opens a pull request with it through the GitHub
 * API: no local git needed.
 */
import path from 'node:path'
import { checkProposal, collectionOf, propose } from '../../registry/fiche.ts'
import { format } from '../../registry/format.ts'
import { UsageError } from '../io.ts'
import type { Options } from '../options.ts'

export async function proposeCommand(options: Options): Promise<number> {
  const { io, lang, root, config } = options
  const fr = lang === 'fr'
  const file = path.relative(root, path.resolve(io.cwd, options.args[0] ?? '')).split(path.sep).join('/')
  const collection = collectionOf(file, config)
  if (!collection || !file.endsWith('.md')) {
    const folders = Object.values(config.collections).join('/, ')
    throw new UsageError(fr ? `${options.args[0]} n’est pas une fiche du registre : donnez un fichier .md d’un dossier de fiches (${folders}/).` : `${options.args[0]} is not a fiche of the registry: give a .md file of a fiche folder (${folders}/).`)
  }
  if (options.repo === undefined) throw new UsageError(fr ? 'propose demande --repo PROPRIETAIRE/NOM.' : 'propose needs --repo OWNER/NAME.')
  const { createGitHub, parseRepo } = await import('../../registry/github.ts')
  const target = parseRepo(options.repo)
  if (!target) throw new UsageError(fr ? `--repo attend PROPRIETAIRE/NOM, pas « ${options.repo} ».` : `--repo needs OWNER/NAME, not "${options.repo}".`)

  // The same checks as `validate`, on this fiche (and what it refers to), and the standards it should complete.
  const check = await checkProposal({ root, config, lang, file, asOf: options.asOf })
  if (check.diagnostics.length > 0) io.stderr(format('stylish', check.diagnostics, { summary: check.summary, lang, texts: check.texts, color: options.color }))
  if (check.summary.errors > 0) {
    io.stderr(fr ? 'La fiche a des erreurs : corrigez-les, puis relancez propose. Rien n’a été envoyé à GitHub.\n' : 'The fiche has errors: fix them, then run propose again. Nothing was sent to GitHub.\n')
    return 1
  }
  const token = io.env.GITHUB_TOKEN
  if (!token) throw new UsageError(fr ? 'propose demande un jeton GitHub dans la variable GITHUB_TOKEN (droits contents et pull-requests en écriture).' : 'propose needs a GitHub token in GITHUB_TOKEN (contents and pull-requests write).')

  const github = createGitHub({ token, baseUrl: io.env.GITHUB_API_URL || undefined })
  const result = await propose(github, { root, config, lang, file, collection, ...target, base: options.base, check })
  const n = check.standards.length
  if (n > 0) io.stderr(fr ? `Standards à compléter : ${n} avertissement${n > 1 ? 's' : ''}, listé${n > 1 ? 's' : ''} dans la pull request.\n` : `Standards to complete: ${n} warning${n === 1 ? '' : 's'}, listed in the pull request.\n`)
  io.stderr(
    fr
      ? `${result.createdPullRequest ? 'Pull request ouverte' : 'Pull request déjà ouverte, mise à jour'} vers « ${result.base} » :\n`
      : `${result.createdPullRequest ? 'Pull request opened' : 'Pull request already open, updated'} to "${result.base}":\n`,
  )
  io.stdout(`${result.url}\n`)
  return 0
}
