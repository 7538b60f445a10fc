/** What the compile stage produces: output paths with their contents, lazily or in memory. */

export type OutputFiles = Map<string, string>
/** A file's content: a string, or chunks produced on demand (large lists). */
export type Content = string | Iterable<string>
/** Output files, produced one at a time as the writer asks for them. */
export type LazyFiles = Iterable<[string, Content]>
/** A file's content that arrives over time (from another thread): only the writer takes it. */
export type StreamedFiles = Iterable<[string, Content | AsyncIterable<string>]>

export function contentToString(content: Content): string {
  return typeof content === 'string' ? content : [...content].join('')
}

/** All the files in memory: for tests and small registries. */
export function materialize(files: LazyFiles): OutputFiles {
  const out: OutputFiles = new Map()
  for (const [path, content] of files) out.set(path, contentToString(content))
  return out
}
