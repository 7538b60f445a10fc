/** Values quoted in messages. Kept apart from messages.ts so that the lint rules can use it. */

/** A value as the user wrote it, shortened for a one-line message. */
export function show(v: unknown): string {
  let s: string
  if (typeof v === 'string') s = v
  else if (v === undefined) s = ''
  else {
    try {
      s = JSON.stringify(v) ?? String(v)
    } catch {
      s = String(v)
    }
  }
  // Only the start is shown: a megabyte value costs no more than a short one.
  if (s.length > 100) s = s.slice(0, 100)
  s = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === '\n' ? '↵' : c === '\t' ? '→' : '�'))
  // Cut, or written with an escape, a lone half of a character becomes U+FFFD: messages stay valid text.
  return (s.length > 80 ? `${s.slice(0, 77)}…` : s).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
}

export const q = (v: unknown): string => `« ${show(v)} »`
export const qe = (v: unknown): string => `"${show(v)}"`
