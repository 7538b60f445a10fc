import { defineRule } from '../define-rule.ts'
import { evidenceLinkFault, phaseEn, phaseFr, PRESENT, q, qe, reportMissing, seenField, T, w } from '../kit.ts'

export default defineRule({
  id: 'impact-missing',
  description: "À partir de la construction, la fiche ne donne pas de page d’impact (impact_url), ou en donne une qui n’en est pas une.",
  standards: ['la-page-stats-est-construite-selon-la-matrice-impact'],
  category: 'impact',
  applies: 'construction',
  messages: {
    missing: T(
      w((d) => `Le produit est ${phaseFr(d.phase)}, mais la fiche ne donne pas de page d’impact (impact_url).`, () => 'Décrivez l’impact visé et sa mesure (la matrice impact) sur une page publique et écrivez « impact_url: https://… ».'),
      w((d) => `The product is ${phaseEn(d.phase)}, but the fiche gives no impact page (impact_url).`, () => 'Describe the intended impact and how it is measured (the impact matrix) on a public page and write "impact_url: https://…".'),
    ),
    selfLink: T(
      w((d) => `impact_url renvoie à la fiche elle-même (${q(d.value)}) : ce n’est pas une page d’impact.`, () => 'Publiez l’impact visé et sa mesure sur une page à part et écrivez son adresse dans « impact_url: https://… ».'),
      w((d) => `impact_url points back to the fiche itself (${qe(d.value)}): it is not an impact page.`, () => 'Publish the intended impact and how it is measured on a page of its own and write its address in "impact_url: https://…".'),
    ),
    templateLink: T(
      w((d) => `impact_url mène à une ressource commune du programme (${q(d.value)}), pas à l’impact du produit.`, () => 'Publiez l’impact du produit sur une page à part et écrivez « impact_url: https://… ».'),
      w((d) => `impact_url leads to a shared resource of the programme (${qe(d.value)}), not to the product’s impact.`, () => 'Publish the product’s impact on a page of its own and write "impact_url: https://…".'),
    ),
  },
  seenWords: PRESENT,
  docs: `« Dès la construction », l’équipe dit quel impact elle vise et comment elle le mesure (la matrice
impact). La fiche donne l’adresse de cette page ; une adresse qui renvoie à la fiche elle-même n’en est
pas une ([liens-2](../standards.md#liens-2)).

**Corriger** : \`impact_url: https://exemple.beta.gouv.fr/impact\`.`,
  check(ctx) {
    if (reportMissing(ctx, 'impact_url', 'missing', () => ({ phase: ctx.phase }))) return
    const fault = evidenceLinkFault(ctx.record.data.impact_url, ctx.record.id, ctx.siteUrl)
    if (fault) ctx.report({ messageId: fault === 'self' ? 'selfLink' : 'templateLink', path: '/impact_url', data: { value: ctx.record.data.impact_url } })
  },
  seen: (ctx) => seenField(ctx, 'impact_url'),
})
