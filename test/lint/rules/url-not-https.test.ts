import rule from '../../../scripts/lint/rules/url-not-https.ts'
import { testRule } from '../rule-tester.ts'

testRule(rule, {
  valid: [
    { name: 'https everywhere', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'httpx:// is not http://', fiche: ['link: https://exemple.beta.gouv.fr', 'link: httpx://exemple.beta.gouv.fr'] },
    { name: 'http:/ is not http://', fiche: ['link: https://exemple.beta.gouv.fr', 'link: "http:/exemple.beta.gouv.fr"'] },
    { name: 'https in any case', fiche: ['link: https://exemple.beta.gouv.fr', 'link: hTtPs://exemple.beta.gouv.fr'] },
    { name: 'an incubator website in https', file: 'incubators/dinum.md', fiche: '---\ntitle: I\nowner: /organisations/dinum\nwebsite: https://beta.gouv.fr\n---\n' },
  ],
  invalid: [
    { name: 'an http link', fiche: ['link: https://exemple.beta.gouv.fr', 'link: http://exemple.beta.gouv.fr'], errors: [['http', 6, 7]] },
    { name: 'two http pages', fiche: ['stats_url: https://exemple.beta.gouv.fr/stats\nbudget_url: https://exemple.beta.gouv.fr/budget', 'stats_url: http://exemple.beta.gouv.fr/stats\nbudget_url: HTTP://exemple.beta.gouv.fr/budget'], errors: [['http', 17, 12], ['http', 18, 13]] },
    { name: 'http after spaces, and in any case', fiche: ['link: https://exemple.beta.gouv.fr', 'link: "  hTTp://exemple.beta.gouv.fr"'], errors: [['http', 6, 7]] },
    { name: 'http after a no-break space (not ASCII)', fiche: ['link: https://exemple.beta.gouv.fr', 'link: "\u00a0http://exemple.beta.gouv.fr"'], errors: [['http', 6, 7]] },
    { name: 'an incubator website', file: 'incubators/dinum.md', fiche: '---\ntitle: I\nowner: /organisations/dinum\nwebsite: http://beta.gouv.fr\n---\n', errors: [['http', 4, 10]] },
  ],
})
