import { defineRule } from '../define-rule.ts'
import { EXEMPTION_REASONS } from '../exemptions.ts'
import { q, qe, T, w } from '../kit.ts'

export default defineRule({
  id: 'exemption-invalid',
  description: "Une exemption de standard (standards_exemptions) est incomplète, vise une règle inconnue, a expiré ou n’exempte de rien.",
  standards: [],
  category: 'value hygiene',
  applies: 'always',
  messages: {
    noReason: T(
      w(() => "Cette exemption n’a pas de raison (reason).", () => `Ajoutez « reason: » avec une de ces valeurs : ${EXEMPTION_REASONS.join(', ')}.`),
      w(() => 'This exemption has no reason.', () => `Add "reason:" with one of: ${EXEMPTION_REASONS.join(', ')}.`),
    ),
    badReason: T(
      w((d) => `La raison ${q(d.value)} n’est pas permise.`, () => `Raisons permises : ${EXEMPTION_REASONS.join(', ')}.`),
      w((d) => `The reason ${qe(d.value)} is not allowed.`, () => `Allowed reasons: ${EXEMPTION_REASONS.join(', ')}.`),
    ),
    noJustification: T(
      w(() => "Cette exemption n’a pas de justification.", () => 'Ajoutez « justification: » avec une phrase qui explique pourquoi le standard ne peut pas être tenu.'),
      w(() => 'This exemption has no justification.', () => 'Add "justification:" with one sentence explaining why the standard cannot be met.'),
    ),
    unknownRule: T(
      w((d) => `La règle ${q(d.value)} n’existe pas.`, () => 'Écrivez l’identifiant d’une règle de standards (voir docs/standards.md), par exemple repository-missing.'),
      w((d) => `The rule ${qe(d.value)} does not exist.`, () => 'Write the id of a standards rule (see docs/standards.md), for example repository-missing.'),
    ),
    expired: T(
      w((d) => `Cette exemption a expiré le ${d.expires}.`, () => 'Corrigez ce que la règle signale, ou renouvelez l’exemption avec une nouvelle date et une justification à jour.'),
      w((d) => `This exemption expired on ${d.expires}.`, () => 'Fix what the rule reports, or renew the exemption with a new date and an up-to-date justification.'),
    ),
    unused: T(
      w((d) => `L’exemption de ${q(d.rule)} n’exempte de rien : la règle ne signale rien pour cette fiche.`, () => 'Supprimez cette exemption.'),
      w((d) => `The exemption from ${qe(d.rule)} exempts nothing: the rule reports nothing for this fiche.`, () => 'Remove this exemption.'),
    ),
  },
  docs: `Une fiche peut s’exempter d’une règle de standards dans son en-tête, sous \`standards_exemptions\` (une
clé YAML ordinaire, que les outils qui réécrivent le YAML conservent, contrairement aux commentaires) :

\`\`\`yaml
standards_exemptions:
  - rule: repository-missing
    reason: not-applicable
    justification: Le produit est un service de conseil, sans code source.
    expires: 2027-06-30
\`\`\`

\`reason\` est l’une de : \`not-applicable\` (le standard ne s’applique pas à ce produit), \`not-supported\`
(la preuve existe mais le registre ne peut pas la voir), \`remediated\` (corrigé, la fiche suivra),
\`accepted-risk\` (écart assumé et décidé en comité). Les exemptions figurent dans le flux
(bloc \`standards\`). Cette règle signale une exemption sans raison ou avec une raison inconnue, sans
justification, pour une règle inconnue, expirée (après \`expires\`, à la date de référence), ou qui
n’exempte de rien (la règle ne signalerait rien). Une exemption invalide ou expirée n’exempte pas.

**Corriger** : complétez l’exemption, ou supprimez-la.`,
  check(ctx) {
    const list = ctx.record.data.standards_exemptions
    if (!Array.isArray(list)) return
    const ruleIds: ReadonlySet<string> = ctx.shared('rule-ids', () => new Set<string>())
    list.forEach((e, i) => {
      const at = `/standards_exemptions/${i}`
      if (typeof e !== 'object' || e === null) return
      const x = e as Record<string, unknown>
      if (typeof x.rule === 'string' && !ruleIds.has(x.rule)) ctx.report({ messageId: 'unknownRule', path: `${at}/rule`, data: { value: x.rule } })
      if (x.reason === undefined || x.reason === null || x.reason === '') ctx.report({ messageId: 'noReason', path: at, data: {} })
      else if (typeof x.reason !== 'string' || !(EXEMPTION_REASONS as readonly string[]).includes(x.reason)) ctx.report({ messageId: 'badReason', path: `${at}/reason`, data: { value: x.reason } })
      if (typeof x.justification !== 'string' || x.justification.trim() === '') ctx.report({ messageId: 'noJustification', path: at, data: {} })
      if (typeof x.expires === 'string' && ctx.asOf !== undefined && x.expires < ctx.asOf) ctx.report({ messageId: 'expired', path: `${at}/expires`, data: { expires: x.expires } })
    })
  },
})
