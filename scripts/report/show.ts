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
  s = s.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '↵' : c === '\t' ? '→' : '�'))
  return s.length > 80 ? `${s.slice(0, 77)}…` : s
}

export const q = (v: unknown): string => `« ${show(v)} »`
export const qe = (v: unknown): string => `"${show(v)}"`
