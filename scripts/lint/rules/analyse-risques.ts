import { defineRule } from '../define-rule.ts'
import { q, qe, S, T, w } from '../kit.ts'

export default defineRule({
  id: 'analyse-risques',
  description: "Pendant l’accélération, la fiche ne fait pas état d’une analyse de risques de sécurité.",
  standards: ['l-equipe-identifie-et-maitrise-les-risques-cyber-de-son-service'],
  category: 'sécurité',
  applies: 'acceleration',
  messages: {
    missing: T(
      w(() => "Le produit est en accélération ou au-delà, mais la fiche ne fait pas état d’une analyse de risques (analyse_risques).", () => 'Menez une analyse de risques (atelier proposé par le programme) et écrivez « analyse_risques: true », avec analyse_risques_url si elle est publiée.'),
      w(() => 'The product is in acceleration or later, but the fiche shows no risk analysis (analyse_risques).', () => 'Run a risk analysis (the programme offers a workshop) and write "analyse_risques: true", with analyse_risques_url when it is published.'),
    ),
    false: T(
      w(() => "Le produit est en accélération ou au-delà et n’a pas mené d’analyse de risques.", () => 'Menez une analyse de risques, puis écrivez « analyse_risques: true ».'),
      w(() => 'The product is in acceleration or later and has not run a risk analysis.', () => 'Run a risk analysis, then write "analyse_risques: true".'),
    ),
  },
  seenWords: {
    done: S(() => 'La fiche indique « analyse_risques: true ».', () => 'The fiche says "analyse_risques: true".'),
    url: S((d) => `La fiche donne l’adresse de l’analyse de risques : ${q(d.value)}.`, (d) => `The fiche gives the risk analysis’s address: ${qe(d.value)}.`),
  },
  docs: `L’équipe identifie et maîtrise les risques cyber de son service ; le programme attend une analyse de
risques « pendant l’accélération ». \`analyse_risques: true\` (ou \`analyse_risques_url\`, l’adresse de
l’analyse publiée) en tient lieu de preuve.

**Corriger** : \`analyse_risques: true\`.`,
  check(ctx) {
    const d = ctx.record.data
    if (d.analyse_risques === true) return
    if (d.analyse_risques === undefined && typeof d.analyse_risques_url === 'string' && d.analyse_risques_url.trim() !== '') return
    if (d.analyse_risques === false) ctx.report({ messageId: 'false', path: '/analyse_risques' })
    else ctx.report({ messageId: 'missing', path: '/analyse_risques', target: 'key' })
  },
  seen: (ctx) => (ctx.record.data.analyse_risques === true ? { messageId: 'done' } : { messageId: 'url', data: { value: ctx.record.data.analyse_risques_url } }),
})
