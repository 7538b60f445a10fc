/**
 * A fiche as it was in a past commit, read leniently: it may not validate
 * against today's schemas (older fields, older phase names), and it is never
 * rejected for that. Only its front matter is parsed, with the same YAML
 * reader as today's fiches (anchors and tags refused, bounded depth); a file
 * whose front matter cannot be read at all is reported as unreadable, not
 * dropped.
 */
import { DEFAULT_CONFIG } from '../load/config.ts'
import { parseYaml, splitFrontMatter } from '../load/parse-record.ts'

export interface PastFiche {
  /** The front matter, or undefined when it cannot be read. */
  data?: Record<string, unknown>
  body: string
  /** The whole text, when known (the standards rules locate their findings in it). */
  text?: string
}

export function readPastFiche(text: string): PastFiche {
  const split = splitFrontMatter(text)
  if (typeof split === 'string') return { body: text, text }
  const parsed = parseYaml(text.slice(split.yamlStart, split.yamlEnd), DEFAULT_CONFIG.limits)
  const body = text.slice(split.bodyStart)
  if (!('value' in parsed) || !parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) return { body, text }
  return { data: parsed.value as Record<string, unknown>, body, text }
}
