/**
 * `registry new startup|organisation|incubator <id>`: writes a fiche to fill
 * in (from the schema), never over an existing file, then checks it.
 */
import { COLLECTIONS, type Collection } from '../../registry/config.ts'
import { newFiche } from '../../registry/fiche.ts'
import { docsRepository, format } from '../../registry/format.ts'
import { UsageError } from '../io.ts'
import type { Options } from '../options.ts'

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
  const today = new Date().toISOString().slice(0, 10)
  const { file, diagnostics, summary, texts } = await newFiche({ root: options.root, config: options.config, lang, collection, id, today })
  io.stderr(fr ? `Fiche écrite : ${file}. Remplacez les valeurs d'exemple, puis lancez « registry validate ».\n` : `Fiche written: ${file}. Replace the example values, then run "registry validate".\n`)
  io.stdout(format(options.format, diagnostics, { summary, lang, texts, color: options.color, repository: docsRepository(options.config, io.env) }))
  return summary.errors > 0 ? 1 : 0
}
