import { defineRule } from '../define-rule.ts'
import { reportMissing, T, w } from '../kit.ts'

export default defineRule({
  id: 'accessibility-status',
  description: "Le produit est en ligne sans déclarer son niveau de conformité d'accessibilité, ou se déclare non conforme.",
  standards: ['le-produit-respecte-ses-obligations-declaratives'],
  category: 'accessibilité',
  applies: 'live',
  messages: {
    missing: T(
      w(() => "Le produit est en ligne mais la fiche ne déclare pas son niveau de conformité d'accessibilité (accessibility_status).", () => 'Écrivez « accessibility_status: non conforme » (ou partiellement / totalement conforme), comme dans la déclaration d’accessibilité du service.'),
      w(() => 'The product is live but the fiche does not state its accessibility conformance (accessibility_status).', () => 'Write "accessibility_status: non conforme" (or partiellement / totalement conforme), as in the service’s accessibility statement.'),
    ),
    nonConforme: T(
      w(() => "Le produit est en ligne et se déclare « non conforme » au RGAA.", () => 'Planifiez un audit et publiez un plan d’action ; mettez à jour accessibility_status après l’audit.'),
      w(() => 'The product is live and declares itself "non conforme" (not compliant with the RGAA).', () => 'Plan an audit and publish an action plan; update accessibility_status after the audit.'),
    ),
  },
  docs: `Dès la mise en ligne, un service public affiche son état de conformité au RGAA et publie une déclaration
d'accessibilité (obligation légale, sanctionnée). La fiche reprend ce niveau dans \`accessibility_status\`.
La règle signale son absence, et un service actif qui se déclare \`non conforme\` (le standard attend un
plan d'action, puis un audit avant la sortie d'accélération).

**Corriger** : \`accessibility_status: partiellement conforme\` (la valeur de la déclaration).`,
  check(ctx) {
    if (reportMissing(ctx, 'accessibility_status')) return
    if (ctx.record.data.accessibility_status === 'non conforme') ctx.report({ messageId: 'nonConforme', path: '/accessibility_status' })
  },
})
