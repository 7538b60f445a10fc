/**
 * Byte-wise (UTF-8) order of two strings: the order in which git and Jekyll
 * list a folder's files, and the order of the registry's sources.
 *
 * Code points compare like UTF-8 bytes; UTF-16 code units compare the same
 * way except where a surrogate meets a character of U+E000–U+FFFF, so the
 * code units are compared directly and only such a pair (or two surrogates)
 * falls back to code points. A lone surrogate counts as its own code point.
 */
export function compareBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    if (x < 0xd800 || y < 0xd800) return x - y
    // Both sides compared from where the first of them starts its character (the high half of a pair).
    const start = Math.min(surrogateStart(a, i), surrogateStart(b, i))
    return a.codePointAt(start)! - b.codePointAt(start)!
  }
  // A prefix comes first, in code units as in bytes.
  return a.length - b.length
}

/** Where the character containing the code unit at `i` starts (one back for the low half of a pair). */
function surrogateStart(s: string, i: number): number {
  const c = s.charCodeAt(i)
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
    const before = s.charCodeAt(i - 1)
    if (before >= 0xd800 && before <= 0xdbff) return i - 1
  }
  return i
}

