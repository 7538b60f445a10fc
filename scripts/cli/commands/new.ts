/**
 * `registry new startup|organisation|incubator <id>`: writes a fiche to fill
 * in (from the schema), never over an existing file, then checks it.
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { COLLECTIONS, type Collection } from '../../load/config.ts'
import { FORMATTERS } from '../../report/formatters/index.ts'
import { ficheTemplate } from '../../scaffold/fiche-template.ts'
import { changedScope } from '../../validate/changed-scope.ts'
import { FICHE_SCHEMAS } from '../../validate/schemas.ts'
import { UsageError } from '../io.ts'
import type { Options } from '../main.ts'
import { runValidation } from '../run-validation.ts'

const SINGULAR: Record<string, Collection> = { startup: 'startups', organisation: 'organisations', incubator: 'incubators' }

export async function newCommand(options: Options): Promise<number> {
  const { io, lang } = options
  const fr = lang === 'fr'
  const [kind = '', id = ''] = options.args
  const collection = SINGULAR[kind] ?? ((COLLECTIONS as readonly string[]).includes(kind) ? (kind as Collection) : undefined)
  if (!collection) throw new UsageError(fr ? `Type de fiche inconnu : « ${kind} » (startup, organisation ou incubator).` : `Unknown kind of fiche: "${kind}" (startup, organisation or incubator).`)
  if (!/^[a-z0-9](?:[a-z0-9._-]{0,98}[a-z0-9])?$/.test(id) || id.includes('..')) {
    throw new UsageError(
      fr
        ? `Identifiant refusé : « ${id} ». Écrivez-le en minuscules sans accents, avec des tirets, par exemple mon-produit.`
        : `Id refused: "${id}". Write it in lowercase without accents, with dashes, for example my-product.`,
    )
  }
  const folder = options.config.collections[collection]
  const file = `${folder}/${id}.md`
  const abs = path.join(options.root, file)
  const text = ficheTemplate(collection, FICHE_SCHEMAS[collection], new Date().toISOString().slice(0, 10))
  await fsp.mkdir(path.dirname(abs), { recursive: true })
  try {
    await fsp.writeFile(abs, text, { flag: 'wx' })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(fr ? `${file} existe déjà : il n'est pas remplacé.` : `${file} already exists: it is not replaced.`)
    throw new UsageError(fr ? `Impossible d'écrire ${file} (${(err as NodeJS.ErrnoException).code}).` : `Cannot write ${file} (${(err as NodeJS.ErrnoException).code}).`)
  }
  io.stderr(fr ? `Fiche écrite : ${file}. Remplacez les valeurs d'exemple, puis lancez « registry validate ».\n` : `Fiche written: ${file}. Replace the example values, then run "registry validate".\n`)
  const { filter } = changedScope([file], options.config)
  const { diagnostics, summary, texts } = await runValidation(options.root, options.config, lang, filter)
  const own = diagnostics.filter((d) => d.file === file)
  io.stdout(FORMATTERS[options.format](own, { summary: { files: 1, errors: own.filter((d) => d.severity === 'error').length, warnings: own.filter((d) => d.severity === 'warning').length }, lang, texts, color: options.color }))
  return own.some((d) => d.severity === 'error') ? 1 : 0
}
