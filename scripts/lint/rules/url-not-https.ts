import { defineRule } from '../define-rule.ts'
import { q, qe, T, URL_FIELDS, w } from '../kit.ts'

/** Whether an address starts with http:// (spaces before it allowed). */
function isHttp(v: string): boolean {
  const first = v.charCodeAt(0)
  // Most addresses start with a printable ASCII character, so without spaces: only h or H can begin http://.
  if (first > 32 && first < 127) return (first === 0x68 || first === 0x48) && v.charCodeAt(4) === 0x3a && /^http:\/\//i.test(v)
  return /^\s*http:\/\//i.test(v)
}

export default defineRule({
  id: 'url-not-https',
  description: 'Une adresse web de la fiche commence par http:// au lieu de https://.',
  standards: [],
  category: 'value hygiene',
  collections: ['startups', 'incubators'],
  applies: 'always',
  messages: {
    http: T(
      w((d) => `L’adresse de ${d.field} n’est pas en https : ${q(d.value)}.`, () => 'Écrivez l’adresse en https:// ; un service public en ligne doit être servi en HTTPS.'),
      w((d) => `The address in ${d.field} is not https: ${qe(d.value)}.`, () => 'Write the address with https://; a public online service must be served over HTTPS.'),
    ),
  },
  docs: `Un service public en ligne est servi en HTTPS (référentiel général de sécurité) ; un lien \`http://\`
est soit une coquille, soit un service qui expose ses usagers. La règle vérifie \`link\`, \`repository\`,
les pages \`stats_url\`, \`budget_url\`, \`impact_url\`, \`dashlord_url\`, \`analyse_risques_url\` et les
champs de l’espace membre (\`roadmap_url\`…), ainsi que \`website\` pour un incubateur.

**Corriger** : remplacez \`http://\` par \`https://\` après avoir vérifié que l’adresse répond.`,
  check(ctx) {
    const fields = ctx.record.collection === 'incubators' ? ['website'] : URL_FIELDS
    for (const field of fields) {
      const v = ctx.record.data[field]
      if (typeof v === 'string' && isHttp(v)) ctx.report({ messageId: 'http', path: `/${field}`, data: { field, value: v } })
    }
  },
})
