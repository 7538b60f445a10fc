import { defineRule } from '../define-rule.ts'
import { evidenceLinkFault, isBlank, liveData, liveEn, liveFr, q, qe, S, T, w } from '../kit.ts'

export default defineRule({
  id: 'stats-missing',
  description: "Le produit est en ligne mais n’a pas de page de statistiques (stats_url, ou stats: true avec un lien), ou en donne une qui n’en est pas une.",
  standards: ['la-page-stats-est-construite-selon-la-matrice-impact', 'le-produit-a-une-fiche-a-jour-sur-le-site-beta-gouv-fr'],
  category: 'impact',
  applies: 'live',
  messages: {
    missing: T(
      w((d) => `${liveFr(d)}, mais la fiche ne donne pas de page de statistiques (stats_url).`, () => 'Publiez une page /stats et écrivez « stats_url: https://… » (ou « stats: true » si elle est à <link>/stats).'),
      w((d) => `${liveEn(d)}, but the fiche gives no statistics page (stats_url).`, () => 'Publish a /stats page and write "stats_url: https://…" (or "stats: true" when it is at <link>/stats).'),
    ),
    selfLink: T(
      w((d) => `stats_url renvoie à la fiche elle-même (${q(d.value)}) : ce n’est pas une page de statistiques.`, () => 'Publiez les statistiques sur une page du service (/stats) et écrivez son adresse dans « stats_url: https://… ».'),
      w((d) => `stats_url points back to the fiche itself (${qe(d.value)}): it is not a statistics page.`, () => 'Publish the statistics on a page of the service (/stats) and write its address in "stats_url: https://…".'),
    ),
    templateLink: T(
      w((d) => `stats_url mène à une ressource commune du programme (${q(d.value)}), pas aux statistiques du produit.`, () => 'Publiez les statistiques du produit sur une page /stats et écrivez « stats_url: https://… ».'),
      w((d) => `stats_url leads to a shared resource of the programme (${qe(d.value)}), not to the product’s statistics.`, () => 'Publish the product’s statistics on a /stats page and write "stats_url: https://…".'),
    ),
  },
  seenWords: {
    url: S((d) => `La fiche donne stats_url : ${q(d.value)}.`, (d) => `The fiche gives stats_url: ${qe(d.value)}.`),
    atLink: S((d) => `La fiche indique « stats: true » : la page est à ${q(d.value)}.`, (d) => `The fiche says "stats: true": the page is at ${qe(d.value)}.`),
  },
  docs: `« Dès la mise en ligne », un produit publie ses statistiques d’usage et d’impact sur une page publique
(la page stats, construite selon la matrice impact). La fiche la déclare par \`stats_url\`, ou par
\`stats: true\` quand la page est à \`<link>/stats\` (il faut alors un \`link\`). Une adresse qui renvoie à la
fiche elle-même (\`https://beta.gouv.fr/startups/<id>.html\`) n’est pas une page de statistiques
([liens-2](../standards.md#liens-2)).

**Corriger** : \`stats_url: https://exemple.beta.gouv.fr/stats\`.`,
  check(ctx) {
    const d = ctx.record.data
    if (!isBlank(d.stats_url)) {
      const fault = evidenceLinkFault(d.stats_url, ctx.record.id, ctx.siteUrl)
      if (fault) ctx.report({ messageId: fault === 'self' ? 'selfLink' : 'templateLink', path: '/stats_url', data: { value: d.stats_url } })
      return
    }
    if (d.stats === true && !isBlank(d.link)) return
    ctx.report({ messageId: 'missing', path: d.stats !== undefined ? '/stats' : '/stats_url', target: 'key', data: liveData(ctx) })
  },
  seen(ctx) {
    const d = ctx.record.data
    if (!isBlank(d.stats_url)) return { messageId: 'url', data: { value: d.stats_url } }
    return { messageId: 'atLink', data: { value: `${String(d.link).trim().replace(/\/+$/, '')}/stats` } }
  },
})
