import { defineRule } from '../define-rule.ts'
import { evidenceLinkFault, liveData, liveEn, liveFr, PRESENT, q, qe, reportMissing, S, seenField, T, w } from '../kit.ts'

export default defineRule({
  id: 'budget-missing',
  description: "Le produit est en ligne mais la fiche ne donne pas de page de budget (budget_url), ou en donne une qui n’en est pas une.",
  standards: ['le-produit-communique-sur-son-budget'],
  category: 'transparence',
  applies: 'live',
  messages: {
    missing: T(
      w((d) => `${liveFr(d)}, mais la fiche ne donne pas de page de budget (budget_url).`, () => 'Publiez le budget du produit (une page /budget, ou sa ligne dans le Grist commun des budgets) et écrivez « budget_url: https://… ».'),
      w((d) => `${liveEn(d)}, but the fiche gives no budget page (budget_url).`, () => 'Publish the product’s budget (a /budget page, or its row in the shared Grist of budgets) and write "budget_url: https://…".'),
    ),
    selfLink: T(
      w((d) => `budget_url renvoie à la fiche elle-même (${q(d.value)}) : ce n’est pas une publication du budget.`, () => 'Publiez le budget sur une page à part (une page /budget du service, ou sa ligne dans le Grist commun) et écrivez son adresse dans « budget_url: https://… ».'),
      w((d) => `budget_url points back to the fiche itself (${qe(d.value)}): it is not a budget publication.`, () => 'Publish the budget on a page of its own (a /budget page of the service, or its row in the shared Grist) and write its address in "budget_url: https://…".'),
    ),
    templateLink: T(
      w((d) => `budget_url mène au modèle commun du programme (${q(d.value)}), pas au budget du produit.`, () => 'Saisissez le budget du produit dans le Grist commun et donnez l’adresse de sa ligne ou de sa page (« budget_url: https://grist.numerique.gouv.fr/…/p/4#… »), ou celle de la page /budget du service.'),
      w((d) => `budget_url leads to the programme’s shared template (${qe(d.value)}), not to the product’s budget.`, () => 'Enter the product’s budget in the shared Grist and give the address of its row or page ("budget_url: https://grist.numerique.gouv.fr/…/p/4#…"), or that of the service’s /budget page.'),
    ),
  },
  seenWords: PRESENT,
  docs: `Un produit financé par de l’argent public communique sur son budget « dès la mise en ligne » : montant,
origine des fonds, dépenses par poste. La fiche donne l’adresse de cette publication. Une adresse qui
renvoie à la fiche elle-même (\`https://beta.gouv.fr/startups/<id>.html#budget\`), ou au document Grist
commun tel que le catalogue le donne en ressource (sans la page ou la ligne du produit), n’est pas une
publication du budget du produit ([liens-2](../standards.md#liens-2), [liens-3](../standards.md#liens-3)) ;
une page de l’incubateur qui réunit les budgets de ses produits en est une.

**Corriger** : \`budget_url: https://exemple.beta.gouv.fr/budget\`.`,
  check(ctx) {
    if (reportMissing(ctx, 'budget_url', 'missing', () => liveData(ctx))) return
    const fault = evidenceLinkFault(ctx.record.data.budget_url, ctx.record.id, ctx.siteUrl)
    if (fault) ctx.report({ messageId: fault === 'self' ? 'selfLink' : 'templateLink', path: '/budget_url', data: { value: ctx.record.data.budget_url } })
  },
  seen: (ctx) => seenField(ctx, 'budget_url'),
})
