/** The rules reference (docs/regles.md), generated from the message catalog. */
import { isConfigurable, RULES } from '../report/messages.ts'

export function rulesReference(): string {
  const out = [
    '# Référence des règles',
    '',
    '<!-- Généré par `npm run docs` à partir de scripts/report/messages.ts : ne pas modifier à la main. -->',
    '',
    "Chaque diagnostic porte l'identifiant d'une règle. Une erreur bloque la pull request et la compilation ; un avertissement signale un défaut sans bloquer (sauf avec `--strict`). La colonne « Réglable » indique si `registry.config.json` peut changer la sévérité (`\"rules\": {\"ref/unknown-owner\": \"warning\"}`).",
    '',
    '| Règle | Sévérité | Réglable | Ce qu’elle vérifie |',
    '| --- | --- | --- | --- |',
  ]
  for (const id of Object.keys(RULES).sort()) {
    const rule = RULES[id]!
    out.push(`| \`${id}\` | ${rule.severity === 'error' ? 'erreur' : 'avertissement'} | ${isConfigurable(id) ? 'oui' : 'non'} | ${rule.description} |`)
  }
  return `${out.join('\n')}\n`
}
