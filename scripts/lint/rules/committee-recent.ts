import type { RuleContext, Seen } from '../define-rule.ts'
import { defineRule } from '../define-rule.ts'
import { phaseEn, phaseFr, q, qe, S, T, w } from '../kit.ts'
import { addMonths, phasesOf } from '../phase.ts'

/** A comment that says the event was a committee: « Réunion du comité stratégique », « COPIL »… */
const COMMITTEE_WORDS = /comit[ée]|copil/i

interface Events {
  /** The latest evidence of a committee in the window, if any. */
  inWindow?: Seen
  /** The date of the latest committee event the fiche gives, in the window or not. */
  last?: string
}

/** The evidence of a committee between `since` (excluded) and `asOf` ([comite-1], [comite-2]). */
function committeeEvidence(data: Record<string, unknown>, since: string, asOf: string): Events {
  const out: Events = {}
  let best = ''
  const consider = (date: string, seen: Seen) => {
    if (date > since && date <= asOf && date >= best) {
      best = date
      out.inWindow = seen
    }
  }
  if (Array.isArray(data.events)) {
    for (const e of data.events) {
      if (typeof e !== 'object' || e === null) continue
      const { name, date, comment } = e as Record<string, unknown>
      if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) continue
      if (name === 'committee') {
        if (date <= asOf && (out.last === undefined || date > out.last)) out.last = date
        consider(date, { messageId: 'committee', data: { date } })
      } else if (typeof comment === 'string' && COMMITTEE_WORDS.test(comment)) {
        consider(date, { messageId: 'namedCommittee', data: { date, comment: comment.trim() } })
      }
    }
  }
  const phases = phasesOf(data)
  for (let i = 1; i < phases.length; i++) consider(phases[i]!.start, { messageId: 'phaseChange', data: { date: phases[i]!.start, phase: phases[i]!.name } })
  return out
}

type Options = { months: number }

/** The first phase's start and the window's start, when the rule asks for a committee; undefined otherwise. */
function window(ctx: RuleContext<Options>): { since: string; asOf: string; first: string } | undefined {
  const asOf = ctx.asOf
  const first = phasesOf(ctx.record.data)[0]
  if (asOf === undefined || !first) return undefined
  const since = addMonths(asOf, -ctx.options.months)
  return first.start > since ? undefined : { since, asOf, first: first.start }
}

export default defineRule<Options>({
  id: 'committee-recent',
  description: "Pendant l’incubation, la fiche ne montre ni comité d’investissement ni changement de phase dans les 6 derniers mois.",
  standards: ['des-comites-d-investissement-sont-organises-regulierement'],
  category: 'équipe',
  applies: 'incubation',
  options: {
    schema: { months: { type: 'integer', minimum: 1, description: 'Écart maximal entre deux comités, en mois.' } },
    defaults: { months: 6 },
  },
  messages: {
    none: T(
      w(
        (d) => `La fiche ne montre ni comité d’investissement ni changement de phase entre le ${d.since} et le ${d.asOf} ; ${d.last ? `le dernier comité indiqué date du ${d.last}` : "elle n’indique aucun comité"}.`,
        () => 'Ajoutez le dernier comité aux events (une entrée « - name: committee » avec « date: AAAA-MM-JJ » et, en « comment: », ce qu’il a décidé) ; s’il date de plus de 6 mois, organisez le prochain.',
      ),
      w(
        (d) => `The fiche shows neither an investment committee nor a phase change between ${d.since} and ${d.asOf}; ${d.last ? `the last committee it gives was on ${d.last}` : 'it gives no committee'}.`,
        () => 'Add the last committee to events (an entry "- name: committee" with "date: YYYY-MM-DD" and, as "comment:", what it decided); if it is more than 6 months old, hold the next one.',
      ),
    ),
  },
  seenWords: {
    committee: S((d) => `Un comité d’investissement le ${d.date}.`, (d) => `An investment committee on ${d.date}.`),
    namedCommittee: S((d) => `Un événement du ${d.date} dit un comité : ${q(d.comment)}.`, (d) => `An event on ${d.date} names a committee: ${qe(d.comment)}.`),
    phaseChange: S((d) => `Le produit est passé ${phaseFr(d.phase)} le ${d.date}, une décision de comité.`, (d) => `The product moved to ${d.phase} on ${d.date}, a committee’s decision.`),
    young: S((d) => `La première phase a commencé le ${d.first}, il y a moins de ${d.months} mois : pas encore de comité attendu.`, (d) => `The first phase started on ${d.first}, less than ${d.months} months ago: no committee expected yet.`),
    noDate: S(() => 'Sans date de référence ni phases datées, la durée depuis le dernier comité ne se mesure pas.', () => 'Without a reference date or dated phases, the time since the last committee cannot be measured.'),
  },
  docs: `Les comités d’investissement rythment la vie d’une startup d’État : au moins un tous les 6 mois, ils
décident de la suite et des moyens. La preuve d’un comité dans les 6 mois avant la date de référence
(le dernier commit, ou \`--as-of\`) est ([comite-1](../standards.md#comite-1), [comite-2](../standards.md#comite-2)) :

- un événement \`committee\` daté dans ces 6 mois ;
- un autre événement de ces 6 mois dont le commentaire dit un comité (« Réunion du comité
  stratégique », « COPIL ») ;
- le début d’une phase (autre que la première) dans ces 6 mois : un changement de phase est décidé en
  comité.

La règle s’applique pendant l’incubation (investigation, construction, accélération, consolidation),
quand la première phase a commencé plus de 6 mois avant la date de référence ; pas à un produit
\`opere\`, sorti de l’incubation ([comite-3](../standards.md#comite-3)).

Option : \`months\` (6).

**Corriger** :

\`\`\`yaml
events:
  - name: committee
    date: 2024-06-15
    comment: Passage en accélération
\`\`\``,
  check(ctx) {
    const win = window(ctx)
    if (!win) return
    const events = committeeEvidence(ctx.record.data, win.since, win.asOf)
    if (events.inWindow) return
    ctx.report({ messageId: 'none', path: '/events', target: 'key', data: { months: ctx.options.months, since: win.since, asOf: win.asOf, ...(events.last ? { last: events.last } : {}) } })
  },
  seen(ctx) {
    const win = window(ctx)
    if (win) return committeeEvidence(ctx.record.data, win.since, win.asOf).inWindow!
    const first = phasesOf(ctx.record.data)[0]
    return ctx.asOf === undefined || !first ? { messageId: 'noDate' } : { messageId: 'young', data: { first: first.start, months: ctx.options.months } }
  },
})
