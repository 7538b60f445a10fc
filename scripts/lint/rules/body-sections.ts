import { defineRule } from '../define-rule.ts'
import { bodyOffset, T, w } from '../kit.ts'

/** The sections a presentation is expected to have, recognised from the heading variants teams write. */
export const SECTIONS = {
  context: /contexte|probl[eèé]m|constat|enjeu|besoin|cible|usager|utilisat|public|situation|pourquoi|qu'est-ce|c'est quoi/,
  solution: /solution|produit|service|impact|r[ée]sultat|b[ée]n[ée]fice|proposition|fonctionnement|r[ée]ponse|approche|hypoth[èe]se|outil|plateforme/,
  strategy: /strat[ée]gi|d[ée]ploiement|feuille de route|roadmap|[ée]chelle|g[ée]n[ée]ralisation|[ée]tapes|ambition|perspective|prochaine|suite|d[ée]veloppement|plan d'action|calendrier|chronologie|o[uù] en est|avancement/,
  goals: /objectif|comit[ée]|indicateur|jalon|north star|kpi|mesure d(?:e l)?'impact|m[ée]trique|à \d+ mois|prochains mois/,
} as const
type Section = keyof typeof SECTIONS

/** Headings of a markdown body: `#` lines and lines that are only bold text (`**Contexte**`). */
export function headings(body: string): string[] {
  const out: string[] = []
  let fenced = false
  // Line by line without splitting the body: only lines that start (after spaces) with #, *, _, ` or ~
  // can be headings or fences, and only those are cut out of the text.
  for (let start = 0; start <= body.length; ) {
    let eol = body.indexOf('\n', start)
    if (eol === -1) eol = body.length
    let i = start
    while (i < eol && (body.charCodeAt(i) === 0x20 || body.charCodeAt(i) === 0x09)) i++
    const first = body.charCodeAt(i)
    const lineStart = start
    start = eol + 1
    if (first !== 0x23 && first !== 0x2a && first !== 0x5f && first !== 0x60 && first !== 0x7e) continue
    const line = body.slice(lineStart, eol).trim()
    if (line.startsWith('```') || line.startsWith('~~~')) fenced = !fenced
    if (fenced) continue
    const m = /^#{1,6}\s+(.+)$/.exec(line) ?? /^\*{2,3}([^*]+)\*{2,3}\s*:?$/.exec(line) ?? /^__([^_]+)__\s*:?$/.exec(line)
    if (m) out.push(m[1]!.normalize('NFC').toLowerCase().replace(/[*_`]/g, '').replace(/[’ʼ⠙]/g, "'"))
  }
  return out
}

const NAMES_FR: Record<Section, string> = { context: 'le problème, le contexte ou les usagers', solution: 'la solution ou son impact', strategy: 'la stratégie de déploiement', goals: 'les objectifs fixés au dernier comité' }
const NAMES_EN: Record<Section, string> = { context: 'the problem, context or users', solution: 'the solution or its impact', strategy: 'the deployment strategy', goals: 'the goals set at the last committee' }
const HEADINGS_FR: Record<Section, string> = { context: '## Contexte ou ## Problème', solution: '## Solution', strategy: '## Stratégie', goals: '## Objectifs' }

export default defineRule({
  id: 'body-sections',
  description: 'Le texte de présentation n’a pas les sections attendues (problème, solution ; stratégie et objectifs dès la construction).',
  standards: ['le-produit-a-une-fiche-a-jour-sur-le-site-beta-gouv-fr'],
  category: 'transparence',
  applies: 'active',
  messages: {
    missingSection: T(
      w((d) => `Le texte de présentation n'a pas de section sur ${NAMES_FR[d.section as Section]}.`, (d) => `Ajoutez un titre « ${HEADINGS_FR[d.section as Section]} » suivi de quelques phrases.`),
      w((d) => `The presentation has no section about ${NAMES_EN[d.section as Section]}.`, (d) => `Add a heading "${HEADINGS_FR[d.section as Section]}" followed by a few sentences.`),
    ),
  },
  docs: `La fiche publique raconte le produit : le problème et ses usagers, la solution et son impact, puis, dès
la construction, la stratégie de déploiement et les objectifs fixés au dernier comité. La règle lit les
titres du texte (\`## …\`, ou une ligne entièrement en gras) et reconnaît les variantes que les équipes
écrivent vraiment : « Contexte », « Le problème », « Problématique », « Constat », « Notre cible »… pour
le problème ; « Solution », « Notre service », « Le produit », « Impact », « Résultats »… pour la solution ;
« Stratégie », « Déploiement », « Feuille de route », « Passage à l'échelle »… ; « Objectifs à 6 mois »,
« Indicateurs », « Comité »… Un rapport par section manquante, au début du texte.

**Corriger** : ajoutez les titres qui manquent, par exemple \`## Contexte\`, \`## Solution\`,
\`## Stratégie\`, \`## Objectifs\`.`,
  check(ctx) {
    // The headings on one line each: no pattern of SECTIONS matches a line break, so one test over
    // them all says whether some heading matches (four tests per fiche instead of four per heading).
    const found = headings(ctx.record.body).join('\n')
    const wanted: Section[] = ['context', 'solution']
    if (ctx.phase !== undefined && ctx.phase !== 'investigation') wanted.push('strategy', 'goals')
    const offset = bodyOffset(ctx.record)
    for (const section of wanted) {
      if (!SECTIONS[section].test(found)) ctx.report({ messageId: 'missingSection', offset, endOffset: offset, data: { section } })
    }
  },
})
