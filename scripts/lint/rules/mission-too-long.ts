import { defineRule } from '../define-rule.ts'
import { T, w } from '../kit.ts'

export default defineRule<{ maxLength: number }>({
  id: 'mission-too-long',
  description: 'La mission est trop longue pour un pitch en une phrase.',
  standards: [],
  category: 'value hygiene',
  applies: 'always',
  options: {
    schema: { maxLength: { type: 'integer', minimum: 20, description: 'Nombre maximal de caractères de la mission.' } },
    defaults: { maxLength: 280 },
  },
  messages: {
    tooLong: T(
      w((d) => `La mission a ${d.length} caractères ; un pitch en compte au plus ${d.max}.`, () => 'Résumez en une phrase : qui, quel problème, quelle promesse ; le détail va dans le texte de présentation.'),
      w((d) => `The mission has ${d.length} characters; a pitch has at most ${d.max}.`, () => 'Summarise in one sentence: who, which problem, which promise; details go in the presentation.'),
    ),
  },
  docs: `\`mission\` est le pitch affiché sous le nom du produit, dans les listes du site et dans l’API : une phrase
qui dit pour qui et quel problème. Au-delà de 280 caractères (la longueur d’un message court), elle est
tronquée ou illisible dans ces listes. C’est une règle d’hygiène des valeurs, pas un standard : la
longueur de la mission n’est pas un critère du catalogue ; elle vaut pour toute fiche, terminée ou non
([termine-2](../standards.md#termine-2)).

Option : \`maxLength\` (280).

**Corriger** : gardez une phrase dans \`mission\` et déplacez le reste dans le texte de présentation.`,
  when: (data) => typeof data.mission === 'string',
  check(ctx) {
    const v = ctx.record.data.mission
    // A string has at most as many characters as UTF-16 code units: a short one needs no count.
    if (typeof v !== 'string' || v.length <= ctx.options.maxLength) return
    const length = [...v.trim()].length
    if (length > ctx.options.maxLength) ctx.report({ messageId: 'tooLong', path: '/mission', data: { length, max: ctx.options.maxLength } })
  },
})
