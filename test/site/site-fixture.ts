/**
 * A small registry for the site's tests, as texts: the BASE registry of the
 * test helpers plus startups in several incubators, phases and states, and
 * one hostile fiche (markup in its title, mission and body).
 */
import { BASE } from '../helpers.ts'

const startup = (front: string, body = 'Un texte.\n') => `---\n${front.trim()}\n---\n${body}`

export const HOSTILE_TITLE = 'Piège <script>alert("titre")</script><img src=x onerror=alert("img")>'

export const SITE_FILES: Record<string, string> = {
  ...BASE,
  'startups/alpha.md': startup(`
title: Alpha
mission: Aider les collectivités à publier leurs données
incubator: ademe
sponsors:
  - /organisations/ademe
contact: alpha@beta.gouv.fr
phases:
  - name: investigation
    start: 2022-01-03
    end: 2022-06-30
  - name: construction
    start: 2022-07-01
    end: 2023-12-31
  - name: acceleration
    start: 2024-01-01
events:
  - name: committee
    date: 2023-11-15
    comment: Passage en accélération.
  - name: product_launch
    date: 2023-03-01
`),
  'startups/beta-termine.md': startup(`
title: Bêta terminée
mission: Un service arrêté après son investigation
incubator: dinum
sponsors:
  - /organisations/dinum
contact: beta@beta.gouv.fr
phases:
  - name: investigation
    start: 2021-01-04
    end: 2021-06-30
  - name: abandon-investigation
    start: 2021-07-01
`),
  'startups/gamma.md': startup(`
title: Gamma
mission: Un guichet unique pour les aides à la rénovation énergétique
incubator: ademe
incubators:
  - ademe
  - dinum
sponsors:
  - /organisations/ademe
contact: gamma@beta.gouv.fr
link: https://gamma.beta.gouv.fr
repository: https://github.com/betagouv/gamma
stats: true
standards_exemptions:
  - rule: accessibility-status
    reason: not-applicable
    justification: Le service n'est ouvert qu'à des testeurs invités.
    expires: 2027-06-30
phases:
  - name: investigation
    start: 2024-02-01
    end: 2024-07-31
  - name: construction
    start: 2024-08-01
`),
  'startups/piege.md': startup(
    `
title: '${HOSTILE_TITLE.replace(/'/g, "''")}'
mission: 'javascript:alert("mission") <svg onload=alert("svg")>'
incubator: dinum
sponsors:
  - /organisations/dinum
contact: piege@beta.gouv.fr
phases:
  - name: investigation
    start: 2024-01-08
`,
    `## Contexte <script>alert("h2")</script>

<script>alert("body")</script>
<img src="https://tracker.example/pixel.gif" onerror="alert('onerror')">
<a href="javascript:alert('a')">lien brut</a>

[un lien](javascript:alert('md'))  [encodé](&#106;avascript:alert('ent'))  <javascript:alert('auto')>

[référence][r]

[r]: javascript:alert('ref')

![image ailleurs](https://tracker.example/image.png)

<iframe src="https://tracker.example/"></iframe>
`,
  ),
}

export const STARTUP_IDS = ['alpha', 'beta-termine', 'exemple', 'gamma', 'piege']
