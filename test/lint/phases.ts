/** Changes to GOOD (rule-tester.ts) that move the product to another phase; lines after 13 shift by 2. */
export const TO_ACCELERATION: [string, string] = ['  - name: construction\n    start: 2023-07-01', '  - name: construction\n    start: 2023-07-01\n    end: 2023-12-31\n  - name: acceleration\n    start: 2024-01-01']
export const TO_ABANDON: [string, string] = ['  - name: construction\n    start: 2023-07-01', '  - name: construction\n    start: 2023-07-01\n    end: 2023-12-31\n  - name: abandon\n    start: 2024-01-01']
/** Back to investigation only (lines after 11 shift by -2). */
export const TO_INVESTIGATION: [string, string] = ['  - name: construction\n    start: 2023-07-01\n', '']
/** A construction that starts in the future as of 2024-06-01: the current phase stays investigation. */
export const FUTURE_CONSTRUCTION: [string, string] = ['    start: 2023-07-01', '    start: 2024-09-01']

/** A minimal fiche, with extra front matter lines, phases and body. */
export const fiche = (front: string, body = '## Contexte\n\n## Solution\n\n## Stratégie\n\n## Objectifs\n') =>
  `---\ntitle: Exemple\nmission: Une mission\nincubator: dinum\n${front}---\n${body}`
