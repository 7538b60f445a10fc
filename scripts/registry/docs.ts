/**
 * `docs`: the references generated from the schemas and the rules
 * (docs/champs.md, docs/regles.md, docs/rules/<id>.md), written into the
 * tool's own docs/ folder.
 */
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { fieldReference } from '../docs/field-reference.ts'
import { rulesReference } from '../docs/rules-reference.ts'
import { standardsRulePages } from '../docs/standards-rules.ts'
import { TOOL_ROOT } from '../tool-root.ts'

/** The generated references live in the tool's own docs/ folder. */
export const DOCS_DIR = path.join(TOOL_ROOT, 'docs/')

/** Every generated reference: its path under docs/, and its text. */
export function docsFiles(): [string, string][] {
  return [['champs.md', fieldReference()], ['regles.md', rulesReference()], ...standardsRulePages()]
}

/** Writes the generated references into `dir` (default: the tool's docs/); returns the paths written, relative to it. */
export async function writeDocs(dir = DOCS_DIR): Promise<string[]> {
  const files = docsFiles()
  for (const [name, text] of files) {
    await fsp.mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await fsp.writeFile(path.join(dir, name), text)
  }
  return files.map(([name]) => name)
}
