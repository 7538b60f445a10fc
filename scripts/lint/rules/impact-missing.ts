import { defineRule } from '../define-rule.ts'
import { reportMissing, T, w } from '../kit.ts'

export default defineRule({
  id: 'impact-missing',
  description: "À partir de la construction, la fiche ne donne pas de page d'impact (impact_url).",
  standards: ['la-page-stats-est-construite-selon-la-matrice-impact'],
  category: 'impact',
  applies: 'construction',
  messages: {
    missing: T(
      w(() => "Le produit est en construction ou au-delà, mais la fiche ne donne pas de page d'impact (impact_url).", () => 'Décrivez l’impact visé et sa mesure sur une page publique et écrivez « impact_url: https://… ».'),
      w(() => 'The product is in construction or later, but the fiche gives no impact page (impact_url).', () => 'Describe the intended impact and how it is measured on a public page and write "impact_url: https://…".'),
    ),
  },
  docs: `« Dès la construction », l'équipe dit quel impact elle vise et comment elle le mesure (la matrice
impact). La fiche donne l'adresse de cette page.

**Corriger** : \`impact_url: https://exemple.beta.gouv.fr/impact\`.`,
  check(ctx) {
    reportMissing(ctx, 'impact_url')
  },
})
