import { describe, expect, it } from 'vitest'
import rule, { markers, saysSomething, sectionsOf, SECTIONS } from '../../../scripts/lint/rules/body-sections.ts'
import { fiche } from '../phases.ts'
import { lintCase, testRule } from '../rule-tester.ts'

const investigation = 'phases:\n  - name: investigation\n    start: 2024-01-01\n'
const construction = 'phases:\n  - name: investigation\n    start: 2023-01-01\n  - name: construction\n    start: 2023-09-01\n'

/** The member space's fiche template, as 13 real fiches still carry it (some partly filled). */
const TEMPLATE = `Pour t'aider dans la rédaction de ta fiche produit, nous te recommandons de suivre ce plan:

## Contexte

Quel est le contexte de ta Startup d’Etat ? à compléter

## Problème

Les problèmes que vous avez identifiés ou vos hypothèses de problèmes ? Qui en souffre ? Quelles sont les conséquences de ces problèmes ?

## Solution

Décris ta solution en quelques lignes ? Qui seront les bénéficiaires ?

## Objectifs à 6 mois

Objectif **d’usage** à 6 mois : quel usage chiffré visez-vous ?

Objectif **d’impact** à 6 mois : quel impact chiffré vous permettra de dire que votre première phase de construction a été un succès ?
`

testRule(rule, {
  valid: [
    { name: 'the four usual headings', fiche: ['incubator: dinum', 'incubator: dinum'] },
    { name: 'variants teams write', fiche: fiche(construction, '## Le problème\n\nLes agents ressaisissent tout.\n\n## Notre service\n\nUn formulaire unique.\n\n## Déploiement\n\nDeux régions pilotes.\n\n## Objectifs à 6 mois\n\n500 dossiers par mois.\n') },
    { name: 'the member space’s current template: « Objectifs à 6 mois » tells what comes next ([sections-5])', fiche: fiche(construction, "## Contexte\n\nDes conclusions volumineuses.\n\n## Solution\n\nUne interface IA pour les magistrats.\n\n## Objectifs à 6 mois\n\n- Déployer le modèle sur l’infrastructure Justice\n- Tester auprès de 20 à 30 magistrats\n") },
    { name: 'its former template: « Stratégie » alone', fiche: fiche(construction, '## Contexte\n\nDes justificatifs à fournir.\n\n## Solution\n\nOOTS, un système européen.\n\n## Stratégie\n\nS1 2024 : expérimentation auprès de 2 à 3 fournisseurs.\n') },
    { name: 'bold lines and emoji headings', fiche: fiche(investigation, '**Contexte**\n\nLes haies disparaissent.\n\n## 💡 Solution\n\nUn guichet unique.\n') },
    { name: 'investigation asks only problem and solution', fiche: fiche(investigation, '## Problématique\n\nLes délais sont longs.\n\n## Hypothèses de solution :\n\nUn simulateur.\n') },
    {
      name: 'strategy and goals under other headings, and lead-ins ([sections-2])',
      fiche: fiche(construction, "## Contexte et enjeu de politique publique\n\nDes milliers de réfugiés.\n\n## **La solution : Réfugiés.info**\n\nUn site en 7 langues.\n\n## Les trois piliers de transformation 2026\n\n### 1. Élargissement du public cible\n\n**Objectif :** Élargir progressivement le périmètre des bénéficiaires.\n\n## Vers une pérennisation au sein des services de l’État en 2027\n\nUn transfert à la DGEF.\n"),
    },
    { name: 'a year to come names a plan, « L’objectif est… en : » gives the goals', fiche: fiche(construction, "## Contexte\n\nLa cabanisation s’étend.\n\n## Solution\n\nLUCCA aide à rédiger les PV.\n\n## 2026\n\nL'objectif est d’augmenter son impact en :\n - déployant à près de 300 collectivités\n") },
    { name: 'HTML headings (corpus: boris)', fiche: fiche(construction, "<h2>2,4 millions</h2>\n\nC'est le nombre de ménages en attente.\n\n<h2>Le problème</h2>\n\nUn dispositif complexe.\n\n<h2>Notre solution</h2>\n\nUn simulateur.\n\n<h2>Un déploiement via le réseau</h2>\n\nLes OFS diffusent.\n\n<h2>Objectifs</h2>\n\n1 000 simulations.\n") },
    { name: 'setext headings', fiche: fiche(investigation, 'Le constat\n----------\n\nDes usagers perdus.\n\nNotre réponse\n=============\n\nUn accompagnement.\n') },
    { name: 'the problem told before the solution under a heading of its own words (corpus: zero-logement-vacant)', fiche: fiche(investigation, `## Faire de la vacance structurelle une ressource pour les territoires\n\n${'1,35 million de logements sont vacants depuis au moins deux ans dans le parc privé ; cette vacance pénalise ceux qui cherchent à se loger et dégrade le bâti. '.repeat(2)}\n\n## La solution Zéro Logement Vacant\n\nUn outil pour mobiliser les propriétaires.\n`) },
    { name: 'a goal whose figures follow in the next paragraph (corpus: docurba)', fiche: fiche(construction, "## Le problème\n\nDes procédures opaques.\n\n## La solution\n\nUn outil partagé.\n\nNotre objectif est de devenir la plateforme de référence.\n\n**En juin 2026, 100 % des DDT(M) utilisent Docurba.**\n") },
    { name: 'a lead-in that introduces a list (corpus: rdv-insertion)', fiche: fiche(construction, "## Le problème\n\nDes délais trop longs.\n\n## Notre service\n\nDes invitations par SMS.\n\nrdv-insertion aura réussi sa mission si :\n1. les délais avant l’orientation baissent de moitié\n") },
    { name: 'bare titles written without # (corpus: certiphyto-lisa)', fiche: fiche(investigation, 'Contexte\nLe Certiphyto est un certificat obligatoire.\n\n⸻\n\nSolution\nUne base de données unifiée.\n') },
    { name: '« Et pour la suite ? » names what comes next', fiche: fiche(construction, '## Contexte\n\nDes outils propriétaires.\n\n## Solution\n\nUne suite collaborative.\n\n## Et pour la suite ?\n\nDeux ministères de plus en 2027.\n') },
    { name: 'an ended product is asked nothing', fiche: fiche('phases:\n  - name: abandon\n    start: 2024-01-01\n', '') },
  ],
  invalid: [
    { name: 'an empty body: one report, at the line after ---', fiche: fiche(investigation, ''), errors: [['missingSections', 9, 1]] },
    { name: 'construction without strategy nor goals: one report listing both ([sections-4])', fiche: fiche(construction, 'Du texte.\n\n## Contexte\n\nUn problème réel.\n\n## Solution\n\nUn service.\n'), errors: [['missingSections', 11, 1]] },
    { name: 'a heading inside a code block does not count', fiche: fiche(investigation, '## Contexte\n\nUn problème réel.\n\n```\n## Solution\n```\n'), errors: [['missingSections', 9, 1]] },
    { name: 'the member space template, unanswered ([sections-3])', fiche: fiche(construction, TEMPLATE), errors: [['missingSections', 11, 1]] },
    { name: '« Test 1 » and « XXXX » are placeholders', fiche: fiche(investigation, '## Contexte\n\nTest 1\n\n## Solution\n\nXXXXXXXXXXXX\n'), errors: [['missingSections', 9, 1]] },
    { name: 'a heading with nothing under it', fiche: fiche(construction, '## Contexte\n\nLes agents ressaisissent tout.\n\n## Solution\n\n## Stratégie\n\nDeux régions pilotes.\n'), errors: [['missingSections', 11, 1]] },
    { name: '« Notre objectif est de… » is a mission, not goals set at a committee', fiche: fiche(construction, '## Contexte\n\nDes outils propriétaires.\n\n## Solution\n\nUne suite collaborative.\n\nNotre objectif est de déployer une suite souveraine.\n'), errors: [['missingSections', 11, 1]] },
    { name: '« La Suite contient… : » is a product named La Suite, not what comes next (corpus: suite-numerique)', fiche: fiche(construction, "## Contexte\n\nDes outils propriétaires.\n\n## Solution\nLa Suite contient d'ores et déjà les services suivants :\n* Tchap, la messagerie instantanée\n* Visio, pour des visios rapides\n"), errors: [['missingSections', 11, 1]] },
  ],
})

describe('what the report says', () => {
  it('lists every missing section, and the template sections to fill in', () => {
    const { fr, en } = lintCase(rule, { name: '', fiche: fiche(construction, TEMPLATE) })
    expect(fr).toHaveLength(1)
    expect(fr[0]!.message).toBe("Le texte de présentation ne dit rien de : le problème, son contexte et ses usagers ; la solution et l’impact attendu ; la suite (la stratégie de déploiement et les objectifs fixés au dernier comité). Les sections « Contexte », « Problème », « Solution », « Objectifs à 6 mois », « Objectif d’usage à 6 mois », « Objectif d’impact à 6 mois » ne contiennent que le texte du modèle ou rien.")
    expect(fr[0]!.hint).toBe("Sous « Contexte », « Problème », « Solution », « Objectifs à 6 mois », « Objectif d’usage à 6 mois », « Objectif d’impact à 6 mois », remplacez le texte du modèle par quelques phrases à vous.")
    expect(en[0]!.message).toMatch(/^The presentation says nothing about: the problem, its context and its users; /)
  })
  it('is closed by its hint, applied literally', () => {
    const body = '## Contexte\n\nUn problème réel.\n\n## Solution\n\nUn service.\n'
    const { fr } = lintCase(rule, { name: '', fiche: fiche(construction, body) })
    expect(fr[0]!.hint).toBe('Ajoutez « ## Stratégie et objectifs », suivi de quelques phrases à vous.')
    const added = `${body}\n## Stratégie et objectifs\n\nquelques phrases à vous\n`
    expect(lintCase(rule, { name: '', fiche: fiche(construction, added) }).fr).toEqual([])
  })
})

it('recognises headings, bold lines, setext, HTML, bare titles and lead-ins, and not a sentence with a colon', () => {
  const body = '# A\n**B** :\n**C :** un texte\nnot **d**\n\nTitre\n---\n<h3>E</h3>\nProblème : les délais.\nIl y a une chose à dire ici sur ce sujet : la voici.\n\nUn titre nu\nSon texte, qui suit.\nUne phrase courte.\n'
  expect(markers(body).map((m) => [m.label, m.level])).toEqual([['A', 1], ['B', 7], ['C', 8], ['Titre', 2], ['E', 3], ['Problème', 8], ['Un titre nu', 7]])
})

it('tells template text from real text', () => {
  expect(saysSomething('Quel est le contexte de ta Startup d’Etat ?\n')).toBe(false)
  expect(saysSomething('Décrit ta solution en quelques lignes? qui seront/sont les bénéficiaires ?\n\nà compléter')).toBe(false)
  expect(saysSomething('Déployer.')).toBe(true)
  expect(saysSomething('(chiffres et irritants à compléter par l’équipe) 30 000 parcelles')).toBe(true)
})

it('sees a section as present, template-only or absent', () => {
  expect(sectionsOf('## Contexte\n\nQuel est le contexte de ta Startup d’Etat ?\n\n## Solution\n\nUn service.\n')).toEqual({ context: 'template', solution: 'present', plan: 'absent' })
})

it('SECTIONS patterns cannot match a line break', () => {
  for (const [section, pattern] of Object.entries(SECTIONS)) {
    // No class that takes a line break (\s, ., a negated set, \W, \D, \S), no flag that changes a test.
    expect(pattern.source, section).not.toMatch(/\\s|\\W|\\D|\\S|\\n|\[\^|(?<!\\)\./)
    expect(pattern.flags, section).toBe('')
  }
})
