/**
 * Reading an evidence file as the data from elsewhere it is (a branch, an
 * artifact, a download): strictly checked against its JSON Schema, then
 * against what the schema cannot say (runs in order, targets sorted and
 * unique, states that agree with results, dates that agree with each other
 * and are not in the future). Anything off is refused whole, with the first
 * problems said in French or English; nothing in it can crash the caller.
 * `parseEvidence` is pure; `readEvidenceFile` does the bounded read.
 */
import { constants, promises as fsp } from 'node:fs'
import type { ValidateFunction } from 'ajv/dist/2020.js'
import schema from '../../schemas/evidence.schema.json' with { type: 'json' }
import { createAjv } from '../validate/ajv.ts'
import { stateOf, targetKey, type EvidenceFile } from './types.ts'

/** Far beyond a real registry's evidence (a few MB): a larger file is not one. */
export const MAX_EVIDENCE_BYTES = 64 * 1024 * 1024

export const EVIDENCE_SCHEMA = schema

export interface EvidenceProblem {
  /** JSON Pointer of what is wrong ('' for the whole file). */
  path: string
  fr: string
  en: string
}

export type ParsedEvidence = { evidence: EvidenceFile; problems?: undefined } | { evidence?: undefined; problems: EvidenceProblem[] }

let validator: ValidateFunction | undefined

const problem = (path: string, fr: string, en: string): EvidenceProblem => ({ path, fr, en })

export function parseEvidence(text: string, nowMs?: number): ParsedEvidence {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { problems: [problem('', 'ce n’est pas du JSON valide', 'it is not valid JSON')] }
  }
  validator ??= createAjv().compile(schema)
  if (!validator(json)) {
    return {
      problems: (validator.errors ?? []).slice(0, 5).map((e) => {
        const where = e.instancePath || '/'
        const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: unknown }).additionalProperty)})` : ''
        return problem(e.instancePath, `${where} ne suit pas le schéma des preuves : ${e.keyword}${extra}`, `${where} does not follow the evidence schema: ${e.keyword}${extra}`)
      }),
    }
  }
  const evidence = json as EvidenceFile
  const problems = coherence(evidence, nowMs)
  return problems.length > 0 ? { problems: problems.slice(0, 5) } : { evidence }
}

/** What the schema cannot say. */
function coherence(e: EvidenceFile, nowMs: number | undefined): EvidenceProblem[] {
  const out: EvidenceProblem[] = []
  const last = e.runs[e.runs.length - 1]!
  for (let i = 1; i < e.runs.length; i++) {
    if (e.runs[i - 1]!.at >= e.runs[i]!.at) out.push(problem(`/runs/${i}/at`, 'les exécutions ne sont pas dans l’ordre des dates', 'the runs are not in date order'))
  }
  if (e.generated_at !== last.at) out.push(problem('/generated_at', 'generated_at n’est pas la date de la dernière exécution', 'generated_at is not the date of the last run'))
  if (nowMs !== undefined && Date.parse(last.at) > nowMs) out.push(problem('/generated_at', 'la dernière exécution est datée dans le futur', 'the last run is dated in the future'))
  let previousKey = ''
  e.targets.forEach((t, i) => {
    const at = `/targets/${i}`
    const key = targetKey(t)
    if (i > 0 && key <= previousKey) out.push(problem(at, 'les cibles ne sont pas triées, ou une cible est en double', 'the targets are not sorted, or a target appears twice'))
    previousKey = key
    if (t.state !== stateOf(t.result) && !(t.state === 'unknown' && t.history.length === 0)) out.push(problem(`${at}/state`, `l’état ne correspond pas au résultat (${targetKey(t)})`, `the state does not match the result (${targetKey(t)})`))
    if ((t.state === 'fails') !== (t.failing_since !== null)) out.push(problem(`${at}/failing_since`, 'failing_since doit être une date exactement quand la preuve est en échec', 'failing_since must be a date exactly when the evidence fails'))
    if (t.checked_at > last.at) out.push(problem(`${at}/checked_at`, 'vérifiée après la dernière exécution', 'checked after the last run'))
    for (const date of [t.failing_since, t.last_success]) if (date !== null && date > t.checked_at) out.push(problem(at, 'une date est postérieure à la dernière vérification', 'a date is later than the last check'))
    if (t.state !== 'unknown' && t.history.length === 0) out.push(problem(`${at}/history`, 'une preuve constatée a au moins un constat', 'an observed target has at least one observation'))
    for (let j = 1; j < t.history.length; j++) {
      if (t.history[j - 1]!.at >= t.history[j]!.at) out.push(problem(`${at}/history/${j}`, 'l’historique n’est pas dans l’ordre des dates', 'the history is not in date order'))
    }
    const latest = t.history[t.history.length - 1]
    if (latest && (latest.at > t.checked_at || latest.result !== t.result)) out.push(problem(`${at}/history`, 'le dernier constat ne correspond pas au résultat', 'the last observation does not match the result'))
  })
  return out
}

/** Reads and parses an evidence file; `missing` when there is none (a first run). Throws nothing. */
export async function readEvidenceFile(file: string, nowMs?: number): Promise<ParsedEvidence | { missing: true }> {
  let handle: import('node:fs/promises').FileHandle
  try {
    // Not through a symbolic link, and never blocked on a named pipe.
    handle = await fsp.open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { missing: true }
    if (code === 'ELOOP') return { problems: [problem('', 'c’est un lien symbolique : il n’est pas suivi', 'it is a symbolic link: it is not followed')] }
    return { problems: [problem('', `il ne peut pas être lu (${code ?? 'EIO'})`, `it cannot be read (${code ?? 'EIO'})`)] }
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) return { problems: [problem('', 'ce n’est pas un fichier ordinaire', 'it is not a regular file')] }
    if (info.size > MAX_EVIDENCE_BYTES) return { problems: [problem('', `il est trop gros (${info.size} octets)`, `it is too large (${info.size} bytes)`)] }
    return parseEvidence(await handle.readFile('utf8'), nowMs)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO'
    return { problems: [problem('', `il ne peut pas être lu (${code})`, `it cannot be read (${code})`)] }
  } finally {
    await handle.close()
  }
}
