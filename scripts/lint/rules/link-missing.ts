import { defineRule } from '../define-rule.ts'
import { liveData, liveEn, liveFr, PRESENT, reportMissing, seenField, T, w } from '../kit.ts'

export default defineRule({
  id: 'link-missing',
  description: "La fiche montre le produit en ligne (accélération ou lancement) mais ne donne pas l’adresse du service (link).",
  standards: ['le-produit-a-une-fiche-a-jour-sur-le-site-beta-gouv-fr'],
  category: 'transparence',
  applies: 'live',
  messages: {
    missing: T(
      w((d) => `${liveFr(d)}, mais la fiche ne donne pas l’adresse du service (link).`, () => 'Écrivez « link: https://… », l’adresse publique du service (avec « is_private_url: true » s’il est réservé aux agents).'),
      w((d) => `${liveEn(d)}, but the fiche does not give the service’s address (link).`, () => 'Write "link: https://…", the service’s public address (with "is_private_url: true" when it is for agents only).'),
    ),
  },
  seenWords: PRESENT,
  docs: `« Dès la mise en ligne », la fiche donne l’adresse du service : c’est le premier lien que cherchent
usagers et partenaires. La règle s’applique à partir de l’accélération, et en construction quand la
fiche indique un lancement (\`product_launch\`) daté après le début de la construction ; un lancement
daté du jour où la construction commence marque le début du projet, pas une mise en ligne
([en-ligne-2](../standards.md#en-ligne-2)). Le message dit ce qui fait tenir le produit
pour en ligne : sa phase ou la date du lancement. \`link: ''\` compte comme absent.

**Corriger** : \`link: https://exemple.beta.gouv.fr\`.`,
  check(ctx) {
    reportMissing(ctx, 'link', 'missing', () => liveData(ctx))
  },
  seen: (ctx) => seenField(ctx, 'link'),
})
