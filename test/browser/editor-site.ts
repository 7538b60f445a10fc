/**
 * The site the editor tests browse: `registry build` (in process, from the sources) of a copy
 * of the fixture registry, with two more startups for the walk (one in investigation, one
 * online without a statistics page) and a configuration that names a repository, so that the
 * page offers GitHub's pages. The same registry is what the real CLI checks the downloaded
 * texts against (`cliDiagnostics`).
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'
import type { Diagnostic } from '../../scripts/report/diagnostic.ts'
import { GOOD, run, tempDir } from '../cli/run.ts'

export const REPOSITORY = 'https://github.com/betagouv/registre-test'

/** The walk's startups, beside the fixture's `exemple` (neutral names, no real product's data). */
export const WALK_FILES: Record<string, string> = {
  'startups/guichet-test.md': `---
title: Guichet test
mission: Orienter les usagers vers la bonne démarche
incubator: dinum
sponsors:
  - /organisations/dinum
contact: equipe@guichet-test.exemple.fr
phases:
  - name: investigation
    start: 2025-01-06
---
## Le problème

Les usagers ne savent pas quelle démarche faire.
`,
  'startups/service-en-ligne.md': `---
title: Service en ligne
mission: Permettre aux usagers de suivre leur dossier
incubator: dinum
sponsors:
  - /organisations/dinum
contact: equipe@service-en-ligne.exemple.fr
link: https://service-en-ligne.exemple.fr
repository: https://github.com/betagouv/service-en-ligne
phases:
  - name: investigation
    start: 2023-01-02
    end: 2023-06-30
  - name: construction
    start: 2023-07-01
events:
  - name: product_launch
    date: 2024-02-01
---
## Le problème

Les usagers ne savent pas où en est leur dossier.

## La solution

Un suivi en ligne.
`,
}

/**
 * A fiche whose bytes a careless copy would change (accents, a comment, trailing spaces, a
 * non-breaking space, no newline at the end): its text travels as a file of its own
 * (editer/fiches/) and must come back byte for byte. (A byte order mark or CRLF would be build
 * errors: no such text is ever written.)
 */
export const ODD_FICHE = '---\ntitle: Fiche à l’écart   \n# un commentaire\nmission: Écrire une fiche\u00a0soignée\nincubator: dinum\nsponsors:\n  - /organisations/dinum\ncontact: equipe@fiche-ecart.exemple.fr\nphases:\n  - name: investigation\n    start: 2025-01-06\n---\n## Le problème\n\nUn texte sans saut de ligne à la fin'

/** A fresh copy of the registry the editor's site is built from. */
export function editorRegistry(): string {
  const root = tempDir('editor-registry-')
  fs.cpSync(GOOD, root, { recursive: true })
  for (const [file, text] of Object.entries(WALK_FILES)) fs.writeFileSync(path.join(root, file), text)
  fs.writeFileSync(path.join(root, 'startups/fiche-ecart.md'), ODD_FICHE)
  fs.writeFileSync(path.join(root, 'registry.config.json'), `${JSON.stringify({ repositoryUrl: REPOSITORY })}\n`)
  return root
}

export async function buildEditorSite(): Promise<string> {
  const root = editorRegistry()
  const out = path.join(tempDir('editor-site-'), 'dist')
  const r = await run(['build', '--root', root, '--out', out])
  expect(r.code, r.stderr).toBe(0)
  return out
}

/** What `registry validate` and `registry lint` (the real commands) say of `text` saved as startups/<id>.md, as of `asOf`. */
export async function cliDiagnostics(id: string, text: string, asOf: string): Promise<{ validate: Diagnostic[]; lint: Diagnostic[]; validateCode: number }> {
  const root = editorRegistry()
  fs.writeFileSync(path.join(root, 'startups', `${id}.md`), text)
  const file = `startups/${id}.md`
  const v = await run(['validate', '--root', root, '--format', 'json', '--as-of', asOf])
  const l = await run(['lint', '--root', root, '--format', 'json', '--as-of', asOf])
  const pick = (stdout: string) => (JSON.parse(stdout).diagnostics as Diagnostic[]).filter((d) => d.file === file)
  return { validate: pick(v.stdout), lint: pick(l.stdout), validateCode: v.code }
}

/** The CLI's diagnostics of a file, once each (validate's standards warnings are lint's too), as the summary lists them. */
export function onceEach(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => `${d.severity} ${d.ruleId} ${d.line}:${d.column} ${d.message}`))].sort()
}
