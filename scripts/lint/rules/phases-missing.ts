import { defineRule } from '../define-rule.ts'
import { phaseEn, phaseFr, S, T, w } from '../kit.ts'

export default defineRule({
  id: 'phases-missing',
  description: "La fiche n’a pas de phases : sa phase actuelle est inconnue.",
  standards: ['le-produit-a-une-fiche-a-jour-sur-le-site-beta-gouv-fr'],
  category: 'transparence',
  applies: 'always',
  validate: true,
  messages: {
    missing: T(
      w(() => "La fiche n’a pas de phases : sa phase actuelle est inconnue.", () => 'Ajoutez « phases: » puis une ligne « - name: investigation » et « start: AAAA-MM-JJ » par phase, de la plus ancienne à la plus récente.'),
      w(() => 'The fiche has no phases: its current phase is unknown.', () => 'Add "phases:" then one "- name: investigation" and "start: YYYY-MM-DD" per phase, oldest first.'),
    ),
  },
  seenWords: {
    phase: S((d) => (d.phase ? `La fiche donne ses phases ; le produit est ${phaseFr(d.phase)} à la date de référence.` : 'La fiche donne ses phases ; aucune n’a encore commencé à la date de référence.'), (d) => (d.phase ? `The fiche gives its phases; the product is ${phaseEn(d.phase)} as of the reference date.` : 'The fiche gives its phases; none has started yet as of the reference date.')),
  },
  docs: `La phase (investigation, construction, accélération…) dit où en est le produit ; la plupart des
standards en dépendent (« dès la construction », « dès la mise en ligne »…). Sans phases, la fiche reste
valide et compilée, mais le flux n’a pas de \`current_phase\` pour elle et seules les règles qui
s’appliquent à toute phase la concernent.

**Corriger** :

\`\`\`yaml
phases:
  - name: investigation
    start: 2024-01-15
\`\`\``,
  check(ctx) {
    const v = ctx.record.data.phases
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) ctx.report({ messageId: 'missing', path: '/phases', target: 'key' })
  },
  seen: (ctx) => ({ messageId: 'phase', data: { phase: ctx.phase } }),
})
