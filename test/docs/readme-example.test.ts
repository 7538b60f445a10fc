/**
 * The README's example output is what `registry validate` prints, byte for
 * byte, for the fiche the README describes: the repository's own registry
 * with startups/biblio-partage.md edited as its sentence says (no contact
 * line, repository misspelt, an impossible date).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { cleanTemps, REPO, run, tempDir } from '../cli/run.ts'

afterAll(cleanTemps)

/** The code block that follows the README's « Exemple : dans `startups/biblio-partage.md` » paragraph. */
function readmeExample(): { sentence: string; output: string } {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8')
  const m = /\nExemple : dans `startups\/biblio-partage\.md`,([^`]*(?:`[^`]*`[^`]*)*?) :\n\n```\n([\s\S]*?)```\n/.exec(readme)
  if (!m) throw new Error('README.md: the example paragraph and its code block were not found')
  return { sentence: m[1]!.replace(/\s+/g, ' '), output: m[2]! }
}

it('the README example is what validate prints for the fiche it describes', async () => {
  const { sentence, output } = readmeExample()
  // The edits the sentence describes, one by one.
  expect(sentence).toContain('sans la ligne `contact`, avec `repository` mal écrit et une date qui n\'existe pas, `npx registry validate` (dans un clone, après `npm ci`) affiche')
  const root = tempDir()
  for (const c of ['startups', 'organisations', 'incubators']) fs.cpSync(path.join(REPO, c), path.join(root, c), { recursive: true })
  const file = path.join(root, 'startups/biblio-partage.md')
  const original = fs.readFileSync(file, 'utf8')
  const edited = original
    .replace(/^contact: .*\n/m, '')
    .replace(/^repository:/m, 'reposiroty:')
    .replace(/(- name: acceleration\n {4}start: )2024-04-01/, '$12024-02-30')
  expect(edited.split('\n').length).toBe(original.split('\n').length - 1)
  expect(edited).toContain('reposiroty:')
  expect(edited).toContain('start: 2024-02-30')
  fs.writeFileSync(file, edited)
  const r = await run(['validate'], { cwd: path.join(root, 'startups') })
  expect(r.stdout).toBe(output)
  expect(r.code).toBe(1)
})
