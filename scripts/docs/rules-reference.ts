/** The rules reference (docs/regles.md), generated from the message catalog. */
import { isConfigurable, isLintRule, RULES } from '../lint/rule-catalogue.ts'

export function rulesReference(): string {
  const out = [
    '# Référence des règles',
    '',
    '<!-- Généré par `npm run docs` à partir de scripts/report/messages.ts : ne pas modifier à la main. -->',
    '',
    "Chaque diagnostic porte l’identifiant d’une règle. Une erreur bloque la pull request et la compilation ; un avertissement signale un défaut sans bloquer (sauf avec `--strict`). La colonne « Réglable » indique si `registry.config.json` peut changer la sévérité (`\"rules\": {\"ref/unknown-owner\": \"warning\"}`). La colonne « Correction automatique » indique si la règle donne sa correction quand elle est sûre : `registry fix` l’applique, le format json la donne (`fix`) et le format sarif aussi (`fixes`) ; une correction incertaine n’est jamais proposée.",
    '',
    'Les règles sans barre oblique (`contact-missing`…) sont les règles de standards du programme : voir [standards.md](standards.md) et la page de chaque règle.',
    '',
    '| Règle | Sévérité | Réglable | Correction automatique | Ce qu’elle vérifie |',
    '| --- | --- | --- | --- | --- |',
  ]
  for (const id of Object.keys(RULES).sort()) {
    const rule = RULES[id]!
    const name = isLintRule(id) ? `[\`${id}\`](rules/${id}.md)` : `\`${id}\``
    out.push(`| ${name} | ${rule.severity === 'error' ? 'erreur' : 'avertissement'} | ${isConfigurable(id) ? 'oui' : 'non'} | ${rule.fixable ? 'oui' : 'non'} | ${rule.description} |`)
  }
  return `${out.join('\n')}\n`
}
