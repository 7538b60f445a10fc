import { FICHE_SCHEMAS } from '../../validate/schemas.ts'
import { defineRule } from '../define-rule.ts'
import { bodyOffset, q, qe, T, w } from '../kit.ts'

export default defineRule({
  id: 'frontmatter-in-body',
  description: 'Une ligne « champ: valeur » écrite juste sous le --- de fermeture est lue comme du texte, pas comme un champ.',
  standards: [],
  category: 'value hygiene',
  collections: ['startups', 'organisations', 'incubators'],
  applies: 'always',
  validate: true,
  messages: {
    keyInBody: T(
      w((d) => `La ligne ${q(d.line)} est sous la ligne --- qui ferme l’en-tête : elle est lue comme du texte, pas comme le champ ${d.key}.`, () => 'Remontez cette ligne au-dessus du --- de fermeture.'),
      w((d) => `The line ${qe(d.line)} is below the --- that closes the front matter: it is read as text, not as the field ${d.key}.`, () => 'Move this line above the closing ---.'),
    ),
    keyInBodyDefined: T(
      w(
        (d) => `La ligne ${q(d.line)} est sous la ligne --- qui ferme l’en-tête : elle est lue comme du texte ; le champ ${d.key} est déjà défini ligne ${d.definedLine}.`,
        (d) => `Gardez une seule valeur : si celle-ci est la bonne, remplacez la ligne ${d.definedLine} par ${q(d.line)} ; puis supprimez cette ligne du texte (la remonter en ferait un champ répété).`,
      ),
      w(
        (d) => `The line ${qe(d.line)} is below the --- that closes the front matter: it is read as text; the field ${d.key} is already defined on line ${d.definedLine}.`,
        (d) => `Keep one value: if this one is right, replace line ${d.definedLine} with ${qe(d.line)}; then remove this line from the text (moving it up would repeat the field).`,
      ),
    ),
  },
  docs: `Une fiche est un en-tête YAML entre deux lignes \`---\`, puis le texte. Un champ ajouté « à la fin » juste
sous le \`---\` de fermeture devient silencieusement la première ligne du texte : le champ semble écrit
mais n’existe pas. La règle lit les premières lignes non vides du texte et signale celles de la forme
\`champ: valeur\` dont le champ existe dans le schéma de la collection.

**Corriger** : remontez la ligne au-dessus du \`---\` de fermeture. Si l’en-tête a déjà ce champ, gardez une
seule valeur (dans l’en-tête) et supprimez la ligne du texte : la remonter ferait un champ répété
([yaml/duplicate-key](../regles.md)). \`registry validate\` la signale aussi.`,
  check(ctx) {
    const known = FICHE_SCHEMAS[ctx.record.collection].properties
    let offset = bodyOffset(ctx.record)
    const text = ctx.record.text
    for (let n = 0; n < 20 && offset < text.length; n++) {
      const eol = text.indexOf('\n', offset)
      const end = eol === -1 ? text.length : eol
      const line = text.slice(offset, end)
      if (line.trim() !== '') {
        const m = /^([a-z_]+):(?:\s|$)/.exec(line)
        if (!m || !Object.hasOwn(known, m[1]!)) return
        const definedLine = Object.hasOwn(ctx.record.data, m[1]!) ? topLevelLine(ctx.record, m[1]!) : undefined
        const data = { line: line.trimEnd(), key: m[1], ...(definedLine !== undefined ? { definedLine } : {}) }
        ctx.report({ messageId: definedLine === undefined ? 'keyInBody' : 'keyInBodyDefined', offset, endOffset: end, data })
      }
      offset = end + 1
    }
  },
})

/** The 1-based line of the file where the top-level key `key:` is written in the front matter, if found. */
function topLevelLine(record: { text: string; yamlStart: number; yamlEnd: number }, key: string): number | undefined {
  const yaml = record.text.slice(record.yamlStart, record.yamlEnd)
  const at = new RegExp(`^${key}:`, 'm').exec(yaml)?.index
  if (at === undefined) return undefined
  let n = 1
  for (let i = record.text.indexOf('\n'); i !== -1 && i < record.yamlStart + at; i = record.text.indexOf('\n', i + 1)) n++
  return n
}
