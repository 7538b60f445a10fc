import { defineRule } from '../define-rule.ts'
import { S, T, w } from '../kit.ts'

export default defineRule({
  id: 'mon-service-securise',
  description: "À la fin de la construction, le produit n’est pas inscrit sur MonServiceSécurisé.",
  standards: ['l-equipe-a-etabli-un-plan-d-action-visant-l-homologation-de-son-service'],
  category: 'sécurité',
  applies: 'acceleration',
  messages: {
    missing: T(
      w(() => "Le produit a passé la construction mais la fiche ne dit pas s’il est inscrit sur MonServiceSécurisé (mon_service_securise).", () => 'Inscrivez le service sur MonServiceSécurisé (ANSSI) et écrivez « mon_service_securise: true ».'),
      w(() => 'The product is past construction but the fiche does not say whether it is registered on MonServiceSécurisé (mon_service_securise).', () => 'Register the service on MonServiceSécurisé (ANSSI) and write "mon_service_securise: true".'),
    ),
    false: T(
      w(() => "Le produit a passé la construction mais n’est pas inscrit sur MonServiceSécurisé.", () => 'Inscrivez le service sur MonServiceSécurisé (ANSSI) pour préparer son homologation, puis écrivez « mon_service_securise: true ».'),
      w(() => 'The product is past construction but is not registered on MonServiceSécurisé.', () => 'Register the service on MonServiceSécurisé (ANSSI) to prepare its security accreditation, then write "mon_service_securise: true".'),
    ),
  },
  seenWords: {
    registered: S(() => 'La fiche indique « mon_service_securise: true ».', () => 'The fiche says "mon_service_securise: true".'),
  },
  docs: `Un service public en ligne doit être homologué ; MonServiceSécurisé (ANSSI) guide l’équipe vers cette
homologation. Le programme l’attend « en fin de construction » : la règle s’applique à partir de
l’accélération (la fin de construction n’a pas de date dans une fiche).

**Corriger** : \`mon_service_securise: true\` une fois le service inscrit.`,
  check(ctx) {
    const v = ctx.record.data.mon_service_securise
    if (v === undefined || v === null) ctx.report({ messageId: 'missing', path: '/mon_service_securise', target: 'key' })
    else if (v === false) ctx.report({ messageId: 'false', path: '/mon_service_securise' })
  },
  seen: () => ({ messageId: 'registered' }),
})
