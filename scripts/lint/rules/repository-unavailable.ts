import { defineRule } from '../define-rule.ts'
import { q, qe, S, T, w } from '../kit.ts'
import { onlineResult, targetsOf, urlOf } from '../online-targets.ts'
import { OUTCOME_EN, OUTCOME_FR } from '../online-words.ts'

export default defineRule({
  id: 'repository-unavailable',
  description: "Le dépôt de code n’existe pas, n’est pas public, n’a pas de licence ou n’a pas d’activité récente (vérification en ligne).",
  standards: ['l-open-source-et-les-communs-numeriques-sont-privilegies'],
  category: 'qualité-logicielle',
  applies: 'active',
  evidence: 'online',
  messages: {
    unavailable: T(
      w((d) => `Le dépôt ${q(d.url)} : ${OUTCOME_FR(d)} (vérifié le ${String(d.checkedAt).slice(0, 10)}).`, (d) => (d.outcome === 'repo-no-licence' ? 'Ajoutez un fichier LICENSE (par exemple MIT, AGPL-3.0, EUPL-1.2) au dépôt.' : d.outcome === 'repo-private' || d.outcome === 'repo-not-found' ? 'Rendez le dépôt public, ou corrigez son adresse.' : 'Vérifiez l’adresse du dépôt ; s’il a été remplacé, donnez le nouveau.')),
      w((d) => `The repository ${qe(d.url)}: ${OUTCOME_EN(d)} (checked on ${String(d.checkedAt).slice(0, 10)}).`, (d) => (d.outcome === 'repo-no-licence' ? 'Add a LICENSE file (for example MIT, AGPL-3.0, EUPL-1.2) to the repository.' : d.outcome === 'repo-private' || d.outcome === 'repo-not-found' ? 'Make the repository public, or correct its address.' : 'Check the repository’s address; if it was replaced, give the new one.')),
    ),
  },
  seenWords: {
    available: S((d) => `Le dépôt ${q(d.url)} était public, sous licence et actif lors de la vérification du ${String(d.checkedAt).slice(0, 10)}.`, (d) => `The repository ${qe(d.url)} was public, licensed and active when checked on ${String(d.checkedAt).slice(0, 10)}.`),
  },
  docs: `Avec \`registry lint --online\` seulement : le dépôt est demandé à la forge (l’API GitHub pour github.com,
HTTP pour les autres). Il doit exister, être public, avoir une licence et une activité récente ; un
dépôt archivé est signalé aussi. Sans vérification en ligne, la règle ne s’applique pas.

**Corriger** : rendez le dépôt public, ajoutez une licence, ou donnez l’adresse du dépôt actif.`,
  targets: (data) => targetsOf(data, 'repository', ['repository']),
  check(ctx) {
    const url = urlOf(ctx.record.data, 'repository')
    const result = onlineResult(ctx.online, 'repository', url)
    if (result && result.outcome !== 'ok') ctx.report({ messageId: 'unavailable', path: '/repository', data: { url, outcome: result.outcome, status: result.status, checkedAt: result.checkedAt } })
  },
  seen(ctx) {
    const url = urlOf(ctx.record.data, 'repository')
    return { messageId: 'available', data: { url, checkedAt: onlineResult(ctx.online, 'repository', url)?.checkedAt } }
  },
})
