/**
 * The site the editor tests browse: the fixture registry's editor page,
 * registre.json and script, as the site stage writes them.
 */
import fs from 'node:fs'
import path from 'node:path'
import { editorScript } from '../../scripts/bundle/editor-script.ts'
import { COLLECTIONS, DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { EDITOR_SCRIPT, editorPage } from '../../scripts/site/pages/editor.ts'
import type { SiteContext } from '../../scripts/site/context.ts'
import { GOOD, tempDir } from '../cli/run.ts'

export const REPOSITORY = 'https://github.com/betagouv/registre-test'

export async function buildEditorSite(): Promise<string> {
  const out = tempDir('editor-site-')
  const fiches = COLLECTIONS.flatMap((collection) =>
    fs
      .readdirSync(path.join(GOOD, collection))
      .sort()
      .map((name) => ({ file: `${collection}/${name}`, collection, id: name.slice(0, -3), text: fs.readFileSync(path.join(GOOD, collection, name), 'utf8') })),
  )
  const context = { config: { ...DEFAULT_CONFIG, repositoryUrl: REPOSITORY }, fiches } as unknown as SiteContext
  for (const [file, content] of editorPage(context)) {
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true })
    fs.writeFileSync(path.join(out, file), content)
  }
  fs.writeFileSync(path.join(out, EDITOR_SCRIPT), await editorScript())
  return out
}
