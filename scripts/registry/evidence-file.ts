/**
 * An evidence file read as data, for `build` and the evidence jobs
 * (registry/evidence.ts): its schema and coherence checked, its problems
 * said in the caller's language as the API's ConfigError. Kept apart from
 * the jobs so that a build with evidence loads no online checker.
 */
import { ConfigError } from '../errors.ts'
import { EvidenceFileError, readPreviousEvidence } from '../evidence/evidence-files.ts'
import { EvidenceOrderError } from '../evidence/merge-evidence.ts'
import type { EvidenceFile } from '../evidence/types.ts'
import type { Lang } from '../report/diagnostic.ts'

/** The evidence in `file`, checked (schema, coherence, no date after `nowMs`). @throws ConfigError when it is missing or is not evidence. */
export async function readEvidence(file: string, lang: Lang, nowMs = Date.now()): Promise<EvidenceFile> {
  return said(lang, async () => {
    const found = await readPreviousEvidence(file, nowMs)
    if (!found) throw new EvidenceFileError(`Le fichier de preuves ${file} n’existe pas.`, `The evidence file ${file} does not exist.`)
    return found
  })
}

/** The evidence stage's errors, said in `lang` as the API's ConfigError. */
export async function said<T>(lang: Lang, job: () => Promise<T>): Promise<T> {
  try {
    return await job()
  } catch (err) {
    if (err instanceof EvidenceFileError) throw new ConfigError(err.say(lang))
    if (err instanceof EvidenceOrderError) {
      throw new ConfigError(lang === 'fr' ? `Les preuves précédentes datent du ${err.previousAt}, pas d’avant cette vérification (${err.at}) : l’horloge ou le fichier de preuves précédentes est faux.` : `The previous evidence is from ${err.previousAt}, not before this check (${err.at}): the clock or the previous evidence file is wrong.`)
    }
    throw err
  }
}
