/** Small helpers shared by the rules (pure). */
import { q, qe, show } from '../report/show.ts'
import type { Data, RuleContext, RuleWords } from './define-rule.ts'
import { isBlank } from './phase.ts'

export { isBlank, q, qe, show }

export const T = (fr: RuleWords, en: RuleWords) => ({ fr, en })
export const w = (message: (d: Data) => string, hint: (d: Data) => string): RuleWords => ({ message, hint })

/** Reports `messageId` when the field is absent or blank; returns whether it was. */
export function reportMissing(ctx: RuleContext<never> | RuleContext<any>, field: string, messageId = 'missing', data: Data = {}): boolean {
  const v = ctx.record.data[field]
  if (!isBlank(v)) return false
  ctx.report({ messageId, path: `/${field}`, target: 'key', data: { field, ...data } })
  return true
}

/** Where the body starts in the file (the line after the closing ---), as an offset. */
export function bodyOffset(record: { text: string; body: string; yamlEnd: number }): number {
  // The body is the end of the text (parse-record slices it so); check its start only, not all of it.
  const at = record.text.length - record.body.length
  return at >= record.yamlEnd && record.text.startsWith(record.body.slice(0, 64), at) ? at : record.yamlEnd
}

/** The URL-valued fields of a startup fiche. */
export const URL_FIELDS = ['link', 'repository', 'stats_url', 'budget_url', 'impact_url', 'dashlord_url', 'analyse_risques_url', 'roadmap_url', 'ecodesign_url', 'tech_audit_url', 'mailing_list'] as const

const escapePointerPart = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1')

/** A path of keys and indexes as a JSON Pointer. */
export function pointerOf(path: readonly (string | number)[]): string {
  return `/${path.map((p) => escapePointerPart(String(p))).join('/')}`
}

/**
 * Calls `visit` with every string value of a fiche's data and its path, kept
 * as one stack pushed and popped (a registry has millions of values): build
 * the pointer (pointerOf) only for a value that is reported. Nesting deeper
 * than `maxDepth` below a top-level field is not visited.
 */
export function forEachString(data: Record<string, unknown>, visit: (value: string, path: readonly (string | number)[]) => void, maxDepth = 8): void {
  const path: (string | number)[] = []
  const walk = (value: unknown, depth: number): void => {
    if (depth > maxDepth) return
    if (typeof value === 'string') visit(value, path)
    else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i)
        walk(value[i], depth + 1)
        path.pop()
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const k of Object.keys(value)) {
        path.push(k)
        walk((value as Record<string, unknown>)[k], depth + 1)
        path.pop()
      }
    }
  }
  for (const k of Object.keys(data)) {
    path.push(k)
    walk(data[k], 0)
    path.pop()
  }
}
