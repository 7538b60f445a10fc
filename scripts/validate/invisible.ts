/**
 * Invisible characters that slip into a fiche through copy and paste: named
 * by code point so that a contributor can find what they cannot see.
 */
const NAMES: Record<string, [string, string]> = {
  '\u00a0': ['espace insécable', 'no-break space'],
  '\u00ad': ['trait d’union conditionnel', 'soft hyphen'],
  '\u180e': ['séparateur de voyelles mongol', 'Mongolian vowel separator'],
  '\u200b': ['espace sans chasse', 'zero-width space'],
  '\u200c': ['antiliant sans chasse', 'zero-width non-joiner'],
  '\u200d': ['liant sans chasse', 'zero-width joiner'],
  '\u200e': ['marque gauche-à-droite', 'left-to-right mark'],
  '\u200f': ['marque droite-à-gauche', 'right-to-left mark'],
  '\u2028': ['séparateur de ligne', 'line separator'],
  '\u2029': ['séparateur de paragraphe', 'paragraph separator'],
  '\u202f': ['espace fine insécable', 'narrow no-break space'],
  '\u2060': ['gluon de mots', 'word joiner'],
  '\u3000': ['espace idéographique', 'ideographic space'],
  '\ufeff': ['indicateur d’ordre des octets (BOM)', 'byte order mark'],
}

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069): invisible, they reorder how the text around them is shown,
 * so that a reviewer may read something other than what is written (the
 * "Trojan Source" trick). Right-to-left text needs none of them: browsers
 * find the direction from the letters.
 */
export const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/
const BIDI_NAMES: Record<string, [string, string]> = {
  '\u202a': ['enchâssement gauche-à-droite', 'left-to-right embedding'],
  '\u202b': ['enchâssement droite-à-gauche', 'right-to-left embedding'],
  '\u202c': ['fin d’enchâssement', 'pop directional formatting'],
  '\u202d': ['forçage gauche-à-droite', 'left-to-right override'],
  '\u202e': ['forçage droite-à-gauche', 'right-to-left override'],
  '\u2066': ['isolat gauche-à-droite', 'left-to-right isolate'],
  '\u2067': ['isolat droite-à-gauche', 'right-to-left isolate'],
  '\u2068': ['isolat à direction détectée', 'first strong isolate'],
  '\u2069': ['fin d’isolat', 'pop directional isolate'],
}

/** The first bidirectional control of a string, named, with its index; undefined when there is none. */
export function bidiControl(s: string): { index: number; fr: string; en: string } | undefined {
  const m = BIDI_CONTROL.exec(s)
  if (!m) return undefined
  const [fr, en] = BIDI_NAMES[m[0]]!
  const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase()}`
  return { index: m.index, fr: `${code} (${fr})`, en: `${code} (${en})` }
}

/** Characters that are never meant in a key, anywhere. */
const IN_KEY = /[\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/gu
/** Characters that are never meant inside a value (a no-break space is good French typography, these are not). */
const IN_VALUE = /[\u00ad\u180e\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff]/gu

function describe(chars: Iterable<string>): { fr: string; en: string } {
  const unique = [...new Set(chars)].slice(0, 3)
  const code = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
  return {
    fr: unique.map((c) => `${code(c)}${NAMES[c] ? ` (${NAMES[c][0]})` : ''}`).join(', '),
    en: unique.map((c) => `${code(c)}${NAMES[c] ? ` (${NAMES[c][1]})` : ''}`).join(', '),
  }
}

/** The invisible characters of a key, named, or undefined. */
export function invisibleInKey(key: string): { fr: string; en: string } | undefined {
  const found = key.match(IN_KEY)
  return found ? describe(found) : undefined
}

export function invisibleInValue(value: string): { fr: string; en: string } | undefined {
  const found = value.match(IN_VALUE)
  return found ? describe(found) : undefined
}

/** Characters whose removal never changes what is shown (the zero-width space, the soft hyphen, the word joiner, the BOM): copy-and-paste junk. */
const JUNK = /[\u00ad\u200b\u2060\ufeff]/gu

/**
 * The value without its invisible characters, when all of them are junk that
 * can go without changing what is shown; undefined otherwise (a zero-width
 * joiner inside an emoji, a direction mark, a line separator: for a person to decide).
 */
export function withoutJunk(value: string): string | undefined {
  const cleaned = value.replace(JUNK, '')
  return cleaned !== '' && cleaned.search(IN_VALUE) === -1 ? cleaned : undefined
}

/** Invisible or space characters at either end of a value (what trim() removes besides ASCII spaces). */
export function invisibleAtEdges(value: string): { fr: string; en: string } | undefined {
  // trimStart/trimEnd remove what \s matches, in linear time (a /\s*$/ search is quadratic on long runs of spaces).
  const start = value.length - value.trimStart().length
  const end = value.trimEnd().length
  const edges = start >= end ? value : value.slice(0, start) + value.slice(end)
  const found = [...edges].filter((c) => c !== ' ' && c !== '\t' && c !== '\n')
  return found.length > 0 ? describe(found) : undefined
}

export function withoutInvisible(key: string): string {
  return key.replace(IN_KEY, '').trim()
}
