/**
 * Checks one record on its own: its front matter against the collection's
 * JSON Schema (each Ajv error becomes one problem with a pointer), then the
 * rules a schema cannot say (phase order, the redundant id field, spaces
 * around values).
 */
import type { ErrorObject } from 'ajv'
import type { ParsedRecord } from '../load/parse-record.ts'
import { jsonType } from '../load/parse-record.ts'
import { append, type Problem } from '../report/diagnostic.ts'
import { escapePointer } from '../report/locate.ts'
import { ficheValidators } from './ajv.ts'
import { isCalendarDate, isDateShaped } from './formats.ts'
import { invisibleInKey, withoutInvisible } from './invisible.ts'
import { exampleLine } from './schema-example.ts'
import { Suggester } from './suggest.ts'
import { keySuggestion, RECORD_SUGGEST_BUDGET } from './typos.ts'
import { checkStrings } from './text.ts'
import { fieldLabel } from './field-label.ts'

export function validateRecord(record: ParsedRecord): Problem[] {
  const validate = ficheValidators()[record.collection]
  const problems: Problem[] = []
  const schemaOk = validate(record.data)
  if (!schemaOk) {
    const errors = validate.errors ?? []
    // A value outside an enum of texts fails `type` and `enum` at once: report
    // only the enum (it lists the allowed values), one mistake, one problem.
    const enumAt = new Set(errors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath))
    const fromSchema: Problem[] = []
    const suggesters = new Map<unknown, Suggester>()
    for (const error of errors) {
      if (error.keyword === 'type' && enumAt.has(error.instancePath)) continue
      fromSchema.push(fromAjvError(record, error, suggesters))
    }
    append(problems, mergeTypos(fromSchema))
  }
  append(problems, checkStrings(record))
  if (record.collection === 'startups') append(problems, checkPhases(record))
  if (record.collection === 'organisations' && typeof record.data.id === 'string' && record.data.id !== record.id) {
    problems.push({ file: record.file, ruleId: 'id/mismatch', path: '/id', data: { value: record.data.id, id: record.id } })
  }
  return problems
}


/** The record's suggester for a schema object's candidates (known keys, allowed values), made on first use. */
function suggesterFor(suggesters: Map<unknown, Suggester>, schema: unknown, candidates: () => string[]): Suggester {
  let s = suggesters.get(schema)
  if (!s) suggesters.set(schema, (s = new Suggester(candidates(), RECORD_SUGGEST_BUDGET)))
  return s
}

function fromAjvError(record: ParsedRecord, error: ErrorObject, suggesters: Map<unknown, Suggester>): Problem {
  const file = record.file
  const path = error.instancePath
  const params = error.params as Record<string, any>
  const field = fieldLabel(path)
  switch (error.keyword) {
    case 'required': {
      const property = String(params.missingProperty)
      const example = (error.parentSchema as any)?.properties?.[property]?.examples?.[0]
      return {
        file,
        ruleId: 'schema/required',
        path: `${path}/${escapePointer(property)}`,
        data: { property, parent: path === '' ? undefined : field, example: typeof example === 'object' ? undefined : example },
      }
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty)
      const parent = (error.parentSchema ?? {}) as { properties?: object }
      const known = suggesterFor(suggesters, parent, () => Object.keys(parent.properties ?? {}))
      const invisible = invisibleInKey(key)
      return {
        file,
        ruleId: 'schema/unknown-key',
        path: `${path}/${escapePointer(key)}`,
        target: 'key',
        data: { key, parent: path === '' ? undefined : field, suggestion: keySuggestion(known, key), invisibleFr: invisible?.fr, invisibleEn: invisible?.en },
      }
    }
    case 'type':
      return {
        file,
        ruleId: 'schema/type',
        path,
        data: { field, expected: params.type, actual: jsonType(error.data), example: exampleLine(record.collection, path), comment: error.data === null ? commentedValue(record, path) : undefined },
      }
    case 'enum': {
      const allowed = params.allowedValues as unknown[]
      return {
        file,
        ruleId: 'schema/enum',
        path,
        data: { field, value: error.data, allowed, suggestion: typeof error.data === 'string' ? suggesterFor(suggesters, allowed, () => allowed.map(String)).suggest(error.data) : undefined },
      }
    }
    case 'format': {
      const value = String(error.data)
      const reason = params.format === 'date' && isDateShaped(value) ? 'calendar' : 'shape'
      return { file, ruleId: 'schema/format', path, data: { field, format: params.format, value, reason, example: exampleLine(record.collection, path) } }
    }
    case 'minItems':
      return { file, ruleId: 'schema/min-items', path, target: 'key', data: { field, limit: params.limit, example: exampleLine(record.collection, `${path}/0`) } }
    case 'uniqueItems': {
      const items = error.data as unknown[]
      // Ajv's i and j swap places with the item types; point at the later copy.
      const j = Math.max(Number(params.i), Number(params.j))
      return { file, ruleId: 'schema/unique-items', path: `${path}/${j}`, data: { field, value: items[j] } }
    }
    case 'minimum':
      return { file, ruleId: 'schema/minimum', path, data: { field, limit: params.limit, value: error.data, example: exampleLine(record.collection, path) } }
    default:
      return { file, ruleId: 'schema/other', path, data: { field, keyword: error.keyword, detail: error.message, example: exampleLine(record.collection, path) } }
  }
}

/**
 * A misspelt key explains a missing required field (`contat:` for `contact:`):
 * one mistake, one problem, at the typo, which says that the field is missing.
 */
export function mergeTypos(problems: readonly Problem[]): Problem[] {
  const explained = new Set<string>()
  const out = problems.map((p) => {
    if (p.ruleId !== 'schema/unknown-key' || typeof p.data?.suggestion !== 'string' || p.path === undefined) return p
    const missing = `${p.path.slice(0, p.path.lastIndexOf('/'))}/${escapePointer(p.data.suggestion)}`
    if (!problems.some((q) => q.ruleId === 'schema/required' && q.path === missing) || explained.has(missing)) return p
    explained.add(missing)
    return { ...p, data: { ...p.data, missingRequired: true } }
  })
  return out.filter((p) => !(p.ruleId === 'schema/required' && p.path !== undefined && explained.has(p.path)))
}

/**
 * `mission: #1 des services` reads as an empty value: `#` after a space
 * starts a comment. The line as it should be written, or undefined.
 */
export function commentedValue(record: ParsedRecord, pointer: string): string | undefined {
  const key = pointer.slice(pointer.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~')
  if (key === '' || /^\d+$/.test(key)) return undefined
  const yaml = record.text.slice(record.yamlStart, record.yamlEnd)
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  // Linear: no lazy group before an optional tail (lines are up to 10,000 characters).
  const m = new RegExp(`^([ \\t]*(?:-[ \\t]+)?${escaped}:)[ \\t]+(#.*)$`, 'm').exec(yaml)
  return m ? `${m[1]} '${m[2]!.trimEnd().replace(/'/g, "''")}'` : undefined
}

interface PhaseLike {
  name?: unknown
  start?: unknown
  end?: unknown
}

function checkPhases(record: ParsedRecord): Problem[] {
  const phases = record.data.phases
  if (!Array.isArray(phases)) return []
  const problems: Problem[] = []
  const file = record.file
  const seen = new Set<string>()
  let previous: { name: string; start: string } | undefined
  phases.forEach((raw: unknown, i) => {
    if (raw === null || typeof raw !== 'object') return
    const phase = raw as PhaseLike
    const name = typeof phase.name === 'string' ? phase.name : undefined
    const start = typeof phase.start === 'string' && isCalendarDate(phase.start) ? phase.start : undefined
    const end = typeof phase.end === 'string' && isCalendarDate(phase.end) ? phase.end : undefined
    if (name !== undefined) {
      if (seen.has(name)) problems.push({ file, ruleId: 'phases/duplicate', path: `/phases/${i}/name`, data: { name } })
      seen.add(name)
    }
    if (start && previous && start < previous.start) {
      problems.push({ file, ruleId: 'phases/order', path: `/phases/${i}/start`, data: { name, start, previous: previous.name, previousStart: previous.start } })
    }
    if (start && end && end < start) {
      problems.push({ file, ruleId: 'phases/end-before-start', path: `/phases/${i}/end`, data: { name, start, end } })
    }
    const next = phases[i + 1] as PhaseLike | undefined
    const nextStart = next && typeof next.start === 'string' && isCalendarDate(next.start) ? next.start : undefined
    if (end && nextStart && end > nextStart) {
      problems.push({ file, ruleId: 'phases/overlap', path: `/phases/${i}/end`, data: { name, end, next: next?.name, nextStart } })
    }
    if (start) previous = { name: name ?? '?', start }
  })
  return problems
}
