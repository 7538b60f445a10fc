/** What `registry lint` says on stderr besides the diagnostics. */
import type { ChangedLint } from '../registry/lint.ts'
import type { Lang } from '../report/diagnostic.ts'

export function recorded(count: number, file: string, lang: Lang): string {
  return lang === 'fr' ? `${count} avertissements enregistrés dans ${file}.\n` : `${count} warnings recorded in ${file}.\n`
}

export function changedNote(c: ChangedLint & { revision: string }, lang: Lang): string {
  const n = c.fiches.length
  const added = c.added.length
  const fresh = c.introduced.length
  const fixed = c.fixed.length
  return lang === 'fr'
    ? `${n} fiche${n > 1 ? 's' : ''} modifiée${n > 1 ? 's' : ''} depuis ${c.revision}${added ? ` (dont ${added} ajoutée${added > 1 ? 's' : ''})` : ''} : ${fresh} avertissement${fresh > 1 ? 's' : ''} nouveau${fresh > 1 ? 'x' : ''}, ${fixed} corrigé${fixed > 1 ? 's' : ''}.\n`
    : `${n} fiche${n === 1 ? '' : 's'} changed since ${c.revision}${added ? ` (${added} added)` : ''}: ${fresh} new warning${fresh === 1 ? '' : 's'}, ${fixed} fixed.\n`
}

export function validationNote(errors: number, lang: Lang): string {
  return lang === 'fr' ? `Note : ${errors} erreur(s) de validation ; lancez registry validate.\n` : `Note: ${errors} validation error(s); run registry validate.\n`
}

/** --fail-on-new: `count` warnings beyond `reference` (the base revision, or the suppressions file). */
export function newWarnings(count: number, reference: string, lang: Lang): string {
  return lang === 'fr' ? `${count} avertissement(s) nouveau(x) par rapport à ${reference}.\n` : `${count} new warning(s) compared with ${reference}.\n`
}
