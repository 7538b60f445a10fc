/** The three steps' answers make a fiche that `registry validate` accepts, with only what was answered. */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { newFicheText, slugOf } from '../../../scripts/site/editor/new-fiche.ts'
import { cleanTemps, GOOD, run, tempDir } from '../../cli/run.ts'

afterAll(cleanTemps)

const ANSWERS = { title: 'Mon produit', mission: 'Simplifier une démarche pour les usagers', incubator: 'dinum', sponsor: 'dinum', contact: 'equipe@exemple.beta.gouv.fr', phase: 'construction', start: '2025-03-03', link: 'https://mon-produit.exemple.fr', repository: 'https://github.com/mon-organisation/mon-produit', stats_url: '' }

describe('a new fiche in three steps', () => {
  it('writes the answers in the schema’s order, and nothing else', () => {
    expect(newFicheText(ANSWERS)).toBe(`---
title: Mon produit
mission: Simplifier une démarche pour les usagers
incubator: dinum
sponsors:
  - /organisations/dinum
contact: equipe@exemple.beta.gouv.fr
link: https://mon-produit.exemple.fr
repository: https://github.com/mon-organisation/mon-produit
phases:
  - name: construction
    start: 2025-03-03
---
`)
    expect(newFicheText({ ...ANSWERS, sponsor: '', link: '', repository: '', contact: '  ' })).not.toMatch(/sponsors|link|repository|contact/)
  })

  it('passes registry validate', async () => {
    const root = tempDir('new-fiche-')
    fs.cpSync(GOOD, root, { recursive: true })
    fs.writeFileSync(path.join(root, 'startups', 'mon-produit.md'), newFicheText(ANSWERS))
    const r = await run(['validate', '--root', root, '--format', 'json'])
    expect(r.code, r.stdout).toBe(0)
    expect(JSON.parse(r.stdout).diagnostics.filter((d: { file: string; severity: string }) => d.file === 'startups/mon-produit.md' && d.severity === 'error')).toEqual([])
  })

  it.each([
    ['Mon produit', 'mon-produit'],
    ['  Démarche Simplifiée ! ', 'demarche-simplifiee'],
    ['L’aide à la rénovation', 'l-aide-a-la-renovation'],
    ['Produits @ beta.gouv.fr', 'produits-beta-gouv-fr'],
    ['', ''],
  ])('names the file after « %s »: %s', (title, id) => {
    expect(slugOf(title)).toBe(id)
  })
})
