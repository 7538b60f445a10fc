import { describe, expect, it } from 'vitest'
import { forReaders, frenchMonth } from '../../scripts/site/components.ts'

describe('forReaders: a lint text as the site shows it', () => {
  it.each([
    ['La phase « acceleration » a commencé le 2023-03-01.', 'La phase « Accélération » a commencé le 1er mars 2023.'],
    [
      'La fiche ne montre ni comité d’investissement ni changement de phase entre le 2026-06-07 et le 2026-12-07 ; le dernier comité indiqué date du 2024-11-20.',
      'La fiche ne montre ni comité d’investissement ni changement de phase entre le 7 juin 2026 et le 7 décembre 2026 ; le dernier comité indiqué date du 20 novembre 2024.',
    ],
    ['La phase « construction » a commencé le 2024-09-01 : plus de 24 mois avant le 2026-12-07.', 'La phase « Construction » a commencé le 1er septembre 2024 : plus de 24 mois avant le 7 décembre 2026.'],
    ['Valable jusqu’au 2027-01-31.', 'Valable jusqu’au 31 janvier 2027.'],
    // Not a day (no calendar date, or inside an address or a value), not a phase: as written.
    ['La date « 2024-02-30 » n’existe pas ; le 2024-02-30 non plus.', 'La date « 2024-02-30 » n’existe pas ; le 2024-02-30 non plus.'],
    ['La page https://exemple.fr/le 2024-01-01/x répond.', 'La page https://exemple.fr/le 2024-01-01/x répond.'],
    ['Ville 2024-01-01, alle 2024-01-01.', 'Ville 2024-01-01, alle 2024-01-01.'],
    ['La valeur « Construction » et « tech » restent.', 'La valeur « Construction » et « tech » restent.'],
    ['« constructor » et « __proto__ » ne sont pas des phases.', '« constructor » et « __proto__ » ne sont pas des phases.'],
  ])('%s', (text, shown) => {
    expect(forReaders(text)).toBe(shown)
  })
})

describe('frenchMonth: a month of the trends as readers say it', () => {
  it.each([
    ['2026-10', false, 'octobre\u00a02026'],
    ['2026-10', true, 'oct.\u00a02026'],
    ['2025-01', false, 'janvier\u00a02025'],
    ['2025-05', true, 'mai\u00a02025'],
    ['2025-12', true, 'déc.\u00a02025'],
    // Not a month: as written.
    ['2025-13', false, '2025-13'],
    ['2025-00', false, '2025-00'],
    ['2025-1', false, '2025-1'],
    ['octobre', false, 'octobre'],
  ] as const)('%s (short: %s) → %s', (month, short, shown) => {
    expect(frenchMonth(month, short)).toBe(shown)
  })
})
