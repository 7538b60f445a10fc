import { defineRule } from '../define-rule.ts'
import { q, qe, S, T, w } from '../kit.ts'
import { onlineResult, targetsOf, PAGE_FIELDS, urlOf } from '../online-targets.ts'
import { OUTCOME_EN, OUTCOME_FR } from '../online-words.ts'

export default defineRule({
  id: 'page-unreachable',
  description: 'Une page de transparence (stats, budget, impact, DashLord) ne répond pas (vérification en ligne).',
  standards: ['la-page-stats-est-construite-selon-la-matrice-impact', 'le-produit-communique-sur-son-budget', 'le-produit-suit-ses-bonnes-pratiques-sur-dashlord'],
  category: 'transparence',
  applies: 'active',
  evidence: 'online',
  messages: {
    unreachable: T(
      w((d) => `La page ${d.field} ${q(d.url)} ne répond pas : ${OUTCOME_FR(d)} (vérifié le ${String(d.checkedAt).slice(0, 10)}).`, () => 'Corrigez l’adresse, ou republiez la page.'),
      w((d) => `The page ${d.field} ${qe(d.url)} does not answer: ${OUTCOME_EN(d)} (checked on ${String(d.checkedAt).slice(0, 10)}).`, () => 'Correct the address, or publish the page again.'),
    ),
  },
  seenWords: {
    answer: S((d) => `Les pages ${d.fields} répondaient lors de la vérification du ${String(d.checkedAt).slice(0, 10)}.`, (d) => `The pages ${d.fields} answered when checked on ${String(d.checkedAt).slice(0, 10)}.`),
  },
  docs: `Avec \`registry lint --online\` seulement : \`stats_url\`, \`budget_url\`, \`impact_url\` et \`dashlord_url\`
doivent répondre ; une page déclarée mais morte ne prouve rien. Mêmes vérifications que
[link-unreachable](link-unreachable.md).

**Corriger** : l’adresse actuelle de la page.`,
  targets: (data) => targetsOf(data, 'url', PAGE_FIELDS),
  check(ctx) {
    for (const field of PAGE_FIELDS) {
      const url = urlOf(ctx.record.data, field)
      const result = onlineResult(ctx.online, 'url', url)
      if (result && result.outcome !== 'ok') ctx.report({ messageId: 'unreachable', path: `/${field}`, data: { field, url, outcome: result.outcome, status: result.status, checkedAt: result.checkedAt } })
    }
  },
  seen(ctx) {
    const checked = PAGE_FIELDS.map((field) => [field, onlineResult(ctx.online, 'url', urlOf(ctx.record.data, field))] as const).filter(([, r]) => r !== undefined)
    return { messageId: 'answer', data: { fields: checked.map(([f]) => f).join(', '), checkedAt: checked.map(([, r]) => r!.checkedAt).sort()[0] } }
  },
})
