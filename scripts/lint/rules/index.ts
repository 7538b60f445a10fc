/** Every standards lint rule, listed explicitly, alphabetically. */
import type { LintRule } from '../define-rule.ts'
import accessibilityStatus from './accessibility-status.ts'
import analyseRisques from './analyse-risques.ts'
import bodySections from './body-sections.ts'
import budgetMissing from './budget-missing.ts'
import committeeRecent from './committee-recent.ts'
import contactMissing from './contact-missing.ts'
import contactPersonal from './contact-personal.ts'
import dashlordMissing from './dashlord-missing.ts'
import exemptionInvalid from './exemption-invalid.ts'
import frontmatterInBody from './frontmatter-in-body.ts'
import impactMissing from './impact-missing.ts'
import linkMissing from './link-missing.ts'
import linkUnreachable from './link-unreachable.ts'
import missionTooLong from './mission-too-long.ts'
import monServiceSecurise from './mon-service-securise.ts'
import pageUnreachable from './page-unreachable.ts'
import phaseStale from './phase-stale.ts'
import phasesMissing from './phases-missing.ts'
import repositoryMissing from './repository-missing.ts'
import repositoryNotForge from './repository-not-forge.ts'
import repositoryUnavailable from './repository-unavailable.ts'
import statsMissing from './stats-missing.ts'
import urlNotHttps from './url-not-https.ts'
import usertypesUnknown from './usertypes-unknown.ts'
import valueBlank from './value-blank.ts'
import valueFormula from './value-formula.ts'
import vocabularyCase from './vocabulary-case.ts'

export const LINT_RULES: readonly LintRule<any>[] = [
  accessibilityStatus,
  analyseRisques,
  bodySections,
  budgetMissing,
  committeeRecent,
  contactMissing,
  contactPersonal,
  dashlordMissing,
  exemptionInvalid,
  frontmatterInBody,
  impactMissing,
  linkMissing,
  linkUnreachable,
  missionTooLong,
  monServiceSecurise,
  pageUnreachable,
  phaseStale,
  phasesMissing,
  repositoryMissing,
  repositoryNotForge,
  repositoryUnavailable,
  statsMissing,
  urlNotHttps,
  usertypesUnknown,
  valueBlank,
  valueFormula,
  vocabularyCase,
]
