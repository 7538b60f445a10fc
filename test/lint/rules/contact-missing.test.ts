import rule from '../../../scripts/lint/rules/contact-missing.ts'
import { TO_ABANDON } from '../phases.ts'
import { testRule } from '../rule-tester.ts'

testRule(rule, {
  valid: [
    { name: 'a contact', fiche: ['contact: contact@exemple.beta.gouv.fr', 'contact: equipe@exemple.fr'] },
    { name: 'an ended product without contact', fiche: '---\ntitle: X\nmission: Y\nincubator: dinum\nphases:\n  - name: abandon\n    start: 2020-01-01\n---\n' },
    { name: 'an incubator with a contact', file: 'incubators/dinum.md', fiche: '---\ntitle: Incubateur\nowner: /organisations/dinum\ncontact: contact@beta.gouv.fr\n---\n' },
    { name: 'ended (abandon) with a contact', fiche: TO_ABANDON },
  ],
  invalid: [
    { name: 'no contact line (at the opening ---)', fiche: ['contact: contact@exemple.beta.gouv.fr\n', ''], errors: [['missing', 1, 1]] },
    { name: 'a blank contact (at the key)', fiche: ['contact: contact@exemple.beta.gouv.fr', "contact: ''"], errors: [['missing', 5, 1]] },
    { name: 'a fiche without phases is asked too', fiche: '---\ntitle: X\nmission: Y\nincubator: dinum\n---\n', errors: [['missing', 1, 1]] },
    { name: 'an incubator without contact', file: 'incubators/dinum.md', fiche: '---\ntitle: Incubateur\nowner: /organisations/dinum\n---\n', errors: [['missing', 1, 1]] },
  ],
})
