import { defineRule } from '../define-rule.ts'
import { forEachString, pointerOf, q, qe, T, w } from '../kit.ts'

/** Per collection, the fields where '' is the documented way to say "none yet" or "unknown" ([valeurs-1]). */
const EMPTY_ALLOWED: Record<string, ReadonlySet<string>> = { startups: new Set(['/link']), incubators: new Set(['/owner']), organisations: new Set() }

export default defineRule({
  id: 'value-blank',
  description: 'Une valeur est vide ou ne contient que des espaces, au lieu d’être absente.',
  standards: [],
  category: 'value hygiene',
  collections: ['startups', 'organisations', 'incubators'],
  applies: 'always',
  messages: {
    empty: T(
      w((d) => `${d.field} est une chaîne vide.`, () => 'Supprimez la ligne si la valeur est inconnue : un champ absent se lit mieux qu’une valeur vide.'),
      w((d) => `${d.field} is an empty string.`, () => 'Remove the line when the value is unknown: an absent field reads better than an empty value.'),
    ),
    blank: T(
      w((d) => `${d.field} ne contient que des espaces : ${q(d.value)}.`, () => 'Supprimez la ligne si la valeur est inconnue, ou écrivez la valeur.'),
      w((d) => `${d.field} contains only spaces: ${qe(d.value)}.`, () => 'Remove the line when the value is unknown, or write the value.'),
    ),
  },
  docs: `Une valeur vide (\`''\`) ou faite d’espaces (\`budget_url: " "\`) n’est pas une absence : les sites qui lisent
le flux l’affichent comme un lien ou un texte vide (dans les gabarits du site actuel, une chaîne vide
compte même comme « présente »). Seules les conventions documentées sont acceptées : \`link: ''\` d’une
startup (« pas encore en ligne ») et \`owner: ''\` d’un incubateur (« inconnu » : le champ est
obligatoire, le supprimer rendrait la fiche invalide). Les espaces au début ou à la fin d’une valeur non vide sont signalés par
\`value/untrimmed\` (règle de \`validate\`).

**Corriger** : supprimez la ligne, ou écrivez la valeur.`,
  check(ctx) {
    forEachString(ctx.record.data, (value, path) => {
      // Most values start with a printable ASCII character: not blank, no trim needed.
      const first = value.charCodeAt(0)
      if (first > 32 && first < 127) return
      if (value !== '' && value.trim() !== '') return
      const pointer = pointerOf(path)
      if (value === '' && EMPTY_ALLOWED[ctx.record.collection]?.has(pointer)) return
      ctx.report({ messageId: value === '' ? 'empty' : 'blank', path: pointer, data: { field: path.join('.'), value } })
    })
  },
})
