/**
 * `registry propose <file> --repo OWNER/NAME [--base BRANCH]`: checks the
 * fiche locally (an invalid one is refused with the usual diagnostics, before
 * any call to GitHub), then opens a pull request with it through the GitHub
 * API: no local git needed.
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import type { Diagnostic, Lang } from '../../report/diagnostic.ts'
import { FORMATTERS } from '../../report/formatters/index.ts'
import { diagnosticTable, groupOf } from '../../report/diagnostic-table.ts'
import { inertCode, inertMarkdown } from '../../report/inert-markdown.ts'
import { headDate } from '../../git/head-date.ts'
import { lintRecords } from '../../lint/lint-registry.ts'
import { changedScope, collectionOf } from '../../validate/changed-scope.ts'
import { UsageError } from '../io.ts'
import type { Options } from '../main.ts'
import { runValidation } from '../run-validation.ts'

export async function proposeCommand(options: Options): Promise<number> {
  const { io, lang } = options
  const fr = lang === 'fr'
  const abs = path.resolve(io.cwd, options.args[0] ?? '')
  const file = path.relative(options.root, abs).split(path.sep).join('/')
  const collection = collectionOf(file, options.config)
  if (!collection || !file.endsWith('.md')) {
    throw new UsageError(
      fr
        ? `${options.args[0]} n'est pas une fiche du registre : donnez un fichier .md d'un dossier de fiches (${Object.values(options.config.collections).join('/, ')}/).`
        : `${options.args[0]} is not a fiche of the registry: give a .md file of a fiche folder (${Object.values(options.config.collections).join('/, ')}/).`,
    )
  }
  if (options.repo === undefined) throw new UsageError(fr ? 'propose demande --repo PROPRIETAIRE/NOM.' : 'propose needs --repo OWNER/NAME.')
  const { createGitHub, parseRepo } = await import('../../github/client.ts')
  const target = parseRepo(options.repo)
  if (!target) throw new UsageError(fr ? `--repo attend PROPRIETAIRE/NOM, pas « ${options.repo} ».` : `--repo needs OWNER/NAME, not "${options.repo}".`)

  // The same checks as `validate`, on this fiche (and what it refers to).
  const { filter } = changedScope([file], options.config)
  const { diagnostics, texts, records } = await runValidation(options.root, options.config, lang, filter)
  const own = diagnostics.filter((d) => d.file === file)
  // The standards to complete: the lint of this fiche (as of HEAD's date when there is a git history; no local git needed).
  const asOf = options.asOf ?? (await headDate(options.root)) ?? undefined
  const standards = own.some((d) => d.severity === 'error') ? [] : lintRecords(records, options.config, lang, asOf, undefined, new Set([file])).diagnostics
  const errors = own.filter((d) => d.severity === 'error').length
  const warnings = own.length - errors
  if (own.length > 0) io.stderr(FORMATTERS.stylish(own, { summary: { files: 1, errors, warnings }, lang, texts, color: options.color }))
  if (errors > 0) {
    io.stderr(fr ? 'La fiche a des erreurs : corrigez-les, puis relancez propose. Rien n’a été envoyé à GitHub.\n' : 'The fiche has errors: fix them, then run propose again. Nothing was sent to GitHub.\n')
    return 1
  }
  const token = io.env.GITHUB_TOKEN
  if (!token) throw new UsageError(fr ? 'propose demande un jeton GitHub dans la variable GITHUB_TOKEN (droits contents et pull-requests en écriture).' : 'propose needs a GitHub token in GITHUB_TOKEN (contents and pull-requests write).')

  const { proposeFiche } = await import('../../github/propose.ts')
  const content = await fsp.readFile(abs, 'utf8')
  const id = path.basename(file, '.md')
  const github = createGitHub({ token, baseUrl: io.env.GITHUB_API_URL || undefined })
  const result = await proposeFiche(
    github,
    {
      ...target,
      base: options.base,
      branch: `fiche/${collection}/${id}`,
      path: file,
      content,
      commitMessage: fr ? `Fiche ${id} (${collection})` : `Fiche ${id} (${collection})`,
      title: fr ? `Fiche ${id}` : `Fiche ${id}`,
      body: proposalBody(file, own, lang, standards),
    },
    lang,
  )
  if (standards.length > 0) io.stderr(fr ? `Standards à compléter : ${standards.length} avertissement${standards.length > 1 ? 's' : ''}, listés dans la pull request.\n` : `Standards to complete: ${standards.length} warning${standards.length === 1 ? '' : 's'}, listed in the pull request.\n`)
  io.stderr(
    fr
      ? `${result.createdPullRequest ? 'Pull request ouverte' : 'Pull request déjà ouverte, mise à jour'} vers « ${result.base} » :\n`
      : `${result.createdPullRequest ? 'Pull request opened' : 'Pull request already open, updated'} to "${result.base}":\n`,
  )
  io.stdout(`${result.url}\n`)
  return 0
}

/** The pull request's description: what the fiche is, the warnings the check found, the standards to complete (the lint's warnings). */
export function proposalBody(file: string, diagnostics: readonly Diagnostic[], lang: Lang, standards: readonly Diagnostic[] = []): string {
  const fr = lang === 'fr'
  const lines = [fr ? `Proposition de la fiche ${inertCode(file)}, envoyée avec \`registry propose\`.` : `Proposal of the fiche ${inertCode(file)}, sent with \`registry propose\`.`, '']
  if (diagnostics.length === 0) {
    lines.push(fr ? 'La vérification locale ne trouve aucun problème.' : 'The local check finds no problem.')
  } else {
    lines.push(fr ? `La vérification locale signale ${diagnostics.length} avertissement${diagnostics.length > 1 ? 's' : ''} :` : `The local check reports ${diagnostics.length} warning${diagnostics.length === 1 ? '' : 's'}:`, '')
    for (const d of diagnostics.slice(0, 50)) lines.push(`- ${fr ? 'ligne' : 'line'} ${d.line} — ${inertMarkdown(`${d.message} ${d.hint}`)} (${inertCode(d.ruleId)})`)
    if (diagnostics.length > 50) lines.push(fr ? `- … et ${diagnostics.length - 50} autres.` : `- … and ${diagnostics.length - 50} more.`)
  }
  if (standards.length > 0) {
    lines.push(
      '',
      fr ? `### Standards à compléter (${standards.length})` : `### Standards to complete (${standards.length})`,
      '',
      fr
        ? 'Ces avertissements ne bloquent pas la fusion : complétez la fiche quand vous le pouvez, ou exemptez un standard avec une raison (voir `docs/standards.md`).'
        : 'These warnings do not block the merge: complete the fiche when you can, or exempt a standard with a reason (see `docs/standards.md`).',
      '',
      diagnosticTable(groupOf(standards, 50), fr, `npx registry lint`),
    )
  }
  return `${lines.join('\n')}\n`
}
