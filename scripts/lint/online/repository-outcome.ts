/**
 * From what a forge said about a repository to one outcome. Pure, so that a
 * cached answer is judged again with today's date and today's activity window.
 */
import type { OnlineOutcome, OnlineResult } from './types.ts'

export type RepositoryFacts = NonNullable<OnlineResult['repository']>

const DAY_MS = 86_400_000

/**
 * The most serious finding first: private, archived, no licence, inactive.
 * Facts the forge did not give (`undefined`) are not held against the repository.
 */
export function repositoryOutcome(facts: RepositoryFacts, nowMs: number, activityWindowDays: number): OnlineOutcome {
  if (facts.public === false) return 'repo-private'
  if (facts.archived === true) return 'repo-archived'
  if (facts.licence === null) return 'repo-no-licence'
  if (facts.pushedAt === null) return 'repo-inactive' // never pushed: an empty repository
  if (typeof facts.pushedAt === 'string') {
    const pushed = Date.parse(facts.pushedAt)
    if (Number.isFinite(pushed) && nowMs - pushed > activityWindowDays * DAY_MS) return 'repo-inactive'
  }
  return 'ok'
}
