/**
 * Printing: diagnostics through one of the formatters (stylish, json, github,
 * markdown, sarif), with the catalogue of rules they read. Pure: text in, text
 * out. (The lint's summary per category and the history's change reports are
 * printed by registry/lint.ts's categorySummary and registry/history.ts's
 * formatChanges.)
 */
import type { Diagnostic } from '../report/diagnostic.ts'
import { FORMATTERS, type FormatContext, type FormatName } from '../report/formatters/index.ts'
import type { DocsRepository } from '../report/formatters/formatter.ts'
import type { RegistryConfig } from '../load/config.ts'
import { RULE_CATALOGUE } from '../lint/rule-catalogue.ts'


/**
 * The repository the markdown and SARIF formats link to for the rules' docs: the configuration's
 * `repositoryUrl` (and `repositoryBranch`); else, in GitHub Actions, the repository and commit
 * being checked (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA); else none (no link).
 */
export function docsRepository(config: Pick<RegistryConfig, 'repositoryUrl' | 'repositoryBranch'>, env: Readonly<Record<string, string | undefined>>): DocsRepository | undefined {
  if (config.repositoryUrl) return { url: config.repositoryUrl, ref: config.repositoryBranch || 'main' }
  const server = env.GITHUB_SERVER_URL
  const repo = env.GITHUB_REPOSITORY
  if (server && repo && /^https:\/\/[^\s/]+$/.test(server) && /^[\w.-]+\/[\w.-]+$/.test(repo)) return { url: `${server}/${repo}`, ref: env.GITHUB_SHA && /^[0-9a-f]{40,64}$/.test(env.GITHUB_SHA) ? env.GITHUB_SHA : 'HEAD' }
  return undefined
}

/** `diagnostics` as the format `name` prints them. */
export function format(name: FormatName, diagnostics: readonly Diagnostic[], context: Omit<FormatContext, 'rules'>): string {
  return FORMATTERS[name](diagnostics, { ...context, rules: RULE_CATALOGUE })
}
