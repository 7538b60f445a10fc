/**
 * What an id may be to name a file and a URL path segment as it is: the rules behind id/invalid,
 * id/too-long and id/reserved (references.ts, checkIds). It imports nothing at run time: the
 * editor's page script (site/editor/boot.ts) checks an id with it before fetching that fiche's
 * text, and loads nothing else of the checks for that.
 */
import type { Problem } from '../report/diagnostic.ts'

/**
 * Characters that break a URL path segment or a shell, and names Windows
 * cannot keep (a trailing dot or space is dropped there: `biblio-partage.`
 * would be `biblio-partage`): refused in ids, whatever the configuration says
 * about id/format.
 */
export const UNSAFE_ID = /[\s/\\?#%"'<>`|*:;&$!{}[\]^~]|^\.|\.\.|^-|\.$/

const UTF8 = new TextEncoder()
/** The longest id, in UTF-8 bytes: `<id>.json` and `<id>.md` stay well under the 255 bytes of a file name. */
export const MAX_ID_BYTES = 200
/** Names Windows reserves for devices, with or without an extension (`nul.md`, `com1.beta`). */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i

/** Why an id cannot be a file name on common systems, if it cannot. */
export function unwritableId(id: string): Problem['data'] & { ruleId: 'id/too-long' | 'id/reserved' } | undefined {
  // A UTF-16 code unit is at most 3 bytes of UTF-8: short ids need no encoding (a registry lists tens of thousands).
  if (id.length * 3 > MAX_ID_BYTES) {
    const bytes = UTF8.encode(id).length
    if (bytes > MAX_ID_BYTES) return { ruleId: 'id/too-long', id, bytes, limit: MAX_ID_BYTES }
  }
  const dot = id.indexOf('.')
  const stemLength = dot === -1 ? id.length : dot
  // Reserved names have 3 or 4 characters.
  if (stemLength !== 3 && stemLength !== 4) return undefined
  const stem = id.slice(0, stemLength)
  if (WINDOWS_RESERVED.test(stem)) return { ruleId: 'id/reserved', reserved: stem.toLowerCase() }
  return undefined
}

/** Whether an id names a file and a URL path segment as it is: none of what id/invalid, id/too-long and id/reserved refuse. */
export function usableId(id: string): boolean {
  return id !== '' && !UNSAFE_ID.test(id) && unwritableId(id) === undefined
}
