/**
 * The evidence files of a run, at the edge: the previous evidence read (a
 * missing file is a first run; a file that is not evidence stops the run
 * rather than start the history again), the new one written atomically (a
 * temporary file renamed over it: a failed run leaves the previous file
 * whole). Problems are `EvidenceFileError`s, said in French and English.
 */
import { randomUUID } from 'node:crypto'
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { readEvidenceFile, type EvidenceProblem } from './parse-evidence.ts'
import type { EvidenceFile } from './types.ts'

export class EvidenceFileError extends Error {
  constructor(
    readonly fr: string,
    readonly en: string,
  ) {
    super(en)
    this.name = 'EvidenceFileError'
  }

  say(lang: 'fr' | 'en'): string {
    return lang === 'fr' ? this.fr : this.en
  }
}

/** One sentence per problem (the first five), after what the file is. */
export function problemsError(file: string, problems: readonly EvidenceProblem[]): EvidenceFileError {
  return new EvidenceFileError(
    `Le fichier de preuves ${file} n’est pas utilisable : ${problems.map((p) => p.fr).join(' ; ')}.`,
    `The evidence file ${file} cannot be used: ${problems.map((p) => p.en).join('; ')}.`,
  )
}

/** The evidence in `file`; undefined when there is none yet. `nowMs`: a file from the future is refused. */
export async function readPreviousEvidence(file: string, nowMs: number): Promise<EvidenceFile | undefined> {
  const read = await readEvidenceFile(file, nowMs)
  if ('missing' in read) return undefined
  if (read.problems) throw problemsError(file, read.problems)
  return read.evidence
}

/** The file's text: stable key order (the objects are built in schema order), two-space indent, a trailing newline. */
export function serializeEvidence(evidence: EvidenceFile): string {
  return `${JSON.stringify(evidence, null, 2)}\n`
}

export async function writeEvidence(file: string, evidence: EvidenceFile): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`)
  try {
    await fsp.mkdir(path.dirname(file), { recursive: true })
    await fsp.writeFile(temporary, serializeEvidence(evidence), { encoding: 'utf8', mode: 0o644 })
    await fsp.rename(temporary, file)
  } catch (err) {
    await fsp.unlink(temporary).catch(() => {})
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO'
    throw new EvidenceFileError(`Impossible d’écrire le fichier de preuves ${file} (${code}).`, `Cannot write the evidence file ${file} (${code}).`)
  }
}
