/**
 * Which link destinations the site writes as links (markdown.ts's link policy, and the pages'
 * own links to a fiche's addresses): http, https, mailto and relative URLs only. A module of its
 * own, without markdown-it: the editor's script imports the pages' components at once and
 * markdown-it only with its preview (a chunk fetched on demand).
 */

/** Schemes a link may use; a URL without a scheme is relative and allowed. */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:'])

/**
 * Whether a link destination is allowed. Browsers ignore ASCII control
 * characters and spaces inside a scheme (`java\tscript:`), so they are
 * removed before the scheme is read.
 */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const squeezed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase()
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(squeezed)
  if (scheme) return ALLOWED_SCHEMES.has(`${scheme[1]}:`)
  // A colon before any slash, question mark or hash would be read as a scheme by some parsers.
  const colon = squeezed.indexOf(':')
  if (colon === -1) return true
  const stop = squeezed.search(/[/?#]/)
  return stop !== -1 && stop < colon
}
