import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { fieldReference } from '../../docs/field-reference.ts'
import { rulesReference } from '../../docs/rules-reference.ts'
import { standardsRulePages } from '../../docs/standards-rules.ts'
import type { Options } from '../main.ts'
import { TOOL_ROOT } from '../../tool-root.ts'

/** The generated references live in the tool's own docs/ folder. */
export const DOCS_DIR = path.join(TOOL_ROOT, 'docs/')

export async function docsCommand(options: Options): Promise<number> {
  await fsp.mkdir(DOCS_DIR, { recursive: true })
  await fsp.writeFile(`${DOCS_DIR}champs.md`, fieldReference())
  await fsp.writeFile(`${DOCS_DIR}regles.md`, rulesReference())
  await fsp.mkdir(`${DOCS_DIR}rules`, { recursive: true })
  for (const [name, text] of standardsRulePages()) await fsp.writeFile(`${DOCS_DIR}${name}`, text)
  options.io.stderr(options.lang === 'fr' ? 'docs/champs.md, docs/regles.md et docs/rules/*.md régénérés.\n' : 'docs/champs.md, docs/regles.md and docs/rules/*.md regenerated.\n')
  return 0
}
