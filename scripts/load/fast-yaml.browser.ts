/**
 * fast-yaml.ts in the browser (package.json's `browser` field, for the editor's script): no
 * fast path. The editor parses one front matter per check, where js-yaml 4's speed is worth
 * little, and this keeps a second YAML reader (js-yaml 4, about 44 KB of the script) out of the
 * page: every front matter goes through the event parser (parse-record.ts), the reference, which
 * gives the same data as the fast path wherever the fast path answers (test/load/fast-yaml.test.ts).
 */
import type { Limits } from './config.ts'

export function fastYaml(_yaml: string, _limits: Limits): { value: unknown } | undefined {
  return undefined
}
