import { describe, expect, it } from 'vitest'
import { escapeHtml, html } from '../../scripts/site/html.ts'
import { isSafeUrl, renderMarkdown } from '../../scripts/site/markdown.ts'

const ALLOWED_TAGS = new Set(['p', 'a', 'em', 'strong', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 's'])
const ALLOWED_ATTRIBUTES = new Set(['href', 'rel', 'title', 'style', 'start', 'class'])

/** Every tag of the output, with its attributes: only the allowed ones, hrefs with an allowed scheme. */
function checkMarkup(out: string): void {
  for (const match of out.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const [, tag, rest] = match
    expect(ALLOWED_TAGS, `tag <${tag}> in ${out}`).toContain(tag!.toLowerCase())
    for (const attr of rest!.matchAll(/([^\s=]+)\s*=\s*"([^"]*)"/g)) {
      expect(ALLOWED_ATTRIBUTES, `attribute ${attr[1]} in ${out}`).toContain(attr[1]!.toLowerCase())
      if (attr[1] === 'href') expect(isSafeUrl(attr[2]!.replace(/&amp;/g, '&')), attr[2]).toBe(true)
      if (attr[1] === 'style') expect(attr[2]).toMatch(/^text-align:(left|right|center)$/)
    }
    // No attribute without quotes: the renderer always quotes.
    expect(rest!.replace(/\s*[\w-]+="[^"]*"/g, '').trim()).toBe('')
  }
}

const HOSTILE: [string, string][] = [
  ['raw script', '<script>alert(1)</script>'],
  ['script in a heading', '# Titre <script>alert(1)</script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['svg onload', '<svg/onload=alert(1)>'],
  ['html block', '<div onclick="alert(1)">\n\n*x*\n\n</div>'],
  ['iframe', '<iframe src="javascript:alert(1)"></iframe>'],
  ['javascript link', '[x](javascript:alert(1))'],
  ['javascript link, mixed case and tab', '[x](JaVa\tScRiPt:alert(1))'],
  ['javascript link, entity', '[x](&#106;avascript:alert(1))'],
  ['javascript link, hex entity with newline', '[x](java&#x0A;script:alert(1))'],
  ['javascript link, percent', '[x](javascript%3Aalert(1))'],
  ['javascript link in angle brackets', '[x](<javascript:alert(1)>)'],
  ['javascript link, leading spaces', '[x](   javascript:alert(1))'],
  ['javascript autolink', '<javascript:alert(1)>'],
  ['javascript reference link', '[a][r]\n\n[r]: javascript:alert(1)'],
  ['javascript reference link with title', '[a]\n\n[a]: javascript:alert(1) "t"'],
  ['data link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['vbscript link', '[x](vbscript:msgbox(1))'],
  ['file link', '[x](file:///etc/passwd)'],
  ['javascript image', '![x](javascript:alert(1))'],
  ['image elsewhere', '![logo](https://tracker.example/pixel.gif)'],
  ['image with hostile alt', '![<img src=x onerror=alert(1)>](https://e.example/a.png)'],
  ['attribute breakout in title', '[x](https://ok.fr "a\\" onmouseover=\\"alert(1)")'],
  ['attribute breakout in href', '[x](https://ok.fr/"onmouseover="alert(1))'],
  ['entity-encoded tag', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ['numeric entity tag', '&#60;script&#62;alert(1)&#60;/script&#62;'],
  ['inline html link', 'a <a href="javascript:alert(1)">b</a>'],
  ['style tag', '<style>body{background:url(https://e.example/x)}</style>'],
  ['table with html', '| a | b |\n|:-:|--:|\n| <b onclick=x>1</b> | [j](javascript:alert(1)) |'],
  ['code span', '`<script>alert(1)</script>`'],
  ['fenced code', '```html\n<script>alert(1)</script>\n```'],
  ['nested emphasis and link', '**[x](javascript:alert(1))**'],
  ['mailto autolink', '<mailto:a@b.fr>'],
  ['email autolink', '<a@b.fr>'],
]

describe('renderMarkdown: hostile inputs render inert', () => {
  it.each(HOSTILE)('%s', (_name, input) => {
    const out = renderMarkdown(input)
    checkMarkup(out)
    expect(out).not.toMatch(/<(script|img|iframe|svg|style|div|b)\b/i)
    expect(out).not.toMatch(/href="\s*(javascript|data|vbscript|file):/i)
  })
})

describe('bidirectional controls on the site', () => {
  it('become a visible U+FFFD in a body and in escaped text: nothing reorders what the reader sees', () => {
    expect(renderMarkdown('Rapport\u202egpj.exe et \u2066isolat\u2069')).toBe('<p>Rapport\ufffdgpj.exe et \ufffdisolat\ufffd</p>\n')
    expect(escapeHtml('Mon\u202eproduit <b>')).toBe('Mon\ufffdproduit &lt;b&gt;')
    expect(html`<h1>${'Titre\u202b'}</h1>`.value).toBe('<h1>Titre\ufffd</h1>')
  })

  it('right-to-left letters are kept as they are', () => {
    expect(renderMarkdown('مرحبا')).toBe('<p>مرحبا</p>\n')
  })
})

describe('renderMarkdown: what it keeps', () => {
  it('renders CommonMark, tables and strikethrough', () => {
    expect(renderMarkdown('# T\n\n*a* **b** ~~c~~')).toBe('<h1>T</h1>\n<p><em>a</em> <strong>b</strong> <s>c</s></p>\n')
    expect(renderMarkdown('| a |\n|---|\n| 1 |')).toContain('<td>1</td>')
  })

  it('keeps http, https, mailto and relative links; external ones get rel="noopener noreferrer"', () => {
    expect(renderMarkdown('[a](https://beta.gouv.fr/x?y=1&z=2)')).toBe('<p><a href="https://beta.gouv.fr/x?y=1&amp;z=2" rel="noopener noreferrer">a</a></p>\n')
    expect(renderMarkdown('[a](../autre/)')).toBe('<p><a href="../autre/">a</a></p>\n')
    expect(renderMarkdown('[a](#section)')).toBe('<p><a href="#section">a</a></p>\n')
    expect(renderMarkdown('[a](//ailleurs.example/)')).toContain('rel="noopener noreferrer"')
    expect(renderMarkdown('<https://beta.gouv.fr>')).toContain('<a href="https://beta.gouv.fr" rel="noopener noreferrer">https://beta.gouv.fr</a>')
  })

  it('renders a refused link as its text, visibly', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>\n')
  })

  it('turns an image into a link labelled with its alt text', () => {
    expect(renderMarkdown('![Le logo](https://e.example/logo.png)')).toBe('<p><a href="https://e.example/logo.png" rel="noopener noreferrer">Image : Le logo</a></p>\n')
    expect(renderMarkdown('![](img/a.png)')).toBe('<p><a href="img/a.png">Image : img/a.png</a></p>\n')
  })

  it('shifts heading levels, capped at 6', () => {
    expect(renderMarkdown('# a\n\n##### b', { headingOffset: 2 })).toBe('<h3>a</h3>\n<h6>b</h6>\n')
  })

  it('renders a long hostile input in bounded time', () => {
    const out = renderMarkdown('['.repeat(20_000) + '<script>' + '*a'.repeat(20_000))
    expect(out).not.toContain('<script')
  })
})

describe('isSafeUrl', () => {
  it.each([
    ['https://a.fr', true],
    ['http://a.fr', true],
    ['mailto:x@y.fr', true],
    ['./a', true],
    ['a/b:c', true],
    ['?q=a:b', true],
    ['#x', true],
    ['javascript:x', false],
    [' javascript:x', false],
    ['java\nscript:x', false],
    ['\u0000javascript:x', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
    ['tel:0102', false],
    [':x', false],
  ])('%j → %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe)
  })
})
