import { defineRule } from '../define-rule.ts'
import { q, qe, T, w } from '../kit.ts'
import { addMonths, phasesOf } from '../phase.ts'

export default defineRule<{ investigationMonths: number; constructionMonths: number }>({
  id: 'phase-stale',
  description: 'La phase actuelle dure depuis plus longtemps que prévu (investigation plus de 6 mois, construction plus de 2 ans).',
  standards: ['le-produit-a-une-fiche-a-jour-sur-le-site-beta-gouv-fr'],
  category: 'transparence',
  applies: 'active',
  options: {
    schema: {
      investigationMonths: { type: 'integer', minimum: 1, description: 'Durée maximale d’une investigation, en mois.' },
      constructionMonths: { type: 'integer', minimum: 1, description: 'Durée maximale d’une construction, en mois.' },
    },
    defaults: { investigationMonths: 6, constructionMonths: 24 },
  },
  messages: {
    stale: T(
      w((d) => `La phase ${q(d.phase)} a commencé le ${d.start} : plus de ${d.months} mois avant le ${d.asOf}.`, () => 'Si le produit a changé de phase, ajoutez la nouvelle phase (name, start) ; sinon, mettez la fiche à jour après le prochain comité.'),
      w((d) => `The phase ${qe(d.phase)} started on ${d.start}: more than ${d.months} months before ${d.asOf}.`, () => 'If the product changed phase, add the new phase (name, start); otherwise update the fiche after the next committee.'),
    ),
  },
  docs: `Une investigation dure en principe 6 mois au plus et une construction 2 ans au plus : au-delà, la fiche
n'a le plus souvent pas été mise à jour après un comité. La date de référence est la date du dernier
commit du registre (ou \`--as-of\`), jamais l'horloge de la machine : un même commit donne toujours les
mêmes avertissements.

Options : \`investigationMonths\` (6), \`constructionMonths\` (24).

**Corriger** : ajoutez la phase en cours, ou mettez la fiche à jour.`,
  check(ctx) {
    if (ctx.asOf === undefined || ctx.phase === undefined) return
    const months = ctx.phase === 'investigation' ? ctx.options.investigationMonths : ctx.phase === 'construction' ? ctx.options.constructionMonths : undefined
    if (months === undefined) return
    const phases = phasesOf(ctx.record.data)
    let index = -1
    phases.forEach((p, i) => {
      if (p.name === ctx.phase && p.start <= ctx.asOf!) index = i
    })
    const current = phases[index]
    if (!current) return
    if (addMonths(current.start, months) < ctx.asOf) {
      const i = (ctx.record.data.phases as unknown[]).indexOf(current)
      ctx.report({ messageId: 'stale', path: `/phases/${i}/start`, data: { phase: current.name, start: current.start, months, asOf: ctx.asOf } })
    }
  },
})
