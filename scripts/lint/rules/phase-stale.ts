import type { RuleContext } from '../define-rule.ts'
import { defineRule } from '../define-rule.ts'
import { q, qe, S, T, w } from '../kit.ts'
import { addMonths, phasesOf, type PhaseEntry } from '../phase.ts'

type Options = { investigationMonths: number; constructionMonths: number }

/** The current phase's entry (the latest started on or before the as-of date) and its index in the fiche's list. */
function current(ctx: RuleContext<Options>): { entry: PhaseEntry; index: number; next?: PhaseEntry } | undefined {
  if (ctx.asOf === undefined || ctx.phase === undefined) return undefined
  const phases = phasesOf(ctx.record.data)
  let entry: PhaseEntry | undefined
  let next: PhaseEntry | undefined
  for (const p of phases) {
    if (p.start <= ctx.asOf) {
      if (entry === undefined || p.start >= entry.start) entry = p
    } else if (next === undefined || p.start < next.start) next = p
  }
  if (!entry) return undefined
  return { entry, index: (ctx.record.data.phases as unknown[]).indexOf(entry), ...(next ? { next } : {}) }
}

export default defineRule<Options>({
  id: 'phase-stale',
  description: 'La phase actuelle dure depuis plus longtemps que prévu (investigation plus de 6 mois, construction plus de 2 ans), ou s’est terminée sans phase qui la suive.',
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
      w((d) => `La phase ${q(d.phase)} a commencé le ${d.start} : plus de ${d.months} mois avant le ${d.asOf}, et la fiche n’annonce pas de phase suivante.`, () => 'Si le produit a changé de phase, ajoutez la nouvelle phase (« - name: … » et « start: AAAA-MM-JJ ») ; sinon, ajoutez la phase que le dernier comité a décidée, avec sa date prévue.'),
      w((d) => `The phase ${qe(d.phase)} started on ${d.start}: more than ${d.months} months before ${d.asOf}, and the fiche announces no next phase.`, () => 'If the product changed phase, add the new phase ("- name: …" and "start: YYYY-MM-DD"); otherwise add the phase the last committee decided, with its planned date.'),
    ),
    endedNoSuccessor: T(
      w((d) => `La phase ${q(d.phase)} s’est terminée le ${d.end} et aucune phase ne la suit : la fiche ne dit pas où en est le produit.`, () => 'Ajoutez la phase qui a suivi (« - name: … » et « start: AAAA-MM-JJ »), ou retirez la ligne « end: » si la phase continue.'),
      w((d) => `The phase ${qe(d.phase)} ended on ${d.end} and no phase follows it: the fiche does not say where the product stands.`, () => 'Add the phase that followed ("- name: …" and "start: YYYY-MM-DD"), or remove the "end:" line if the phase goes on.'),
    ),
  },
  seenWords: {
    announced: S((d) => `La phase ${q(d.phase)} a commencé le ${d.start} ; la fiche annonce la suivante (${q(d.next)}) le ${d.nextStart}.`, (d) => `The phase ${qe(d.phase)} started on ${d.start}; the fiche announces the next one (${qe(d.next)}) on ${d.nextStart}.`),
    recent: S((d) => `La phase ${q(d.phase)} a commencé le ${d.start}.`, (d) => `The phase ${qe(d.phase)} started on ${d.start}.`),
    noDate: S(() => 'Sans date de référence, la durée de la phase ne se mesure pas.', () => 'Without a reference date, the phase’s duration cannot be measured.'),
  },
  docs: `Une investigation dure en principe 6 mois au plus et une construction 2 ans au plus : au-delà, la fiche
n’a le plus souvent pas été mise à jour après un comité ([phases-1](../standards.md#phases-1)). Une phase
suivante annoncée (datée après la date de référence) suffit : la fiche dit ce qui vient. Une phase
actuelle qui s’est terminée (\`end\` au plus tard à la date de référence) sans phase qui la suive est
signalée quelle que soit la phase ([phases-2](../standards.md#phases-2)). La date de référence est la
date du dernier commit du registre (ou \`--as-of\`), jamais l’horloge de la machine : un même commit
donne toujours les mêmes avertissements.

Options : \`investigationMonths\` (6), \`constructionMonths\` (24).

**Corriger** : ajoutez la phase en cours ou annoncée, ou retirez une date de fin qui n’en est pas une.`,
  check(ctx) {
    const c = current(ctx)
    if (!c) return
    const { entry, index, next } = c
    if (next) return
    if (typeof entry.end === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(entry.end) && entry.end <= ctx.asOf!) {
      ctx.report({ messageId: 'endedNoSuccessor', path: `/phases/${index}/end`, data: { phase: entry.name, end: entry.end } })
      return
    }
    const months = entry.name === 'investigation' ? ctx.options.investigationMonths : entry.name === 'construction' ? ctx.options.constructionMonths : undefined
    if (months !== undefined && addMonths(entry.start, months) < ctx.asOf!) {
      ctx.report({ messageId: 'stale', path: `/phases/${index}/start`, data: { phase: entry.name, start: entry.start, months, asOf: ctx.asOf } })
    }
  },
  seen(ctx) {
    const c = current(ctx)
    if (!c) return { messageId: 'noDate' }
    return c.next ? { messageId: 'announced', data: { phase: c.entry.name, start: c.entry.start, next: c.next.name, nextStart: c.next.start } } : { messageId: 'recent', data: { phase: c.entry.name, start: c.entry.start } }
  },
})
