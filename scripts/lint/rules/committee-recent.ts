import { defineRule } from '../define-rule.ts'
import { T, w } from '../kit.ts'
import { addMonths, eventDates, phasesOf } from '../phase.ts'

export default defineRule<{ months: number }>({
  id: 'committee-recent',
  description: "Le produit est actif mais la fiche ne mentionne aucun comité d'investissement dans les 6 derniers mois.",
  standards: ['des-comites-d-investissement-sont-organises-regulierement'],
  category: 'équipe',
  applies: 'active',
  options: {
    schema: { months: { type: 'integer', minimum: 1, description: 'Écart maximal entre deux comités, en mois.' } },
    defaults: { months: 6 },
  },
  messages: {
    none: T(
      w((d) => `Aucun comité d'investissement (événement committee) dans les ${d.months} mois avant le ${d.asOf}.`, () => 'Ajoutez le dernier comité aux events (« - name: committee » et « date: AAAA-MM-JJ ») ; s’il date, organisez le prochain.'),
      w((d) => `No investment committee (committee event) in the ${d.months} months before ${d.asOf}.`, () => 'Add the last committee to events ("- name: committee" and "date: YYYY-MM-DD"); if it is old, hold the next one.'),
    ),
  },
  docs: `Les comités d'investissement rythment la vie d'une startup d'État : au moins un tous les 6 mois, ils
décident de la suite et des moyens. La fiche les consigne comme événements \`committee\`. La règle
s'applique aux produits actifs dont la première phase a commencé plus de 6 mois avant la date de
référence (le dernier commit, ou \`--as-of\`).

Option : \`months\` (6).

**Corriger** :

\`\`\`yaml
events:
  - name: committee
    date: 2024-06-15
    comment: Passage en accélération
\`\`\``,
  check(ctx) {
    const asOf = ctx.asOf
    if (asOf === undefined) return
    const first = phasesOf(ctx.record.data)[0]
    const since = addMonths(asOf, -ctx.options.months)
    if (!first || first.start > since) return
    if (eventDates(ctx.record.data, 'committee').some((d) => d > since && d <= asOf)) return
    const hasEvents = Array.isArray(ctx.record.data.events)
    ctx.report({ messageId: 'none', path: '/events', target: 'key', data: { months: ctx.options.months, asOf, hasEvents } })
  },
})
