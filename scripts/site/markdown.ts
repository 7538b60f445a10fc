/**
 * Fiche bodies as HTML, safe to put in a page: markdown-it (CommonMark) with
 * raw HTML turned into text (`html: false`), a link policy (http, https,
 * mailto and relative URLs only; anything else is rendered as plain text) and
 * no image: nothing a body says may make the browser fetch from another
 * origin, so `![alt](url)` becomes a link to the image, labelled with its alt
 * text. External links get rel="noopener noreferrer".
 *
 * No `node:` import: the in-browser editor renders its preview with it.
 */
import MarkdownIt, { type MarkdownIt as Markdown, type RendererRule, type Token } from 'markdown-it'
import { BIDI_CONTROLS } from './html.ts'
import { isSafeUrl } from './safe-url.ts'

export { isSafeUrl }

export interface MarkdownOptions {
  /**
   * Added to every heading level (capped at 6), so that a body's `#` does not
   * compete with the page's own headings. Default 0.
   */
  headingOffset?: number
}

/** A link that leaves the site: absolute with a scheme, or protocol-relative (`//host`, `\\host`). */
function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || /^[\\/]{2}/.test(href)
}

function create(): Markdown {
  const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false })
  md.enable(['table', 'strikethrough'])
  md.validateLink = isSafeUrl
  const rules = md.renderer.rules
  const renderToken: RendererRule = (tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options)
  // Images: a link to the image, never an <img> (no request to another origin, none at all).
  rules.image = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!
    const src = String(token.attrGet('src') ?? '')
    const alt = self.renderInlineAsText(token.children ?? [], options, _env)
    const text = md.utils.escapeHtml(alt.trim() === '' ? src : alt)
    const rel = isExternal(src) ? ' rel="noopener noreferrer"' : ''
    return `<a href="${md.utils.escapeHtml(src)}"${rel}>Image : ${text}</a>`
  }
  const defaultLinkOpen = rules.link_open ?? renderToken
  rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!
    if (isExternal(String(token.attrGet('href') ?? ''))) token.attrSet('rel', 'noopener noreferrer')
    return defaultLinkOpen(tokens, idx, options, env, self)
  }
  const shift = (tokens: Token[], idx: number, offset: number) => {
    const level = Math.min(6, Number(tokens[idx]!.tag.slice(1)) + offset)
    tokens[idx]!.tag = `h${level}`
  }
  rules.heading_open = (tokens, idx, options, env, self) => {
    shift(tokens, idx, (env as { headingOffset?: number }).headingOffset ?? 0)
    return renderToken(tokens, idx, options, env, self)
  }
  rules.heading_close = (tokens, idx, options, env, self) => {
    shift(tokens, idx, (env as { headingOffset?: number }).headingOffset ?? 0)
    return renderToken(tokens, idx, options, env, self)
  }
  return md
}

let instance: Markdown | undefined
/** The last body rendered: the editor's preview renders the same body after each pause in the typing of another field. */
let last: { markdown: string; headingOffset: number; html: string } | undefined

/** A markdown body as sanitised HTML (see the module's comment for what is allowed; bidirectional controls become U+FFFD, see html.ts). */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  const headingOffset = Math.max(0, Math.floor(options.headingOffset ?? 0))
  if (last?.markdown === markdown && last.headingOffset === headingOffset) return last.html
  instance ??= create()
  const html = instance.render(markdown.replace(BIDI_CONTROLS, '\ufffd'), { headingOffset })
  last = { markdown, headingOffset, html }
  return html
}
