import type { Diagnostic } from '../diagnostic.ts'
import { inertCode, inertMarkdown } from '../inert-markdown.ts'
import { countByCategory, isLintRule, type RuleCatalogue } from '../messages.ts'
import { docsLink, type DocsRepository, type Formatter } from './formatter.ts'

/** The rule's id, linked to its documentation in the repository (absolute: a comment has no folder); plain without a repository. */
function ruleLink(ruleId: string, rules: RuleCatalogue, repository: DocsRepository | undefined): string {
  if (!repository) return `\`${ruleId}\``
  return `[\`${ruleId}\`](${docsLink(repository, isLintRule(rules, ruleId) ? `rules/${ruleId}.md` : 'regles.md')})`
}

/**
 * For a pull request comment or a GitHub job summary: counts per category,
 * then a table per fiche with links to the rules' docs.
 */
export const markdown: Formatter = (diagnostics, ctx) => {
  const fr = ctx.lang === 'fr'
  const { errors, warnings, files } = ctx.summary
  const out = [fr ? '## Registre : vérification des fiches' : '## Registry: fiche checks', '']
  out.push(fr ? `**${errors}** erreur${errors > 1 ? 's' : ''}, **${warnings}** avertissement${warnings > 1 ? 's' : ''} dans ${files} fichier${files > 1 ? 's' : ''}.` : `**${errors}** error${errors === 1 ? '' : 's'}, **${warnings}** warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`)
  const categories = countByCategory(diagnostics, ctx.rules)
  if (categories.length > 0) {
    out.push('', fr ? '| Catégorie | Avertissements |' : '| Category | Warnings |', '| --- | ---: |')
    for (const [c, n] of categories) out.push(`| ${inertMarkdown(ctx.rules.categoryLabel(c, ctx.lang))} | ${n} |`)
  }
  const byFile = new Map<string, Diagnostic[]>()
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d])
  for (const [file, list] of byFile) {
    out.push('', `### ${inertCode(file)}`, '', fr ? '| Ligne | Sévérité | Message | Correction | Règle |' : '| Line | Severity | Message | Fix | Rule |', '| ---: | --- | --- | --- | --- |')
    for (const d of list) {
      const sev = d.severity === 'error' ? (fr ? '❌ erreur' : '❌ error') : fr ? '⚠️ attention' : '⚠️ warning'
      out.push(`| ${d.line}:${d.column} | ${sev} | ${inertMarkdown(d.message)} | ${inertMarkdown(d.hint)} | ${ruleLink(d.ruleId, ctx.rules, ctx.repository)} |`)
    }
  }
  return `${out.join('\n')}\n`
}
