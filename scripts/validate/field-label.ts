/** A readable name for the value at a pointer: `start (phases n°2)`. */
export function fieldLabel(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
  if (parts.length === 0) return "l’en-tête"
  const context: string[] = []
  for (let i = 0; i < parts.length - 1; i++) {
    if (/^\d+$/.test(parts[i + 1]!)) context.push(`${parts[i]} n°${Number(parts[i + 1]) + 1}`)
  }
  const last = parts[parts.length - 1]!
  if (/^\d+$/.test(last)) return context.join(', ') || last
  return context.length > 0 ? `${last} (${context.join(', ')})` : last
}
