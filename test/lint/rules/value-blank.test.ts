import rule from '../../../scripts/lint/rules/value-blank.ts'
import { testRule } from '../rule-tester.ts'

testRule(rule, {
  valid: [
    { name: 'a value after a space says something', fiche: ['budget_url: https://exemple.beta.gouv.fr/budget', 'budget_url: " https://exemple.beta.gouv.fr/budget"'] },
    { name: 'a value after a no-break space says something', fiche: ['budget_url: https://exemple.beta.gouv.fr/budget', 'budget_url: "\u00a0https://exemple.beta.gouv.fr/budget"'] },
    { name: 'values everywhere', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: "link: '' is the documented way to say not yet online", fiche: ['link: https://exemple.beta.gouv.fr', "link: ''"] },
    { name: 'an organisation with values', file: 'organisations/dinum.md', fiche: '---\nname: DINUM\nacronym: DINUM\n---\n' },
    { name: "an incubator's owner: '' says unknown, and the field is required ([valeurs-1])", file: 'incubators/exemple.md', fiche: "---\ntitle: Exemple\nowner: ''\ncontact: contact@exemple.beta.gouv.fr\n---\n" },
  ],
  invalid: [
    { name: 'a budget_url of one space', fiche: ['budget_url: https://exemple.beta.gouv.fr/budget', "budget_url: ' '"], errors: [['blank', 18, 13]] },
    { name: 'an empty repository', fiche: ['repository: https://github.com/betagouv/exemple', "repository: ''"], errors: [['empty', 7, 13]] },
    { name: 'a value of no-break spaces only (not ASCII)', fiche: ['budget_url: https://exemple.beta.gouv.fr/budget', 'budget_url: "\u00a0\u2009"'], errors: [['blank', 18, 13]] },
    { name: 'an empty list item', fiche: ['  - particulier', "  - particulier\n  - ''"], errors: [['empty', 24, 5]] },
    { name: 'an empty acronym in an organisation', file: 'organisations/dinum.md', fiche: "---\nname: DINUM\nacronym: ''\n---\n", errors: [['empty', 3, 10]] },
    { name: "an incubator's empty website is not a convention", file: 'incubators/exemple.md', fiche: "---\ntitle: Exemple\nowner: ''\nwebsite: ''\n---\n", errors: [['empty', 4, 10]] },
  ],
})
