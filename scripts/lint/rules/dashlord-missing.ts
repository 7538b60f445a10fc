import { defineRule } from '../define-rule.ts'
import { liveData, liveEn, liveFr, PRESENT, reportMissing, seenField, T, w } from '../kit.ts'

export default defineRule({
  id: 'dashlord-missing',
  description: "Le produit est en ligne mais la fiche ne donne pas son rapport DashLord (dashlord_url).",
  standards: ['le-produit-suit-ses-bonnes-pratiques-sur-dashlord'],
  category: 'transparence',
  applies: 'live',
  messages: {
    missing: T(
      w((d) => `${liveFr(d)}, mais la fiche ne donne pas son rapport DashLord (dashlord_url).`, () => 'Faites ajouter le service au DashLord de l’incubateur, puis écrivez « dashlord_url: https://dashlord.incubateur.net/url/… ».'),
      w((d) => `${liveEn(d)}, but the fiche gives no DashLord report (dashlord_url).`, () => 'Have the service added to the incubator’s DashLord, then write "dashlord_url: https://dashlord.incubateur.net/url/…".'),
    ),
  },
  seenWords: PRESENT,
  docs: `DashLord mesure en continu les bonnes pratiques techniques d’un service en ligne (sécurité, accessibilité,
performance, vie privée). « Dès la mise en ligne », le produit y est suivi et la fiche donne l’adresse
de son rapport.

**Corriger** : \`dashlord_url: https://dashlord.incubateur.net/url/exemple-beta-gouv-fr/\`.`,
  check(ctx) {
    reportMissing(ctx, 'dashlord_url', 'missing', () => liveData(ctx))
  },
  seen: (ctx) => seenField(ctx, 'dashlord_url'),
})
