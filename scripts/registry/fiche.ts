/**
 * One fiche at a time, on disk: writing a new one from the schema (`registry
 * new`), checking one before proposing it, and proposing it as a pull
 * request through GitHub's API (`registry propose`), without git.
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.ts'
import { headDate } from '../git/head-date.ts'
import type { GitHub } from '../github/client.ts'
import type { ProposalResult } from '../github/propose.ts'
import { lintRecords } from '../lint/lint-registry.ts'
import type { Collection, RegistryConfig } from '../load/config.ts'
import { readRecords } from '../load/read-records.ts'
import { checkFiche, ficheContext } from '../registry-core.ts'
import { compareDiagnostics, summarize, type Diagnostic, type Lang, type Summary } from '../report/diagnostic.ts'
import { shownDiagnostics } from '../site/editor/check.ts'
import { diagnosticTable, groupOf } from '../report/diagnostic-table.ts'
import { inertCode, inertMarkdown } from '../report/inert-markdown.ts'
import { ficheTemplate } from '../scaffold/fiche-template.ts'
import { changedScope } from '../validate/changed-scope.ts'
import { FICHE_SCHEMAS } from '../validate/schemas.ts'
import { Suggester } from '../validate/suggest.ts'
import { runValidation } from './check.ts'

/** The collection a path (relative to the root) is a fiche of, if it is directly in a collection's folder. */
export { collectionOf } from '../validate/changed-scope.ts'

export interface FicheOptions {
  root: string
  config: RegistryConfig
  lang: Lang
}

export interface FicheResult {
  /** The fiche's own diagnostics (what `validate` reports for it, its references checked). */
  diagnostics: Diagnostic[]
  /** Of `diagnostics`, over this one file. */
  summary: Summary
  /** Every file's text read, for code frames. */
  texts: Map<string, string>
}

/** Checks the file `file` (relative to the root) as `validate` would, reading only it and what it refers to. */
async function checkOne(options: FicheOptions, file: string): Promise<FicheResult & { records: Awaited<ReturnType<typeof runValidation>>['records'] }> {
  const { filter } = changedScope([file], options.config)
  const { diagnostics, texts, records } = await runValidation(options.root, options.config, options.lang, filter)
  const own = diagnostics.filter((d) => d.file === file)
  const errors = own.filter((d) => d.severity === 'error').length
  return { diagnostics: own, summary: { files: 1, errors, warnings: own.length - errors }, texts, records }
}

/**
 * Where `registry new` would write the fiche `id` of `collection` (relative to the root, and absolute).
 * @throws UsageError when a file is there already (asked first, before any question about the fiche).
 */
export async function freeFicheFile(options: FicheOptions & { collection: Collection; id: string }): Promise<{ file: string; abs: string }> {
  const file = `${options.config.collections[options.collection]}/${options.id}.md`
  const abs = path.join(options.root, file)
  if (await fsp.lstat(abs).then(() => true, () => false)) throw new UsageError(options.lang === 'fr' ? `${file} existe déjà : il n’est pas remplacé.` : `${file} already exists: it is not replaced.`)
  return { file, abs }
}

export interface NewFicheOptions extends FicheOptions {
  collection: Collection
  id: string
  /** The day the fiche is written (YYYY-MM-DD): its first phase starts then. */
  today: string
  /** The title (startups, incubators) or the name (organisations). */
  title: string
  /** Startups: the main incubator's id. */
  incubator?: string
  /** Startups: the first phase's name (default investigation). */
  phase?: string
  /** The date validate and lint judge the fiche at; default: HEAD's commit date, as theirs. */
  asOf?: string
}

export interface NewFicheResult extends FicheResult {
  /** The file (relative to the root). */
  file: string
  /** False when the fiche would have errors: nothing was written. */
  written: boolean
}

/**
 * Writes `<folder>/<id>.md` from the collection's schema and the values given (neutral
 * placeholders elsewhere, a comment per field, the sections the lint expects), never over an
 * existing file. The text is checked first, in memory, as `validate` and `lint` will check the
 * file: with an error (a reserved id, an incubator that does not exist, a phase name that is not
 * one), nothing is written.
 * @returns the file, whether it was written, and exactly what validate and lint report for it.
 * @throws UsageError when the file exists or cannot be written.
 */
export async function newFiche(options: NewFicheOptions): Promise<NewFicheResult> {
  const { root, config, lang, collection } = options
  const fr = lang === 'fr'
  const { file, abs } = await freeFicheFile(options)
  const exists = () => new UsageError(fr ? `${file} existe déjà : il n’est pas remplacé.` : `${file} already exists: it is not replaced.`)
  const [read, head] = await Promise.all([readRecords(root, config), options.asOf === undefined ? headDate(root) : undefined])
  const organisation = read.entries.find((e) => e.collection === 'organisations')?.id
  const text = ficheTemplate(collection, FICHE_SCHEMAS[collection], { title: options.title, incubator: options.incubator, phase: options.phase, start: options.today, organisation })
  const check = checkFiche(text, file, ficheContext(config, read.sources), lang, options.asOf ?? head ?? undefined)
  const diagnostics = shownDiagnostics(check).sort(compareDiagnostics)
  const summary = summarize(diagnostics, 1)
  const texts = new Map([[file, text]])
  if (check.validate.some((d) => d.severity === 'error')) return { file, written: false, diagnostics, summary, texts }
  await fsp.mkdir(path.dirname(abs), { recursive: true })
  try {
    await fsp.writeFile(abs, text, { flag: 'wx' })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw exists()
    throw new UsageError(fr ? `Impossible d’écrire ${file} (${(err as NodeJS.ErrnoException).code}).` : `Cannot write ${file} (${(err as NodeJS.ErrnoException).code}).`)
  }
  return { file, written: true, diagnostics, summary, texts }
}

/**
 * The check `registry propose` makes before any call to GitHub: the fiche's diagnostics, and
 * when it has no error, the standards it should complete (its lint warnings, as of `asOf` or
 * HEAD's commit date when there is a git history).
 */
export async function checkProposal(options: FicheOptions & { file: string; asOf?: string }): Promise<FicheResult & { standards: Diagnostic[] }> {
  await readableFiche(options.root, options.file, options.lang)
  const { records, ...checked } = await checkOne(options, options.file)
  if (checked.summary.errors > 0) return { ...checked, standards: [] }
  const asOf = options.asOf ?? (await headDate(options.root)) ?? undefined
  return { ...checked, standards: lintRecords(records, options.config, options.lang, asOf, undefined, new Set([options.file])).diagnostics }
}

/**
 * Opens (or updates) a pull request with the fiche `file` on GitHub, from the branch
 * `fiche/<collection>/<id>`, its description listing what `checkProposal` found. Run it only on
 * a fiche without errors. Running it again after a failure finishes what was started.
 */
export async function propose(github: GitHub, options: FicheOptions & { file: string; collection: Collection; owner: string; repo: string; base?: string; check: { diagnostics: readonly Diagnostic[]; standards: readonly Diagnostic[] } }): Promise<ProposalResult> {
  const { proposeFiche } = await import('../github/propose.ts')
  const content = await readableFiche(options.root, options.file, options.lang)
  const id = path.basename(options.file, '.md')
  return proposeFiche(
    github,
    {
      owner: options.owner,
      repo: options.repo,
      base: options.base,
      branch: `fiche/${options.collection}/${id}`,
      path: options.file,
      content,
      commitMessage: `Fiche ${id} (${options.collection})`,
      title: `Fiche ${id}`,
      body: proposalBody(options.file, options.check.diagnostics, options.lang, options.check.standards),
    },
    options.lang,
  )
}

/**
 * The text of the fiche `file` (relative to the root), or a UsageError that says why it cannot be
 * proposed: a mistyped name (with the nearest fiche of its folder), a folder, an unreadable file.
 */
async function readableFiche(root: string, file: string, lang: Lang): Promise<string> {
  const fr = lang === 'fr'
  try {
    return await fsp.readFile(path.join(root, file), 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO'
    if (code === 'ENOENT') {
      const folder = path.posix.dirname(file)
      const names = await fsp.readdir(path.join(root, folder)).catch(() => [] as string[])
      const near = new Suggester(names.filter((n) => n.endsWith('.md'))).suggest(path.posix.basename(file))
      const hint = near ? (fr ? ` Vouliez-vous dire ${folder}/${near} ?` : ` Did you mean ${folder}/${near}?`) : ''
      throw new UsageError(fr ? `Le fichier ${file} n’existe pas.${hint}` : `The file ${file} does not exist.${hint}`)
    }
    if (code === 'EISDIR') throw new UsageError(fr ? `${file} est un dossier : donnez le fichier .md de la fiche.` : `${file} is a folder: give the fiche's .md file.`)
    throw new UsageError(fr ? `Le fichier ${file} ne peut pas être lu (${code}).` : `The file ${file} cannot be read (${code}).`)
  }
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
