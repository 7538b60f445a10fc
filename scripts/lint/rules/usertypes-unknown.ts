import { defineRule } from '../define-rule.ts'
import { q, qe, T, w } from '../kit.ts'

export const CANONICAL_USERTYPES = ['etat', 'particulier', 'collectivite-territoriale', 'entreprise', 'association', 'etablissement-scolaire', 'parlement'] as const

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim().replace(/[\s_]+/g, '-')

export default defineRule({
  id: 'usertypes-unknown',
  description: 'Un public (usertypes) ne fait pas partie des valeurs usuelles.',
  standards: [],
  category: 'value hygiene',
  applies: 'always',
  messages: {
    unknown: T(
      w((d) => `${q(d.value)} n’est pas un public usuel.${d.suggestion ? ` Vouliez-vous dire ${q(d.suggestion)} ?` : ''}`, () => `Valeurs usuelles : ${CANONICAL_USERTYPES.join(', ')}.`),
      w((d) => `${qe(d.value)} is not a usual user type.${d.suggestion ? ` Did you mean ${qe(d.suggestion)}?` : ''}`, () => `Usual values: ${CANONICAL_USERTYPES.join(', ')}.`),
    ),
  },
  docs: `\`usertypes\` sert à filtrer et compter les produits par public. Sept valeurs couvrent l’essentiel des
fiches (\`${CANONICAL_USERTYPES.join('`, `')}\`) ; une autre valeur (texte libre, variante de
casse ou d’accent) n’apparaît dans aucun filtre.

**Corriger** : utilisez une des valeurs usuelles ; la suggestion donne la plus proche quand il y en a une.`,
  check(ctx) {
    const v = ctx.record.data.usertypes
    if (!Array.isArray(v)) return
    v.forEach((item, i) => {
      if (typeof item !== 'string' || (CANONICAL_USERTYPES as readonly string[]).includes(item)) return
      const folded = fold(item)
      const suggestion = CANONICAL_USERTYPES.find((c) => c === folded || folded.startsWith(c) || c.startsWith(folded))
      ctx.report({ messageId: 'unknown', path: `/usertypes/${i}`, data: { value: item, suggestion } })
    })
  },
})
