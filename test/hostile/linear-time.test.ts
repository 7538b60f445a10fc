// Generated adversarial inputs for every format and reference check: the time
// they take grows at most linearly with the size of the input. Each size is
// timed per character (a 1 KB value checked 64 times, a 1 MiB value once), so
// that a linear check takes about the same time per character at every size
// and a quadratic one 1,000 times longer at 1 MiB than at 1 KB. Only ratios
// are compared, never absolute times; the allowed factor is generous
// (SLACK) because the machine is shared.
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG, type Collection } from '../../scripts/load/config.ts'
import type { ParsedRecord } from '../../scripts/load/parse-record.ts'
import { FORMATS } from '../../scripts/validate/formats.ts'
import { checkReferences, type Entry } from '../../scripts/validate/references.ts'
import { summarize } from '../../scripts/report/diagnostic.ts'
import { stylish } from '../../scripts/report/formatters/stylish.ts'
import { BASE, check, sources } from '../helpers.ts'
import { lintRecords } from '../../scripts/lint/lint-registry.ts'
import { validateRegistry } from '../../scripts/validate/validate-registry.ts'
import { RULE_CATALOGUE } from '../../scripts/lint/rule-catalogue.ts'

const KB = 1024
const MAX = DEFAULT_CONFIG.limits.maxFileBytes
const SIZES = [KB, 100 * KB, MAX]
const SLACK = 8
/** Measurements of a size series, at most, before a ratio over SLACK fails the test. */
const ATTEMPTS = 4

/**
 * Characters handled per measurement at the small sizes (the largest is handled once). Enough
 * for a measurement of tens of milliseconds: each check of a fiche runs the whole pipeline on
 * the whole registry, whose fixed cost a larger total only repeats.
 */
const TOTAL = 64 * KB

/** The time of `work(size)`, repeated to handle TOTAL characters, per character. */
function timePerChar(size: number, work: (size: number) => void): number {
  const repeat = Math.max(1, Math.round(TOTAL / size))
  const start = performance.now()
  for (let i = 0; i < repeat; i++) work(size)
  return (performance.now() - start) / (repeat * size)
}

/**
 * Asserts that the time per character at each size stays within SLACK of the smallest size's.
 * While a ratio is over SLACK, every size is measured again (up to ATTEMPTS in all), keeping
 * each size's best time: another process taking the core for a moment slows one measurement, a
 * quadratic check slows them all. A linear check is measured once (the largest size, the
 * maximum size of a fiche, costs the most).
 */
function expectLinear(work: (size: number) => void, sizes = SIZES): void {
  timePerChar(sizes[0]!, work) // warm up the JIT
  const best = sizes.map(() => Infinity)
  const ratios = () => best.slice(1).map((t) => t / best[0]!)
  for (let attempt = 0; attempt < ATTEMPTS && ratios().some((r) => !(r < SLACK)); attempt++) {
    for (const [i, size] of sizes.entries()) best[i] = Math.min(best[i]!, timePerChar(size, work))
  }
  for (const [i, ratio] of ratios().entries()) {
    expect(ratio, `time per character at ${sizes[i + 1]} characters, relative to ${sizes[0]}`).toBeLessThan(SLACK)
  }
}

/**
 * Adversarial values of about `size` characters: a repeated fragment that
 * makes a backtracking expression try every split (spaces, dots, @, slashes),
 * behind the prefixes that let a format's expression get that far, and ending
 * with a character that makes the match fail last.
 */
const FRAGMENTS = [' ', '.', '@', 'a.', '/', '\t']
const ENDINGS = ['x', ' x', '@']
function adversarial(size: number): string[] {
  const values: string[] = []
  for (const fragment of FRAGMENTS) {
    const body = fragment.repeat(Math.ceil(size / fragment.length)).slice(0, size)
    for (const ending of ENDINGS) values.push(`${body}${ending}`, `a@${body}${ending}`, `https://a${body}${ending}`, `/organisations/${body}${ending}`)
  }
  return values
}

describe('every format check is linear on adversarial values', () => {
  it.each(Object.keys(FORMATS))('%s', (name) => {
    const format = FORMATS[name]!
    const cache = new Map<number, string[]>()
    expectLinear((size) => {
      let values = cache.get(size)
      if (!values) cache.set(size, (values = adversarial(size)))
      for (const v of values) format(v)
    })
  })
})

const STARTUP = BASE['startups/exemple.md']!
const FICHE_OVERHEAD = STARTUP.length + 64

/** The startup fiche with one line replaced by `line` (quoted values stay on one line). */
const withLine = (from: string, line: string) => ({ 'startups/exemple.md': STARTUP.replace(from, line) })

describe('every check of a fiche is linear in the size of its values (whole pipeline)', () => {
  const cases: [string, string, (size: number) => Record<string, string>][] = [
    ['contact (email format)', 'schema/format', (n) => withLine('contact: equipe@exemple.beta.gouv.fr', `contact: "a@${'a.'.repeat(n / 2)}@"`)],
    ['link (URL format)', 'schema/format', (n) => withLine('link: https://exemple.beta.gouv.fr', `link: "${' '.repeat(n)}x"`)],
    ['an unknown incubator (suggestion)', 'ref/unknown-incubator', (n) => withLine('incubator: dinum', `incubator: ${'dinum'.repeat(n / 5)}`)],
    ['an unknown sponsor (suggestion)', 'ref/unknown-sponsor', (n) => withLine('  - /organisations/dinum', `  - /organisations/${'dinum'.repeat(n / 5)}`)],
    ['an unknown co-incubator (suggestion)', 'ref/unknown-incubator', (n) => withLine('incubator: dinum', `incubator: dinum\nincubators: [dinum, ${'dinun'.repeat(n / 5)}]`)],
    ['an unknown owner of an incubator (suggestion)', 'ref/unknown-owner', (n) => ({ 'incubators/ademe.md': BASE['incubators/ademe.md']!.replace('owner: /organisations/ademe', `owner: /organisations/${'ademe'.repeat(n / 5)}`) })],
    ['an unknown key (suggestion)', 'schema/unknown-key', (n) => withLine('title: Exemple', `title: Exemple\n${'titre'.repeat(n / 5)}: 1`)],
    ['a phase name outside the enum (suggestion)', 'schema/enum', (n) => withLine('  - name: construction', `  - name: ${'construction'.repeat(n / 12)}`)],
    ['a value with spaces around', 'value/untrimmed', (n) => withLine('title: Exemple', `title: "${' '.repeat(n)}Exemple "`)],
    ['a value with control characters', 'value/invalid-text', (n) => withLine('title: Exemple', `title: "${'\\e'.repeat(n / 2)}"`)],
    ['many unknown startups listed by an incubator (suggestions)', 'ref/unknown-startup', (n) => ({
      'incubators/dinum.md': BASE['incubators/dinum.md']!.replace('  - exemple', Array.from({ length: Math.min(999, n / 20) }, (_, i) => `  - produit-inconnu-${i}${'x'.repeat(Math.max(0, n / Math.min(999, n / 20) - 40))}`).join('\n')),
    })],
  ]
  it.each(cases)('%s', (_, ruleId, fiche) => {
    // The value does reach the check being timed.
    expect(check(fiche(2 * KB)).map((d) => d.ruleId)).toContain(ruleId)
    expectLinear((size) => {
      check(fiche(Math.max(40, size - FICHE_OVERHEAD)))
    })
  })

  // One line of flow mappings full of unknown keys: thousands of problems on a
  // single line, each located (its column counted) and printed with its code
  // frame. Counting each column from the start of the line took minutes at 1 MB.
  it('a one-line front matter full of unknown keys, located and printed', () => {
    const keys = Array.from({ length: 90 }, (_, i) => `k${i}: 1`).join(', ')
    const item = `{name: idee, start: 2020-01-01, ${keys}}`
    expectLinear((size) => {
      const count = Math.max(1, Math.floor((size - FICHE_OVERHEAD) / (item.length + 2)))
      const files = { ...BASE, 'startups/exemple.md': STARTUP.replace(/phases:\n(?: {2}.*\n)*/, `phases: [${Array(count).fill(item).join(', ')}]\n`) }
      const diagnostics = check(files)
      stylish(diagnostics, { summary: summarize(diagnostics, 5), lang: 'fr', texts: new Map(Object.entries(files)), color: false, rules: RULE_CATALOGUE })
    }, [2 * KB, 32 * KB, 256 * KB])
  })
})

describe('references across the registry', () => {
  // n startups and n unknown references, of lengths that defeat a length filter:
  // suggesting for each unknown reference against every id was quadratic (215 s
  // for a few incubators listing thousands of unknown startups).
  const registry = (n: number) => {
    const entries: Entry[] = Array.from({ length: n }, (_, i) => ({ file: `startups/produit-${i}.md`, collection: 'startups' as Collection, id: `produit-${i}` }))
    const perFiche = 1000
    const records: ParsedRecord[] = []
    for (let f = 0; f * perFiche < n; f++) {
      const list = Array.from({ length: Math.min(perFiche, n - f * perFiche) }, (_, i) => `produlT-${f * perFiche + i}`)
      records.push({ file: `incubators/i${f}.md`, collection: 'incubators', id: `i${f}`, data: { highlighted_startups: list }, body: '', text: '', yamlStart: 0, yamlEnd: 0 })
    }
    return { entries, records }
  }
  it('suggestions for n unknown startups among n startups take time linear in n', () => {
    const small = registry(500)
    const big = registry(20_000)
    const time = (r: ReturnType<typeof registry>) => {
      let best = Infinity
      for (let i = 0; i < 3; i++) {
        const start = performance.now()
        checkReferences(r.records, r.entries, DEFAULT_CONFIG)
        best = Math.min(best, performance.now() - start)
      }
      return best
    }
    time(small)
    const ratio = time(big) / 20_000 / (time(small) / 500)
    expect(ratio).toBeLessThan(SLACK)
    // The suggestions are still made where they can be.
    expect(checkReferences(small.records, small.entries, DEFAULT_CONFIG)[0]!.data!.suggestion).toBe('produit-0')
  })
})

describe('every standards rule is linear in the size of the fiche', () => {
  /** Lints the registry with exemple.md replaced: the standards rules run even on fiches the schema rejects (not on a header that cannot be read). */
  const lint = (files: Record<string, string>) => {
    const srcs = sources({ ...BASE, ...files })
    const { records } = validateRegistry(srcs, srcs, DEFAULT_CONFIG)
    return { linted: records.map((r) => r.file), diagnostics: lintRecords(records, DEFAULT_CONFIG, 'fr', '2026-06-01').diagnostics }
  }
  const FIELDS = ['contact', 'link', 'repository', 'stats_url', 'budget_url', 'impact_url', 'dashlord_url', 'mission', 'accessibility_status']
  const cases: [string, (n: number) => Record<string, string>][] = [
    ...FIELDS.flatMap((field) => FRAGMENTS.map((fragment): [string, (n: number) => Record<string, string>] => [
      `${field}: ${JSON.stringify(fragment)} repeated`,
      // The field's line replaced (a second line of the same key would make the header unreadable, and no rule would run).
      (n) => ({ 'startups/exemple.md': STARTUP.replace(new RegExp(`^${field}: .*\n`, 'm'), '').replace('title: Exemple', `title: Exemple\n${field}: "a${fragment.repeat(Math.ceil(n / fragment.length)).slice(0, n).replace(/\t/g, '\\t')}@x "`) }),
    ])),
    ['a body of headings and key: value lines', (n) => ({ 'startups/exemple.md': `${STARTUP.trimEnd()}\n${'## Problème   \nclé: valeur\n'.repeat(Math.ceil(n / 24))}` })],
    ['a body of one long line of spaces', (n) => ({ 'startups/exemple.md': `${STARTUP}\n${' '.repeat(n)}x\n` })],
    ['many thematiques and usertypes in case variants', (n) => ({ 'startups/exemple.md': STARTUP.replace('title: Exemple', `title: Exemple\nthematiques: [${Array.from({ length: Math.min(999, Math.ceil(n / 12)) }, (_, i) => `Santé ${i}`).join(', ')}]\nusertypes: [${Array.from({ length: Math.min(999, Math.ceil(n / 12)) }, (_, i) => `Citoyen${i}`).join(', ')}]`) })],
  ]
  it.each(cases)('%s', (_, fiche) => {
    // The fiche's header is read: its values reach the rules being timed.
    expect(lint(fiche(2 * KB)).linted).toContain('startups/exemple.md')
    expectLinear((size) => {
      lint(fiche(Math.max(40, size - FICHE_OVERHEAD)))
    })
  })
})
