/**
 * The standards rules' documentation: one page per rule (docs/rules/<id>.md)
 * and the rules table of docs/standards.md, generated from the rule files
 * (their metadata and their `docs` text), so that they cannot drift.
 */
import { standardById, standardUrl } from '../lint/catalogue.ts'
import type { Applies, LintRule } from '../lint/define-rule.ts'
import { LINT_RULES } from '../lint/rules/index.ts'

const COLLECTIONS_FR: Record<string, string> = { startups: 'startups', organisations: 'organisations', incubators: 'incubateurs' }
export const APPLIES_FR: Record<Applies, string> = {
  always: 'toute fiche, quelle que soit la phase',
  active: 'produits actifs (pas transfere, abandon, abandon-investigation)',
  incubation: 'pendant l’incubation (investigation, construction, acceleration, consolidation ; pas opere)',
  construction: 'dès la construction (construction, acceleration, consolidation, opere)',
  live: 'dès la mise en ligne (à partir de l’accélération, ou en construction avec un lien ou un lancement daté après le début de la construction)',
  acceleration: 'à partir de l’accélération (fin de construction, pendant l’accélération)',
}

export const GENERATED = '<!-- Généré par `npm run docs` à partir de scripts/lint/rules/ : ne pas modifier à la main. -->'

export function rulePage(rule: LintRule<any>): string {
  const standards = rule.standards.map((id) => {
    const s = standardById(id)!
    return `- [${s.title}](${standardUrl(s)}) (\`${s.category}/${s.id}\`)`
  })
  const options = rule.options
    ? Object.entries(rule.options.schema).map(([k, s]) => `- \`${k}\` (${s.type}, défaut \`${JSON.stringify((rule.options!.defaults as Record<string, unknown>)[k])}\`) : ${s.description}`)
    : ['Aucune.']
  return [
    `# ${rule.id}`,
    '',
    GENERATED,
    '',
    rule.description,
    '',
    '| | |',
    '| --- | --- |',
    `| Catégorie | ${rule.category === 'value hygiene' ? 'hygiène des valeurs (pas un standard)' : rule.category} |`,
    `| S’applique à | ${rule.collections.map((c) => COLLECTIONS_FR[c]).join(', ')} ; ${APPLIES_FR[rule.applies]} |`,
    `| Preuve | ${rule.evidence === 'field' ? 'champs de la fiche' : 'vérification en ligne (`registry lint --online` seulement)'} |`,
    `| Sévérité par défaut | ${rule.severity === 'error' ? 'erreur' : 'avertissement'} |`,
    `| Aussi dans \`validate\` | ${rule.validate ? 'oui' : 'non'} |`,
    '',
    '## Standards',
    '',
    ...(standards.length > 0 ? standards : ['Aucun : règle d’hygiène des valeurs.']),
    '',
    '## Pourquoi, et comment corriger',
    '',
    rule.docs,
    '',
    '## Options',
    '',
    ...options,
    '',
    '## Régler ou exempter',
    '',
    `Dans \`registry.config.json\` : \`"rules": { "${rule.id}": "off" }\` (ou \`"error"\`${rule.options ? `, ou \`["warning", { …options }]\`` : ''}). Pour une seule fiche, une exemption justifiée (\`standards_exemptions\`, voir [exemption-invalid](exemption-invalid.md)).`,
    '',
  ].join('\n')
}

export function rulesTable(): string {
  const out = ['| Règle | Catégorie | Standards | Phases | Preuve |', '| --- | --- | --- | --- | --- |']
  for (const r of LINT_RULES) {
    out.push(`| [\`${r.id}\`](rules/${r.id}.md) | ${r.category} | ${r.standards.map((s) => `\`${s}\``).join(', ') || '–'} | ${r.applies} | ${r.evidence} |`)
  }
  return out.join('\n')
}

export function standardsRulePages(): Map<string, string> {
  return new Map(LINT_RULES.map((r) => [`rules/${r.id}.md`, rulePage(r)]))
}
