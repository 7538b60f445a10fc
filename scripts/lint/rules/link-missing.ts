import { defineRule } from '../define-rule.ts'
import { reportMissing, T, w } from '../kit.ts'

export default defineRule({
  id: 'link-missing',
  description: "Le produit est en ligne mais la fiche ne donne pas l'adresse du service (link).",
  standards: ['le-produit-a-une-fiche-a-jour-sur-le-site-beta-gouv-fr'],
  category: 'transparence',
  applies: 'live',
  messages: {
    missing: T(
      w(() => "Le produit est en ligne, mais la fiche ne donne pas l'adresse du service (link).", () => 'Écrivez « link: https://… », l’adresse publique du service.'),
      w(() => 'The product is live, but the fiche does not give the service’s address (link).', () => 'Write "link: https://…", the service’s public address.'),
    ),
  },
  docs: `« Dès la mise en ligne », la fiche donne l'adresse du service : c'est le premier lien que cherchent
usagers et partenaires. La règle s'applique à partir de l'accélération, et en construction dès qu'un
événement \`product_launch\` daté de la construction est passé (une fiche en construction sans lien ni lancement n'est pas
considérée comme en ligne). \`link: ''\` compte comme absent.

**Corriger** : \`link: https://exemple.beta.gouv.fr\`.`,
  check(ctx) {
    reportMissing(ctx, 'link')
  },
})
