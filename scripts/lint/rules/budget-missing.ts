import { defineRule } from '../define-rule.ts'
import { reportMissing, T, w } from '../kit.ts'

export default defineRule({
  id: 'budget-missing',
  description: "Le produit est en ligne mais la fiche ne donne pas de page de budget (budget_url).",
  standards: ['le-produit-communique-sur-son-budget'],
  category: 'transparence',
  applies: 'live',
  messages: {
    missing: T(
      w(() => "Le produit est en ligne mais la fiche ne donne pas de page de budget (budget_url).", () => 'Publiez le budget du produit (page /budget) et écrivez « budget_url: https://… ».'),
      w(() => 'The product is live but the fiche gives no budget page (budget_url).', () => 'Publish the product’s budget (a /budget page) and write "budget_url: https://…".'),
    ),
  },
  docs: `Un produit financé par de l'argent public communique sur son budget « dès la mise en ligne » : montant,
origine des fonds, dépenses par poste. La fiche donne l'adresse de cette page.

**Corriger** : \`budget_url: https://exemple.beta.gouv.fr/budget\`.`,
  check(ctx) {
    reportMissing(ctx, 'budget_url')
  },
})
