import rule from '../../../scripts/lint/rules/frontmatter-in-body.ts'
import { fiche } from '../phases.ts'
import { testRule } from '../rule-tester.ts'

testRule(rule, {
  valid: [
    { name: 'a body that starts with a heading', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'a sentence with a colon', fiche: fiche('', 'Note: le service ouvre en mars.\n') },
    { name: 'a field name lower in the text', fiche: fiche('', '## Contexte\n\nlink: voir plus bas\n') },
  ],
  invalid: [
    { name: 'a field just below the closing ---', fiche: fiche('', 'repository: https://github.com/betagouv/exemple\n\n## Contexte\n'), errors: [['keyInBody', 6, 1]] },
    { name: 'two fields after a blank line', fiche: fiche('', '\nlink: https://x.fr\nstats: true\n## Contexte\n'), errors: [['keyInBody', 7, 1], ['keyInBody', 8, 1]] },
  ],
})
