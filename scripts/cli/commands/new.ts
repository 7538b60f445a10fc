/**
 * `registry new startup|organisation|incubator [<id>] [--title T] [--incubator I] [--phase P]`:
 * writes a fiche to fill in (registry/fiche.ts), asking at a terminal for what is not given;
 * never over an existing file, nothing at all when the fiche would have an error; prints
 * exactly what validate and lint report for it.
 */
import { COLLECTIONS, type Collection } from '../../registry/config.ts'
import { freeFicheFile, newFiche } from '../../registry/fiche.ts'
import { docsRepository, format } from '../../registry/format.ts'
import { UsageError } from '../io.ts'
import type { Options } from '../options.ts'

const SINGULAR: Record<string, Collection> = { startup: 'startups', organisation: 'organisations', incubator: 'incubators' }

export async function newCommand(options: Options): Promise<number> {
  const { io, lang } = options
  const fr = lang === 'fr'
  const [kind = '', given] = options.args
  const collection = SINGULAR[kind] ?? ((COLLECTIONS as readonly string[]).includes(kind) ? (kind as Collection) : undefined)
  if (!collection) throw new UsageError(fr ? `Type de fiche inconnu : « ${kind} » (startup, organisation ou incubator).` : `Unknown kind of fiche: "${kind}" (startup, organisation or incubator).`)
  const startup = collection === 'startups'
  // What is not given is asked at a terminal; elsewhere it is a usage error naming the options.
  const missing: string[] = []
  const value = async (given: string | undefined, option: string, question: string): Promise<string> => {
    if (given !== undefined) return given.trim()
    if (io.ask) return (await io.ask(question)).trim()
    missing.push(option)
    return ''
  }
  const id = await value(given, '<identifiant>', fr ? 'Identifiant (nom du fichier, en minuscules avec des tirets, par exemple mon-produit) : ' : 'Id (the file name, lowercase with dashes, for example my-product): ')
  // A bad id, or a fiche that exists, is refused before anything else is asked.
  if (id !== '' || !missing.length) {
    if (!/^[a-z0-9](?:[a-z0-9._-]{0,98}[a-z0-9])?$/.test(id) || id.includes('..')) {
      throw new UsageError(fr ? `Identifiant refusé : « ${id} ». Écrivez-le en minuscules sans accents, avec des tirets, par exemple mon-produit.` : `Id refused: "${id}". Write it in lowercase without accents, with dashes, for example my-product.`)
    }
    await freeFicheFile({ root: options.root, config: options.config, lang, collection, id })
  }
  const title = await value(options.newFiche?.title, '--title', fr ? 'Titre : ' : 'Title: ')
  const incubator = startup ? await value(options.newFiche?.incubator, '--incubator', fr ? 'Incubateur (identifiant d’une fiche de incubators/) : ' : 'Incubator (the id of a fiche of incubators/): ') : undefined
  const phase = startup ? (options.newFiche?.phase ?? (io.ask ? (await io.ask(fr ? 'Première phase (investigation, construction…) [investigation] : ' : 'First phase (investigation, construction…) [investigation]: ')).trim() || 'investigation' : 'investigation')) : undefined
  if (missing.length > 0) throw new UsageError(fr ? `Il manque ${missing.join(', ')} (ou lancez la commande dans un terminal : elle les demande).` : `Missing: ${missing.join(', ')} (or run the command at a terminal: it asks for them).`)
  if (title === '') throw new UsageError(fr ? 'Le titre ne peut pas être vide.' : 'The title cannot be empty.')
  const today = new Date().toISOString().slice(0, 10)
  const result = await newFiche({ root: options.root, config: options.config, lang, collection, id, today, title, incubator, phase, asOf: options.asOf })
  if (!result.written) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `  ${d.message} → ${d.hint}\n`)
    io.stderr(`${fr ? `Fiche non écrite : ${result.file} aurait ${errors.length > 1 ? 'ces erreurs' : 'cette erreur'}.` : `Fiche not written: ${result.file} would have ${errors.length > 1 ? 'these errors' : 'this error'}.`}\n${errors.join('')}`)
    return 2
  }
  io.stderr(fr ? `Fiche écrite : ${result.file}. Complétez les « À compléter », puis lancez « registry validate ».\n` : `Fiche written: ${result.file}. Fill in the "À compléter" placeholders, then run "registry validate".\n`)
  io.stdout(format(options.format, result.diagnostics, { summary: result.summary, lang, texts: result.texts, color: options.color, repository: docsRepository(options.config, io.env) }))
  return 0
}
