import { defineRule } from '../define-rule.ts'
import { isBlank, T, w } from '../kit.ts'

export default defineRule({
  id: 'stats-missing',
  description: "Le produit est en ligne mais n'a pas de page de statistiques (stats_url, ou stats: true avec un lien).",
  standards: ['la-page-stats-est-construite-selon-la-matrice-impact', 'le-produit-a-une-fiche-a-jour-sur-le-site-beta-gouv-fr'],
  category: 'impact',
  applies: 'live',
  messages: {
    missing: T(
      w(() => "Le produit est en ligne mais la fiche ne donne pas de page de statistiques (stats_url).", () => 'Publiez une page /stats et écrivez « stats_url: https://… » (ou « stats: true » si elle est à <link>/stats).'),
      w(() => 'The product is live but the fiche gives no statistics page (stats_url).', () => 'Publish a /stats page and write "stats_url: https://…" (or "stats: true" when it is at <link>/stats).'),
    ),
  },
  docs: `« Dès la mise en ligne », un produit publie ses statistiques d'usage et d'impact sur une page publique
(la page stats, construite selon la matrice impact). La fiche la déclare par \`stats_url\`, ou par
\`stats: true\` quand la page est à \`<link>/stats\` (il faut alors un \`link\`).

**Corriger** : \`stats_url: https://exemple.beta.gouv.fr/stats\`.`,
  check(ctx) {
    const d = ctx.record.data
    if (!isBlank(d.stats_url)) return
    if (d.stats === true && !isBlank(d.link)) return
    ctx.report({ messageId: 'missing', path: d.stats !== undefined ? '/stats' : '/stats_url', target: 'key' })
  },
})
