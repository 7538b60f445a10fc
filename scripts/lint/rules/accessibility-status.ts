import { defineRule } from '../define-rule.ts'
import { liveData, liveEn, liveFr, phaseEn, phaseFr, q, qe, reportMissing, S, T, w } from '../kit.ts'

/** From consolidation on, the programme expects an audit to have been made (« avant la sortie d’accélération »). */
const AUDIT_EXPECTED: ReadonlySet<string> = new Set(['consolidation', 'opere'])

/** The levels an audit gives, as lines to write: the hints offer them literally. */
const AUDITED = '« accessibility_status: partiellement conforme » ou « accessibility_status: totalement conforme »'
const AUDITED_EN = '"accessibility_status: partiellement conforme" or "accessibility_status: totalement conforme"'

export default defineRule({
  id: 'accessibility-status',
  description: "Le produit est en ligne sans déclarer son niveau de conformité d’accessibilité, ou se déclare « non conforme » après l’accélération, quand un audit est attendu.",
  standards: ['le-produit-respecte-ses-obligations-declaratives'],
  category: 'accessibilité',
  applies: 'live',
  messages: {
    missing: T(
      w(
        (d) => `${liveFr(d)}, mais la fiche ne déclare pas son niveau de conformité d’accessibilité (accessibility_status).`,
        (d) =>
          d.audit
            ? `Écrivez le niveau que donne l’audit d’accessibilité du service : ${AUDITED}, comme sur sa page d’accueil.`
            : `Écrivez la mention de la page d’accueil du service : « accessibility_status: non conforme » tant qu’il n’a pas été audité, sinon le niveau que donne l’audit (${AUDITED}).`,
      ),
      w(
        (d) => `${liveEn(d)}, but the fiche does not state its accessibility conformance (accessibility_status).`,
        (d) =>
          d.audit
            ? `Write the level the service’s accessibility audit gives: ${AUDITED_EN}, as on its home page.`
            : `Write the statement of the service’s home page: "accessibility_status: non conforme" while it has not been audited, otherwise the level the audit gives (${AUDITED_EN}).`,
      ),
    ),
    declaredNonConforme: T(
      w(
        (d) => `La fiche déclare « non conforme » alors que le produit est ${phaseFr(d.phase)} : le programme attend un audit d’accessibilité avant la sortie d’accélération.`,
        () => `Faites auditer le service, puis écrivez le niveau que donne l’audit : ${AUDITED} ; si l’audit conclut à « non conforme », gardez la valeur et exemptez la fiche de cette règle (standards_exemptions, raison accepted-risk) en citant le plan d’action.`,
      ),
      w(
        (d) => `The fiche declares "non conforme" while the product is ${phaseEn(d.phase)}: the programme expects an accessibility audit before the end of acceleration.`,
        () => `Have the service audited, then write the level the audit gives: ${AUDITED_EN}; if the audit concludes "non conforme", keep the value and exempt the fiche from this rule (standards_exemptions, reason accepted-risk), quoting the action plan.`,
      ),
    ),
  },
  seenWords: {
    declared: S((d) => `La fiche déclare le niveau de conformité ${q(d.value)}.`, (d) => `The fiche states the conformance level ${qe(d.value)}.`),
    unaudited: S(() => 'La fiche déclare « non conforme » : la déclaration attendue tant que le service n’a pas été audité.', () => 'The fiche declares "non conforme": the statement expected while the service has not been audited.'),
  },
  docs: `Dès la mise en ligne, un service public affiche son état de conformité au RGAA et publie une déclaration
d’accessibilité (obligation légale, sanctionnée). La fiche reprend ce niveau dans \`accessibility_status\`.
La règle signale son absence ([a11y-1](../standards.md#a11y-1)). « non conforme » est la déclaration
attendue d’un service qui n’a pas encore été audité : en construction et en accélération, elle
satisfait l’obligation ([a11y-2](../standards.md#a11y-2)). À partir de la consolidation, le programme
attend un audit (« avant la sortie d’accélération ») : « non conforme » y est signalé
([a11y-3](../standards.md#a11y-3)). Les corrections proposées, appliquées telles quelles, ne font jamais
réapparaître la règle ([a11y-4](../standards.md#a11y-4)).

**Corriger** : \`accessibility_status: non conforme\` avant l’audit, puis le niveau qu’il donne
(\`partiellement conforme\`, \`totalement conforme\`).`,
  check(ctx) {
    const audit = ctx.phase !== undefined && AUDIT_EXPECTED.has(ctx.phase)
    if (reportMissing(ctx, 'accessibility_status', 'missing', () => ({ ...liveData(ctx), audit }))) return
    if (audit && ctx.record.data.accessibility_status === 'non conforme') ctx.report({ messageId: 'declaredNonConforme', path: '/accessibility_status', data: { phase: ctx.phase } })
  },
  seen: (ctx) => (ctx.record.data.accessibility_status === 'non conforme' ? { messageId: 'unaudited' } : { messageId: 'declared', data: { value: ctx.record.data.accessibility_status } }),
})
