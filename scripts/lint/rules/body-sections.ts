import { defineRule } from '../define-rule.ts'
import { bodyOffset, q, qe, S, T, w } from '../kit.ts'

/**
 * What the presentation tells: the problem (its context and users), the solution (and the expected
 * impact), and from construction on what comes next: the deployment strategy and the goals set at
 * the last committee, one expectation ([sections-5]): the member space's two successive fiche
 * templates each ask for them in one section (« Stratégie », then « Objectifs à 6 mois »).
 */
export type Section = 'context' | 'solution' | 'plan'

/**
 * What a heading or a lead-in is about, recognised by its words ([sections-2]): the vocabulary of
 * the headings teams write in the real fiches of beta.gouv.fr (« Contexte », « Le constat », « Notre
 * cible », « Le défi » ; « Notre service », « Impact recherché », « Comment ça marche » ; « Feuille de
 * route », « Vers une pérennisation… », « Les trois piliers… », « Et ensuite ? » ; « Objectifs à 6 mois »,
 * « OKR », « Indicateurs d’impact »…). Matched on folded text (lower case, no accents, straight
 * apostrophes); no pattern matches a line break, so one test over the labels joined by line breaks
 * says whether one of them matches.
 */
export const SECTIONS: Record<Section, RegExp> = {
  context: /context|probleme|problematique|constat|enjeu|besoin|irritant|cible|usager|utilisat|\bpublic|beneficiaire|concerne|souffre|situation|pourquoi|qu'est-ce|c'est quoi|\bdefi\b|origine|prejudice|\bcauses?\b|diagnostic|investigation|\bfaits\b|\bdrame\b|a propos|preambule|historique/,
  solution: /solution|produit|service|impact|resultat|benefice|proposition|fonctionne|\bmarche\b|reponse|approche|hypothese|outil|plateforme|\boffre\b|fonctionnalite|construction|notre mission|prototype|\bmvp\b|levier|ce que fait|a quoi sert|experience cible|experiment/,
  plan: /objectif|comite|indicateur|north star|\bkpi|\bokr|mesure d(?:e l)?'impact|mesures d'impact|metrique|a \d+ mois|prochains mois|resultats attendus|succes|reussi|cible chiffree|strategi|deploiement|feuille de route|roadmap|echelle|generalis|etape|ambition|perspective|prochain|developpement|plan d'action|calendrier|chronologie|ou en est|avancement|experiment|perennis|pilier|\bvision\b|\bdemain\b|a venir|ensuite|maintenant|trajectoire|priorit|chantier|horizon|mise sur le marche|go to market|diffusion|essaimage|croissance|acquisition|transfert|jalon|acceleration|consolidation|phase 2|temps forts/,
}

const ORDER: readonly Section[] = ['context', 'solution', 'plan']

/** A Latin letter without its accents (é → e), each letter decomposed once. */
const BARE_LETTERS = new Map<string, string>()
function bareLetter(c: string): string {
  let b = BARE_LETTERS.get(c)
  if (b === undefined) BARE_LETTERS.set(c, (b = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '')))
  return b
}

/** Lower case, no accents, straight apostrophes, no markdown emphasis, single spaces. */
export function fold(text: string): string {
  return text
    .replace(/[\u00c0-\u024f]/g, bareLetter)
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’ʼ‘⠙`]/g, "'")
    .replace(/[*_~]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * The text of the member space's fiche template, and placeholders: a section holding only these is
 * not written ([sections-3]). Folded; each matched anywhere in a section's text.
 */
const TEMPLATE = [
  /pour t'aider dans la redaction de ta fiche produit[^.:]*:?/g,
  /quel est le contexte de ta startup d'etat ?\??/g,
  /les problemes que vous avez identifies ou vos hypotheses de problemes ?\??/g,
  /qui en souffre ?\??/g,
  /quel(?:le)?s sont les consequences de ces problemes ?\??/g,
  /decri[st] ta solution en quelques lignes ?\??/g,
  /qui seront(?:\/sont)? les beneficiaires ?\??/g,
  /comment vous vous y prenez pour atteindre vo(?:s|tre) usagers ?\??/g,
  /quel (?:usage|impact) chiffre visez-vous ?\??/g,
  /quel impact (?:chiffre )?vous permettra de dire que votre premiere phase de construction a ete un succes ?\??/g,
  /objectif d'(?:usage|impact) a 6 mois ?:?/g,
  /a completer/g,
  /\btest \d+\b/g,
  /\bx{3,}\b/g,
  /lorem ipsum(?: dolor sit amet)?/g,
  /\btodo\b|\btbd\b/g,
]

/** How many letters and digits a text has, once the template and markdown are gone (counted up to `limit`). */
function letters(text: string, limit: number): number {
  let t = fold(text)
  for (const re of TEMPLATE) t = t.replace(re, ' ')
  t = t.replace(/https?:\/\/\S+/g, ' ')
  let n = 0
  for (const ch of t) if (/[\p{L}\p{N}]/u.test(ch) && ++n >= limit) break
  return n
}

/**
 * Whether a section's text says something: what is left, once the template and markdown are gone,
 * has at least 6 letters or digits (« Déployer. » says something; « Test 1 », « XXXX », « à compléter » do not).
 */
export function saysSomething(text: string): boolean {
  // The template's text is at most a few hundred characters: a longer section says something of its own.
  if (text.length > 600) return true
  // Most sections hold none of the template's words: their letters are counted as written.
  if (!TEMPLATE_HINTS.some((h) => text.includes(h))) return rawLetters(text, 6) >= 6
  return letters(text, 6) >= 6
}

/** Every template text and placeholder has one of these (a question mark, « compléter », « Test 1 »…): plain substring searches. */
const TEMPLATE_HINTS = ['?', 'ompl', 'OMPL', 'Test ', 'test ', 'TEST ', 'xxx', 'XXX', 'orem ipsum', 'TODO', 'todo', 'TBD', 'tbd', "t'aider", 't’aider', "bjectif d'", 'bjectif d’', 'bjectif **d', 'BJECTIF D']

/** Letters and digits of a text as written, markdown aside (counted up to `limit`): no folding. */
function rawLetters(text: string, limit: number): number {
  let n = 0
  for (let i = 0; i < text.length && n < limit; i++) {
    const c = text.charCodeAt(i)
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000)) n++
  }
  return n
}

/** A heading (`#`, a line all in bold, a setext underline) or a lead-in (« **Objectif :** … », « Problème : … »). */
export interface Marker {
  /** The words that say what follows, as written (markdown removed). */
  label: string
  /** 1-6 for `#` headings and setext, 7 for a line all in bold, 8 for a lead-in. */
  level: number
  /** Offsets in the body: where the marker's line starts, and where the text it introduces starts. */
  start: number
  contentStart: number
  /** Where the text it introduces ends (the next marker of the same or a higher level, or the end). */
  contentEnd: number
  /** A sentence that opens on its subject; on « objectif », it states goals (not a mission) only with a figure (a number, a date). */
  opener?: 'goals' | 'other'
}

/** How many words a label has (runs of non-spaces), counted without splitting it. */
function words(label: string): number {
  let n = 0
  let inWord = false
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i)
    const space = c === 0x20 || c === 0x09 || c === 0xa0
    if (!space && !inWord) n++
    inWord = !space
  }
  return n
}
/** A bare title's shape: starts with a capital letter (or an emoji), no final punctuation, no colon, no link. */
const BARE = /^(?:\p{Lu}|\p{Extended_Pictographic})[^:.;,!?()[\]]*$/u
const LIST = /^(?:[-*+]|\d+[.)])\s+/
const BOLD_LINE = /^(?:\*{2,3}|__)([^*_]+?)(?:\*{2,3}|__)\s*[:?]?\s*$/
const BOLD_LEAD = /^(?:\*{2,3}|__)([^*_]{1,120}?)(?:\*{2,3}|__)\s*[:?]?\s*(\S.*)$/
/** A plain lead-in: at most 8 words, then a colon (not the colon of an address). */
/** A plain lead-in « Problème : les délais… »: the words before a colon (within 100 characters, not an address's), and what follows. */
function plainLead(text: string): [string, string, string | undefined] | null {
  const colon = text.indexOf(':')
  if (colon < 1 || colon > 100 || text.startsWith('//', colon + 1)) return null
  const label = text.slice(0, colon).trimEnd()
  if (label === '') return null
  const rest = text.slice(colon + 1).trim()
  return [text, label, rest === '' ? undefined : rest]
}

/**
 * The openings of a sentence that states its subject: goals, ambition, strategy, next steps,
 * deployment. Sticky: tested where a line starts, without cutting the line out of the body.
 */
const OPENER = /(?:l['’]|le |la |les |notre |nos |pour le |pour la |pour les |en termes de |c[ôo]t[ée] )?((?:\d+ )?objectifs?|ambitions?|strat[ée]gie|prochaines? [ée]tapes?|d[ée]ploiement|feuille de route|perspectives?|indicateurs?)(?![\p{L}\p{N}])/iuy

/** Whether a line may be a heading (#, an HTML heading, a setext underline) or a code fence. */
function mayHead(body: string, from: number): boolean {
  const c = body.charCodeAt(from)
  return c === 0x23 || c === 0x3c || c === 0x3d || c === 0x2d || c === 0x60 || c === 0x7e
}

/** Whether a line (from its first non-blank character) may be a marker: only those lines are cut out of the body. */
function mayMark(body: string, from: number, eol: number): boolean {
  const c = body.charCodeAt(from)
  // # * _ ` ~ - = + < and digits (an ordered list item): headings, bold, fences, setext, HTML, list items.
  if (c === 0x23 || c === 0x2a || c === 0x5f || c === 0x60 || c === 0x7e || c === 0x2d || c === 0x3d || c === 0x2b || c === 0x3c || (c >= 0x30 && c <= 0x39)) return true
  OPENER.lastIndex = from
  if (OPENER.test(body)) return true
  // A plain lead-in has its colon within its first 100 characters (looked for there only).
  for (let i = from, end = Math.min(eol, from + 101); i < end; i++) if (body.charCodeAt(i) === 0x3a) return true
  // A bare title: a short line (« Solution », « Le contexte »).
  return eol - from <= 40
}

/** The headings and lead-ins of a markdown body, in order, code blocks skipped. */
export function markers(body: string, headingsOnly = false): Marker[] {
  const out: Marker[] = []
  let fenced = false
  // The previous line, when it was text (a setext heading's title, if an underline follows).
  let prevStart = -1
  let prevEnd = -1
  // Whether the line before was blank (or the body starts here): a bare title stands apart.
  let lastBlank = true
  for (let start = 0; start < body.length; ) {
    let eol = body.indexOf('\n', start)
    if (eol === -1) eol = body.length
    const lineStart = start
    start = eol + 1
    let from = lineStart
    while (from < eol && (body.charCodeAt(from) === 0x20 || body.charCodeAt(from) === 0x09 || body.charCodeAt(from) === 0x0d)) from++
    if (from === eol) {
      prevStart = -1
      lastBlank = true
      continue
    }
    const afterBlank = lastBlank
    lastBlank = false
    if (!fenced && (headingsOnly ? !mayHead(body, from) : !mayMark(body, from, eol))) {
      prevStart = lineStart
      prevEnd = eol
      continue
    }
    const line = body.slice(from, eol).trim()
    if (line.startsWith('```') || line.startsWith('~~~')) {
      fenced = !fenced
      prevStart = -1
      continue
    }
    if (fenced) continue
    const heading = /^(#{1,6})\s+(.+?)(?:\s+#+)?$/.exec(line) ?? /^<h([1-6])[^>]*>(.+?)<\/h[1-6]>$/i.exec(line)
    if (heading) {
      out.push({ label: heading[2]!.replace(/<[^>]*>/g, ''), level: /^\d$/.test(heading[1]!) ? Number(heading[1]) : heading[1]!.length, start: lineStart, contentStart: start, contentEnd: body.length })
      prevStart = -1
      continue
    }
    // Setext: a line of = or - under a line of text (not a list item, not a table row).
    if (/^(=+|-+)$/.test(line) && prevStart !== -1) {
      const title = body.slice(prevStart, prevEnd).trim()
      if (!LIST.test(title) && !title.includes('|')) {
        // The title line may have been taken for a bare title already: it is this heading.
        if (out[out.length - 1]?.start === prevStart) out.pop()
        out.push({ label: title, level: line[0] === '=' ? 1 : 2, start: prevStart, contentStart: start, contentEnd: body.length })
        prevStart = -1
        continue
      }
    }
    prevStart = lineStart
    prevEnd = eol
    if (headingsOnly) continue
    const text = line.replace(LIST, '')
    const bold = BOLD_LINE.exec(text)
    // A bold line is a heading when it is short (15 words at most); « **Objectif : 100 projets…** » is a lead-in in bold.
    const inner = bold ? /^([^:]{1,100}?)\s?:\s*(\S.*)$/.exec(bold[1]!) : null
    if (bold && !inner) {
      if (words(bold[1]!) <= 15) out.push({ label: bold[1]!, level: 7, start: lineStart, contentStart: start, contentEnd: body.length })
      continue
    }
    // A bare title: a short line of at most 4 words, without a final stop, between blank lines or
    // before its text (« Contexte », « Solution » written without #, corpus: certiphyto-lisa).
    if (afterBlank && text.length <= 40 && words(text) <= 4 && BARE.test(text)) {
      out.push({ label: text, level: 7, start: lineStart, contentStart: start, contentEnd: body.length })
      continue
    }
    const lead = inner ?? BOLD_LEAD.exec(text)
    const plain = lead ? null : plainLead(text)
    // A lead-in names its subject in a few words: at most 8 in bold, 5 otherwise (longer, it is a
    // sentence), or 10 when it ends the line and introduces what follows (« …aura réussi sa mission si : »).
    const named = lead && words(lead[1]!) <= 8 ? lead : plain && words(plain[1]!) <= (plain[2] ? 5 : 10) ? plain : null
    if (named) {
      const rest = named[2]
      const at = rest ? body.indexOf(rest, from) : -1
      out.push({ label: named[1]!.replace(/\s*[:?]\s*$/, ''), level: 8, start: lineStart, contentStart: at === -1 ? start : at, contentEnd: body.length })
      continue
    }
    // A sentence that opens on its subject: « Notre objectif est de… », « Pour le déploiement, … ».
    OPENER.lastIndex = from + line.length - text.length
    const opener = OPENER.exec(body)
    if (opener) out.push({ label: opener[1]!, level: 8, start: lineStart, contentStart: from, contentEnd: body.length, opener: /objectif|indicateur/i.test(opener[1]!) ? 'goals' : 'other' })
  }
  // Each marker's text runs to the next marker of its level or above (a lead-in's, to the next marker).
  for (let i = 0; i < out.length; i++) {
    const m = out[i]!
    for (let j = i + 1; j < out.length; j++) {
      if (out[j]!.level <= m.level || m.level === 8) {
        m.contentEnd = out[j]!.start
        break
      }
    }
  }
  return out
}

/**
 * Whether a sentence on « objectif » gives a figure (a number, a date): in the sentence, in the list
 * it introduces (« …en : »), or in the paragraph right after it (« En juin 2026, 100 % des DDT… »).
 */
function figured(text: string): boolean {
  const eol = text.indexOf('\n')
  const first = eol === -1 ? text : text.slice(0, eol)
  if (/\d/.test(first) || (/:\s*$/.test(first) && /\d/.test(text))) return true
  const next = /^\s*\n\s*(\S[^\n]*)/.exec(text.slice(first.length))
  return next !== null && /\d/.test(next[1]!)
}

/**
 * The sections a heading or a lead-in is about (none, one or several). The same labels recur in
 * thousands of fiches (« Contexte », « Problème »…): answers are kept, up to a bound.
 */
function aboutOf(text: string, asOfYear: number | undefined): readonly Section[] {
  const key = `${asOfYear ?? ''}|${text}`
  let about = ABOUT.get(key)
  if (about) return about
  const label = fold(text)
  const found = ORDER.filter((s) => SECTIONS[s].test(label))
  // « La suite », « Et pour la suite ? », « Suite du projet » name what comes next; a longer label that
  // only holds the word does not (« La Suite contient d’ores et déjà les services suivants : », of La Suite numérique).
  if (!found.includes('plan') && SHORT_SUITE.test(label)) found.push('plan')
  // A year to come names a plan (« ## 2026 », « Feuille de route 2027 »).
  const year = /\b(20\d\d)\b/.exec(label)
  if (asOfYear !== undefined && year && Number(year[1]) >= asOfYear && !found.includes('plan')) found.push('plan')
  about = found
  if (ABOUT.size >= 20_000) ABOUT.clear()
  ABOUT.set(key, about)
  return about
}
const ABOUT = new Map<string, readonly Section[]>()
/** A label of at most seven words, one of them « suite » (folded: one space between words). */
const SHORT_SUITE = /^(?:[^ ]+ ){0,3}suite\b(?: [^ ]+){0,3}[ ?:!.]*$/

/** What the body says, section by section: present (with real text), only template text, or absent. */
export function sectionsOf(body: string, asOfYear?: number, wanted: readonly Section[] = ORDER): Record<Section, 'present' | 'template' | 'absent'> {
  // Most fiches tell all they should under headings: those are read first, and alone when they
  // suffice. Bold lines, titles without #, lead-ins and sentences rank below every heading, so they
  // never change what a heading holds: the full reading only adds to this one.
  const quick = readSections(body, markers(body, true), asOfYear)
  if (wanted.every((s) => quick[s] === 'present')) return quick
  return readSections(body, markers(body), asOfYear)
}

function readSections(body: string, marks: readonly Marker[], asOfYear: number | undefined): Record<Section, 'present' | 'template' | 'absent'> {
  const found: Record<Section, 'present' | 'template' | 'absent'> = { context: 'absent', solution: 'absent', plan: 'absent' }
  // Where the solution is first told: the text before it, when it says enough, is its context.
  let solutionAt = -1
  for (const m of marks) {
    const about = aboutOf(m.label, asOfYear)
    if (about.length === 0) continue
    const text = body.slice(m.contentStart, m.contentEnd)
    const says = saysSomething(text)
    for (const s of about) {
      // « Notre objectif est de simplifier… » is a mission; « L’objectif : 300 collectivités en 2026 » is a goal.
      if (m.opener === 'goals' && s === 'plan' && !figured(body.slice(m.contentStart, m.contentStart + 600))) continue
      if (found[s] !== 'present') found[s] = says ? 'present' : 'template'
      if (s === 'solution' && says && solutionAt === -1) solutionAt = m.start
    }
  }
  // The problem told before the solution under a heading of its own words (« Faire de la vacance
  // structurelle une ressource pour les territoires »): by its place, it is the context ([sections-2]).
  if (found.context !== 'present' && solutionAt > 0 && letters(body.slice(0, solutionAt), 200) >= 200) found.context = 'present'
  return found
}

const NAMES_FR: Record<Section, string> = { context: 'le problème, son contexte et ses usagers', solution: 'la solution et l’impact attendu', plan: 'la suite (la stratégie de déploiement et les objectifs fixés au dernier comité)' }
const NAMES_EN: Record<Section, string> = { context: 'the problem, its context and its users', solution: 'the solution and the expected impact', plan: 'what comes next (the deployment strategy and the goals set at the last committee)' }
const HEADINGS: Record<Section, string> = { context: '## Contexte', solution: '## Solution', plan: '## Stratégie et objectifs' }

const templateFr = (t: string[] = []) => (t.length === 0 ? '' : t.length === 1 ? ` La section ${q(t[0])} ne contient que le texte du modèle ou rien.` : ` Les sections ${t.map((x) => q(x)).join(', ')} ne contiennent que le texte du modèle ou rien.`)
const templateEn = (t: string[] = []) => (t.length === 0 ? '' : t.length === 1 ? ` The section ${qe(t[0])} holds only the template’s text or nothing.` : ` The sections ${t.map((x) => qe(x)).join(', ')} hold only the template’s text or nothing.`)
const list = (sections: unknown, names: Record<Section, string>, separator: string) => ((sections as Section[] | undefined) ?? []).map((s) => names[s]).join(separator)

/** What to write: the headings to add (each with a few sentences), and the template sections to fill in. */
function hintFr(absent: Section[] = [], template: string[] = []): string {
  const parts: string[] = []
  if (absent.length) parts.push(`ajoutez ${absent.map((s) => `« ${HEADINGS[s]} »`).join(', ')}, ${absent.length > 1 ? 'chacun suivi' : 'suivi'} de quelques phrases à vous`)
  if (template.length) parts.push(`sous ${template.map((t) => q(t)).join(', ')}, remplacez le texte du modèle par quelques phrases à vous`)
  if (parts.length === 0) parts.push(`ajoutez les titres qui manquent (${ORDER.map((s) => `« ${HEADINGS[s]} »`).join(', ')}), chacun suivi de quelques phrases à vous`)
  const text = parts.join(' ; ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}
function hintEn(absent: Section[] = [], template: string[] = []): string {
  const parts: string[] = []
  if (absent.length) parts.push(`add ${absent.map((s) => `"${HEADINGS[s]}"`).join(', ')}, ${absent.length > 1 ? 'each ' : ''}followed by a few sentences of your own`)
  if (template.length) parts.push(`under ${template.map((t) => qe(t)).join(', ')}, replace the template’s text with a few sentences of your own`)
  if (parts.length === 0) parts.push(`add the missing headings (${ORDER.map((s) => `"${HEADINGS[s]}"`).join(', ')}), each followed by a few sentences of your own`)
  const text = parts.join('; ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

export default defineRule({
  id: 'body-sections',
  description: 'Le texte de présentation ne dit pas le problème et la solution (et, dès la construction, la stratégie et les objectifs), ou n’en contient que le modèle.',
  standards: ['le-produit-a-une-fiche-a-jour-sur-le-site-beta-gouv-fr'],
  category: 'transparence',
  applies: 'active',
  messages: {
    missingSections: T(
      w(
        (d) => `Le texte de présentation ne dit rien de : ${list(d.sections, NAMES_FR, ' ; ')}.${templateFr(d.template as string[])}`,
        (d) => hintFr(d.absent as Section[], d.template as string[]),
      ),
      w(
        (d) => `The presentation says nothing about: ${list(d.sections, NAMES_EN, '; ')}.${templateEn(d.template as string[])}`,
        (d) => hintEn(d.absent as Section[], d.template as string[]),
      ),
    ),
  },
  seenWords: {
    sections: S((d) => `Le texte de présentation dit ${list(d.sections, NAMES_FR, ' ; ')}.`, (d) => `The presentation tells ${list(d.sections, NAMES_EN, '; ')}.`),
  },
  docs: `La fiche publique raconte le produit : le problème, son contexte et ses usagers, la solution et l’impact
attendu ; dès la construction, la suite : la stratégie de déploiement (les prochaines étapes) et les
objectifs fixés au dernier comité ([sections-1](../standards.md#sections-1)). Stratégie et objectifs
sont une seule attente : les deux modèles successifs de la fiche dans l’espace membre les demandent en
une section, « Stratégie » puis « Objectifs à 6 mois » ([sections-5](../standards.md#sections-5)).

Une section se reconnaît **à son sens**, pas à un titre imposé ([sections-2](../standards.md#sections-2)) :
un titre (\`## …\`, \`<h2>\`, une ligne entièrement en gras, un titre souligné, un titre court seul sur sa
ligne comme « Solution »), une phrase d’amorce
(« **Objectif :** … », « Problème : … ») ou une phrase qui commence par son sujet (« Notre objectif :
300 collectivités en 2026 », « Pour le déploiement, … »), dont les mots sont de ceux que les équipes
emploient dans les fiches réelles : « Le constat », « Notre cible », « Le défi » pour le problème ;
« Notre service », « Impact recherché », « Comment ça marche » pour la solution ; « Feuille de route »,
« Prochaines étapes », « Vers une pérennisation… », « Les trois piliers de transformation 2026 », un
titre qui est une année à venir, « Objectifs à 6 mois », « OKR », « Indicateurs d’impact » pour la suite.
Une phrase sur « l’objectif » sans chiffre ni date (« Notre objectif est de simplifier… ») dit une
mission, pas des objectifs ; de même, « la suite » annonce la suite dans un titre court (« Et pour la
suite ? »), pas dans une phrase qui ne fait que contenir le mot (« La Suite contient… : », le nom d’un
produit). Le texte qui précède la solution, quand il en dit assez, en est le contexte,
quel que soit son titre (« Faire de la vacance structurelle une ressource pour les territoires »).

Une section qui ne contient que le texte du modèle de l’espace membre (« Quel est le contexte de ta
Startup d’Etat ? »…), « à compléter », « Test 1 » ou rien compte comme manquante
([sections-3](../standards.md#sections-3)). Un seul avertissement par fiche, au début du texte, liste
les sections manquantes ([sections-4](../standards.md#sections-4)).

**Corriger** : ajoutez les titres qui manquent, par exemple \`## Contexte\`, \`## Solution\`,
\`## Stratégie et objectifs\`, chacun suivi de quelques phrases.`,
  check(ctx) {
    const wanted = ctx.phase !== undefined && ctx.phase !== 'investigation' ? ORDER : ORDER.slice(0, 2)
    const year = ctx.asOf === undefined ? undefined : Number(ctx.asOf.slice(0, 4))
    const found = sectionsOf(ctx.record.body, year, wanted)
    const missing = wanted.filter((s) => found[s] !== 'present')
    if (missing.length === 0) return
    const template = templateLabels(ctx.record.body, missing.filter((s) => found[s] === 'template'), year)
    const offset = bodyOffset(ctx.record)
    ctx.report({ messageId: 'missingSections', offset, endOffset: offset, data: { sections: missing, absent: missing.filter((s) => found[s] === 'absent'), template } })
  },
  seen(ctx) {
    const wanted = ctx.phase !== undefined && ctx.phase !== 'investigation' ? ORDER : ORDER.slice(0, 2)
    return { messageId: 'sections', data: { sections: wanted } }
  },
})

/** The labels of the markers about the missing sections that hold only template text (as written). */
function templateLabels(body: string, missing: readonly Section[], asOfYear: number | undefined): string[] {
  const out: string[] = []
  if (missing.length === 0) return out
  for (const m of markers(body)) {
    if (aboutOf(m.label, asOfYear).some((s) => missing.includes(s)) && !saysSomething(body.slice(m.contentStart, m.contentEnd))) out.push(m.label.replace(/[*_`]/g, '').replace(/\s*[:?]\s*$/, '').trim())
  }
  return [...new Set(out)]
}
