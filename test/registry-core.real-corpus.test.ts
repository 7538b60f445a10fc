/**
 * Opt-in (skipped when ../shared is absent): on every fiche of the real
 * corpus (830, with config/beta.gouv.fr.config.json), checkFiche, as the
 * editor runs it, gives exactly what `registry validate` and `registry lint`
 * give for that file.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../scripts/registry/config.ts'
import { readRecords } from '../scripts/load/read-records.ts'
import { checkFiche, ficheContext } from '../scripts/registry-core.ts'
import type { Diagnostic } from '../scripts/report/diagnostic.ts'
import { REPO, run } from './cli/run.ts'

const CORPUS = path.resolve(REPO, '../shared/corpus/beta.gouv.fr')
const CONFIG = path.join(REPO, 'config/beta.gouv.fr.config.json')
const AS_OF = '2026-11-01'

describe.skipIf(!existsSync(CORPUS))('checkFiche on the real corpus', () => {
  it('gives, for each of the 830 fiches, the diagnostics of registry validate and registry lint', async () => {
    const config = parseConfig(readFileSync(CONFIG, 'utf8'), CONFIG)
    const { sources } = await readRecords(CORPUS, config)
    expect(sources).toHaveLength(830)
    const context = ficheContext(config, sources)
    const byFile = (stdout: string) => {
      const map = new Map<string, Diagnostic[]>()
      for (const d of JSON.parse(stdout).diagnostics as Diagnostic[]) map.set(d.file, [...(map.get(d.file) ?? []), d])
      return map
    }
    const validate = byFile((await run(['validate', '--root', CORPUS, '--config', CONFIG, '--format', 'json', '--as-of', AS_OF])).stdout)
    const lint = byFile((await run(['lint', '--root', CORPUS, '--config', CONFIG, '--format', 'json', '--as-of', AS_OF])).stdout)
    let compared = 0
    for (const source of sources) {
      const got = checkFiche(source.text, source.file, context, 'fr', AS_OF)
      expect(JSON.parse(JSON.stringify(got.validate)), source.file).toEqual(validate.get(source.file) ?? [])
      expect(JSON.parse(JSON.stringify(got.lint)), source.file).toEqual(lint.get(source.file) ?? [])
      compared += got.validate.length + got.lint.length
    }
    expect(compared).toBeGreaterThan(1000)
  }, 120_000)
})
