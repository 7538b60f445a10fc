/** `registry docs`: regenerates the references generated from the schemas and the rules. */
import { writeDocs } from '../../registry/docs.ts'
import type { Options } from '../options.ts'

export async function docsCommand(options: Options): Promise<number> {
  await writeDocs()
  options.io.stderr(options.lang === 'fr' ? 'docs/champs.md, docs/regles.md et docs/rules/*.md régénérés.\n' : 'docs/champs.md, docs/regles.md and docs/rules/*.md regenerated.\n')
  return 0
}
