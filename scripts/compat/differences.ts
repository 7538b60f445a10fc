/**
 * The deliberate differences between the registry's v2.7 files and the files
 * of the current beta.gouv.fr site: the only list of them in code. docs/api.md
 * mirrors it (a test checks that every id is there). Each difference says
 * which file it concerns, what changes and why, and, when the compatibility
 * check can observe it, a matcher that recognises it precisely (a difference
 * that no matcher explains makes `npm run compat` fail).
 */
import { CSV_ALWAYS_QUOTED, CSV_FORMULA_START } from '../compile/build-api-v2-7.ts'
import { compareValues, type ComparedFile, type Difference } from './compare.ts'
import { parseCsv } from './csv.ts'

export interface KnownDifference {
  id: string
  file: ComparedFile | 'tous'
  /** What differs, in French, for the report and the documentation. */
  summary: string
  /** Why the registry differs on purpose. */
  reason: string
  /**
   * Recognises a difference reported by the comparison as this one; absent
   * when the comparison cannot observe it (the reference would not parse).
   */
  matches?: (difference: Difference) => boolean
}

/** The line that the site's template would write for these fields: joined by `;`, four columns between quotes, nothing escaped. */
export function legacyCsvLine(fields: readonly string[]): string {
  return fields.map((f, i) => (CSV_ALWAYS_QUOTED.has(i) ? `"${f}"` : f)).join(';')
}

function sameAsLegacy(expected: unknown, actual: unknown): boolean {
  if (!Array.isArray(expected) || !Array.isArray(actual) || !actual.every((f) => typeof f === 'string')) return false
  let legacy: string[][]
  try {
    legacy = parseCsv(legacyCsvLine(actual as string[]))
  } catch {
    return false
  }
  return legacy.length === 1 && compareValues(expected, legacy[0], { file: 'startups.csv', section: '', record: '' }).length === 0
}

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    id: 'csv-field-escaping',
    file: 'startups.csv',
    summary:
      'Un champ qui contient « ; », « " », un retour à la ligne ou un retour chariot est écrit entre guillemets, ses guillemets doublés (RFC 4180). Le site actuel l’écrit tel quel : la ligne a alors trop de champs (3 lignes du corpus, dont les champs link ou repository contiennent « ; ») ou ne se lit plus.',
    reason: 'Un CSV doit se relire à l’identique quelle que soit la valeur ; la ligne actuelle décale les colonnes suivantes.',
    matches: (d) => d.file === 'startups.csv' && d.section === 'startups' && d.kind === 'changed' && d.path === '' && sameAsLegacy(d.expected, d.actual),
  },
  {
    id: 'csv-blank-lines',
    file: 'startups.csv',
    summary: 'Pas de ligne vide : le site actuel écrit une ligne vide après l’en-tête et une autre à la fin du fichier.',
    reason: 'Une ligne vide est un enregistrement d’un seul champ, ce que la RFC 4180 ne permet pas (toutes les lignes ont le même nombre de champs) ; les tableurs l’affichent comme une ligne blanche.',
    matches: (d) =>
      d.file === 'startups.csv' && d.section === 'lignes vides' && d.kind === 'missing' && Array.isArray(d.expected) && d.expected.length === 1 && d.expected[0] === '',
  },
  {
    id: 'csv-formula',
    file: 'startups.csv',
    summary:
      'Un champ qui commence par « = », « + », « - », « @ », une tabulation ou un retour chariot est écrit précédé d’une apostrophe et entre guillemets (recommandation de l’OWASP contre l’injection de formules). Le site actuel l’écrit tel quel. Aucune valeur du corpus n’est concernée.',
    reason: 'Ouvert dans un tableur, un tel champ serait une formule active (=HYPERLINK(…) envoie les données de la feuille ailleurs) ; les fiches viennent de contributeurs extérieurs.',
    matches: (d) => d.file === 'startups.csv' && d.section === 'startups' && d.kind === 'changed' && typeof d.expected === 'string' && CSV_FORMULA_START.test(d.expected) && d.actual === `'${d.expected}`,
  },
  {
    id: 'json-escaping',
    file: 'tous',
    summary:
      'Les valeurs qui contiennent « " », « \\ », une tabulation, un retour à la ligne ou un autre caractère de contrôle sont échappées selon JSON. Le site actuel les écrit telles quelles (sauf organisations.json pour « " ») : le fichier entier devient illisible par un analyseur JSON.',
    reason: 'Un fichier JSON doit rester valide quelle que soit la valeur d’une fiche. Aucune valeur du corpus actuel n’est concernée (sinon l’API actuelle serait déjà cassée) ; la vérification de compatibilité ne peut pas l’observer, les tests le vérifient.',
  },
]

/** The known difference that explains this one, if any. */
export function explain(difference: Difference, known: readonly KnownDifference[] = KNOWN_DIFFERENCES): KnownDifference | undefined {
  return known.find((k) => k.matches?.(difference))
}
