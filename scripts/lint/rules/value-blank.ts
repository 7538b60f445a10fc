import type { Data, RuleContext } from '../define-rule.ts'
import { defineRule } from '../define-rule.ts'
import { q, qe, T, w } from '../kit.ts'

/** Per collection, the fields where '' is the documented way to say "none yet" or "unknown" ([valeurs-1]). */
const EMPTY_ALLOWED: Record<string, ReadonlySet<string>> = { startups: new Set(['/link']), incubators: new Set(['/owner']), organisations: new Set() }

const escape = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1')

/**
 * Walks the values; `path` is one stack, pushed and popped (a registry has millions of values),
 * and the pointer is only built for a value that is reported.
 */
function walk(ctx: RuleContext<Data>, value: unknown, path: (string | number)[], depth: number): void {
  if (depth > 8) return
  if (typeof value === 'string') {
    // Most values start with a printable ASCII character: not blank, no trim needed.
    const first = value.charCodeAt(0)
    if (first > 32 && first < 127) return
    if (value !== '' && value.trim() !== '') return
    const pointer = `/${path.map((p) => escape(String(p))).join('/')}`
    if (value === '' && EMPTY_ALLOWED[ctx.record.collection]?.has(pointer)) return
    ctx.report({ messageId: value === '' ? 'empty' : 'blank', path: pointer, data: { field: path.join('.'), value } })
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i)
      walk(ctx, value[i], path, depth + 1)
      path.pop()
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const k of Object.keys(value)) {
      path.push(k)
      walk(ctx, (value as Record<string, unknown>)[k], path, depth + 1)
      path.pop()
    }
  }
}

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
  docs: `Une valeur vide (\`''\`) ou faite d'espaces (\`budget_url: " "\`) n'est pas une absence : les sites qui lisent
le flux l'affichent comme un lien ou un texte vide (dans les gabarits du site actuel, une chaîne vide
compte même comme « présente »). Seules les conventions documentées sont acceptées : \`link: ''\` d'une
startup (« pas encore en ligne ») et \`owner: ''\` d'un incubateur (« inconnu » : le champ est
obligatoire, le supprimer rendrait la fiche invalide). Les espaces au début ou à la fin d'une valeur non vide sont signalés par
\`value/untrimmed\` (règle de \`validate\`).

**Corriger** : supprimez la ligne, ou écrivez la valeur.`,
  check(ctx) {
    const path: (string | number)[] = []
    for (const k of Object.keys(ctx.record.data)) {
      path.push(k)
      walk(ctx, ctx.record.data[k], path, 0)
      path.pop()
    }
  },
})
