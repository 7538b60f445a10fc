/**
 * The weight of the home page as a browser downloads it: the HTML, the style
 * sheets and the scripts it references (fonts and icons aside: they are
 * cached and shared by every page), raw and gzip-compressed (node:zlib,
 * default level, as a static host compresses).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

export interface PageWeight {
  /** Each file: site-relative path, bytes, gzip bytes. */
  files: { file: string; bytes: number; gzip: number }[]
  bytes: number
  gzip: number
}

/** The page at `page` (site-relative, e.g. 'index.html') in the built site `dir`, with its CSS and JS. */
export function pageWeight(dir: string, page: string): PageWeight {
  const htmlText = readFileSync(path.join(dir, page), 'utf8')
  const refs = [...htmlText.matchAll(/<link rel="stylesheet" href="([^"]+)">|<script [^>]*src="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!)
  const files = [page, ...refs.map((ref) => path.posix.normalize(path.posix.join(path.posix.dirname(page), ref)))].map((file) => {
    const bytes = readFileSync(path.join(dir, file))
    return { file, bytes: bytes.length, gzip: gzipSync(bytes).length }
  })
  return { files, bytes: files.reduce((n, f) => n + f.bytes, 0), gzip: files.reduce((n, f) => n + f.gzip, 0) }
}

export function homeWeight(dir: string): PageWeight {
  return pageWeight(dir, 'index.html')
}
