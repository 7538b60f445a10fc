/**
 * The standards files of the feed, from the standards lint's results
 * (lint/standards-report.ts): each startup's `standards` block, and
 * api/v1/standards.json and api/v1/evaluations.json with the feed's
 * api_version (and $schema), all tagged with the version of the rule set
 * that made them (lint/rules-version.ts).
 */
import { standardsRulesVersion } from '../lint/rules-version.ts'
import type { LintSettings, RecordOutcome } from '../lint/run-rules.ts'
import type { Lang } from '../report/diagnostic.ts'
import { standardsAggregate, standardsBlock, startupEvaluations } from '../lint/standards-report.ts'
import { API_VERSION, schemaUrl } from './feed-schema.ts'

/**
 * What build-feed needs: a block per startup id, the aggregate and the evaluations, with the version
 * of the rules that made them. The records come from runRules with `explain` (each check's
 * explanation says what it saw); `lang` is the explanations' language.
 */
export function feedStandards(records: readonly RecordOutcome[], asOf: string | undefined, config: LintSettings['config'], online = false, lang: Lang = 'fr') {
  const rulesVersion = standardsRulesVersion(config)
  const blocks = new Map<string, unknown>()
  for (const r of records) if (r.record.collection === 'startups') blocks.set(r.record.id, standardsBlock(r, asOf, rulesVersion, lang))
  return {
    blocks,
    aggregate: { api_version: API_VERSION, ...standardsAggregate(records, asOf, online, rulesVersion) },
    evaluations: (siteUrl: string) => ({ $schema: schemaUrl(siteUrl, 'evaluations'), api_version: API_VERSION, ...startupEvaluations(records, asOf, rulesVersion) }),
  }
}
