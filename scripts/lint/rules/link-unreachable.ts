import { defineRule } from '../define-rule.ts'
import { q, qe, S, T, w } from '../kit.ts'
import { onlineResult, targetsOf, urlOf } from '../online-targets.ts'
import { OUTCOME_EN, OUTCOME_FR } from '../online-words.ts'

export default defineRule({
  id: 'link-unreachable',
  description: "L’adresse du service (link) ne répond pas (vérification en ligne).",
  standards: ['le-produit-a-une-fiche-a-jour-sur-le-site-beta-gouv-fr'],
  category: 'transparence',
  applies: 'active',
  evidence: 'online',
  messages: {
    unreachable: T(
      w((d) => `L’adresse du service ${q(d.url)} ne répond pas : ${OUTCOME_FR(d)} (vérifié le ${String(d.checkedAt).slice(0, 10)}).`, () => 'Vérifiez l’adresse ; si le service a déménagé, écrivez la nouvelle ; s’il n’est accessible qu’aux agents, écrivez « is_private_url: true ».'),
      w((d) => `The service address ${qe(d.url)} does not answer: ${OUTCOME_EN(d)} (checked on ${String(d.checkedAt).slice(0, 10)}).`, () => 'Check the address; if the service moved, write the new one; if only agents can reach it, write "is_private_url: true".'),
    ),
  },
  seenWords: {
    answers: S((d) => `L’adresse du service ${q(d.url)} répondait lors de la vérification du ${String(d.checkedAt).slice(0, 10)}.`, (d) => `The service’s address ${qe(d.url)} answered when checked on ${String(d.checkedAt).slice(0, 10)}.`),
  },
  docs: `Avec \`registry lint --online\` seulement : l’adresse du service est demandée (HEAD puis GET, redirections
suivies, délai maximal, une nouvelle tentative). Un lien mort, qui expire ou qui mène à une adresse
privée est signalé avec la date de la vérification. Les résultats sont mis en cache ; sans
vérification en ligne, la règle ne s’applique pas et n’apparaît pas dans le flux. Une adresse
réservée aux agents (\`is_private_url: true\`) n’est pas vérifiée.

**Corriger** : l’adresse actuelle du service, ou \`is_private_url: true\`.`,
  targets: (data) => targetsOf(data, 'url', ['link']),
  check(ctx) {
    const url = urlOf(ctx.record.data, 'link')
    const result = onlineResult(ctx.online, 'url', url)
    if (result && result.outcome !== 'ok') ctx.report({ messageId: 'unreachable', path: '/link', data: { url, outcome: result.outcome, status: result.status, checkedAt: result.checkedAt } })
  },
  seen(ctx) {
    const url = urlOf(ctx.record.data, 'link')
    return { messageId: 'answers', data: { url, checkedAt: onlineResult(ctx.online, 'url', url)?.checkedAt } }
  },
})
