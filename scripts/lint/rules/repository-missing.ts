import { defineRule } from '../define-rule.ts'
import { phaseEn, phaseFr, PRESENT, reportMissing, seenField, T, w } from '../kit.ts'

export default defineRule({
  id: 'repository-missing',
  description: "À partir de la construction, la fiche ne donne pas l’adresse du code source (repository).",
  standards: ['l-open-source-et-les-communs-numeriques-sont-privilegies'],
  category: 'qualité-logicielle',
  applies: 'construction',
  validate: true,
  messages: {
    missing: T(
      w((d) => `Le produit est ${phaseFr(d.phase)}, mais la fiche ne donne pas l’adresse de son code source (repository).`, () => 'Ajoutez « repository: https://github.com/… » (ou l’adresse de la forge publique) ; si le code ne peut pas être publié, exemptez la fiche avec une justification (standards_exemptions).'),
      w((d) => `The product is ${phaseEn(d.phase)}, but the fiche does not give its source code address (repository).`, () => 'Add "repository: https://github.com/…" (or the public forge’s address); if the code cannot be published, exempt the fiche with a justification (standards_exemptions).'),
    ),
  },
  seenWords: PRESENT,
  docs: `Les codes sources des administrations sont des documents administratifs communicables, et la loi pour
une République numérique en fait une obligation de publication : le programme attend un dépôt public dès
la construction. Sans \`repository\`, ni le programme ni le public ne peuvent le retrouver.

**Corriger** : \`repository: https://github.com/betagouv/exemple\`. Si le code ne peut pas être publié
(sécurité nationale, code d’un éditeur…), exemptez la fiche :

\`\`\`yaml
standards_exemptions:
  - rule: repository-missing
    reason: not-applicable
    justification: Le service est un paramétrage d’un logiciel d’éditeur, sans code propre.
\`\`\``,
  check(ctx) {
    reportMissing(ctx, 'repository', 'missing', () => ({ phase: ctx.phase }))
  },
  seen: (ctx) => seenField(ctx, 'repository'),
})
