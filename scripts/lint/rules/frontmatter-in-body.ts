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
  messages: {
    keyInBody: T(
      w((d) => `La ligne ${q(d.line)} est sous la ligne --- qui ferme l'en-tête : elle est lue comme du texte, pas comme le champ ${d.key}.`, () => 'Remontez cette ligne au-dessus du --- de fermeture.'),
      w((d) => `The line ${qe(d.line)} is below the --- that closes the front matter: it is read as text, not as the field ${d.key}.`, () => 'Move this line above the closing ---.'),
    ),
  },
  docs: `Une fiche est un en-tête YAML entre deux lignes \`---\`, puis le texte. Un champ ajouté « à la fin » juste
sous le \`---\` de fermeture devient silencieusement la première ligne du texte : le champ semble écrit
mais n'existe pas. La règle lit les premières lignes non vides du texte et signale celles de la forme
\`champ: valeur\` dont le champ existe dans le schéma de la collection.

**Corriger** : remontez la ligne au-dessus du \`---\` de fermeture.`,
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
        ctx.report({ messageId: 'keyInBody', offset, endOffset: end, data: { line: line.trimEnd(), key: m[1] } })
      }
      offset = end + 1
    }
  },
})
