/** What every formatter is: diagnostics and their context in, text out. */
import type { Diagnostic, Lang, Summary } from '../diagnostic.ts'
import type { RuleCatalogue } from '../messages.ts'

export interface FormatContext {
  summary: Summary
  lang: Lang
  /** File texts, for code frames. */
  texts: ReadonlyMap<string, string>
  color: boolean
  /** Files the change touches: the github formatter annotates them first (GitHub shows only 10 errors and 10 warnings per step). */
  changed?: ReadonlySet<string>
  /** Every rule that may be reported (lint/rule-catalogue.ts): the markdown and SARIF formats link to each rule's documentation and group the standards by category. */
  rules: RuleCatalogue
  /**
   * The repository whose docs/ the markdown and SARIF formats link to (absolute links: a pull
   * request comment or code scanning has no folder to resolve a relative one); no link without it.
   */
  repository?: DocsRepository
}

/** A repository on a forge: `https://github.com/owner/name` and the branch or commit of the docs. */
export interface DocsRepository {
  url: string
  ref: string
}

/** The address of a file of the repository's docs/ folder. */
export function docsLink(repository: DocsRepository, file: string): string {
  return `${repository.url}/blob/${encodeURIComponent(repository.ref).replace(/%2F/g, '/')}/docs/${file}`
}

export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string
