/** What `registry lint` says on stderr besides the diagnostics. */
import type { ChangedLint } from '../registry/lint.ts'
import type { Lang } from '../report/diagnostic.ts'

export function recorded(count: number, file: string, lang: Lang): string {
  return lang === 'fr' ? `${count} avertissement${count > 1 ? 's' : ''} enregistré${count > 1 ? 's' : ''} dans ${file}.\n` : `${count} warning${count === 1 ? '' : 's'} recorded in ${file}.\n`
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
  const s = errors > 1 ? 's' : ''
  return lang === 'fr' ? `Note : ${errors} erreur${s} de validation ; lancez registry validate.\n` : `Note: ${errors} validation error${errors === 1 ? '' : 's'}; run registry validate.\n`
}

/** --fail-on-new: `count` warnings beyond `reference` (the base revision, or the suppressions file). */
export function newWarnings(count: number, reference: string, lang: Lang): string {
  return lang === 'fr'
    ? `${count} avertissement${count > 1 ? 's' : ''} nouveau${count > 1 ? 'x' : ''} par rapport à ${reference}.\n`
    : `${count} new warning${count === 1 ? '' : 's'} compared with ${reference}.\n`
}
