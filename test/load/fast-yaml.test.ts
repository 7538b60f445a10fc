/**
 * The parse stage's fast path (js-yaml 4, fast-yaml.ts) against the event parser
 * (js-yaml 5, the reference): whenever the fast path answers, it gives exactly the
 * event parser's data; otherwise parseYaml is the event parser. Checked on random and
 * mutated fiches (fixed seed; FUZZ_RUNS / FUZZ_SEED as in the pipeline fuzz), on YAML
 * written by js-yaml in every style, on the corner cases where js-yaml 4 and 5 were seen
 * to differ, and on the real corpus when ../shared is there.
 */
import fc from 'fast-check'
import { dump } from 'js-yaml'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { fastYaml } from '../../scripts/load/fast-yaml.ts'
import { parseYaml, parseYamlEvents, splitFrontMatter } from '../../scripts/load/parse-record.ts'
import { apply, mutation, VALUES } from '../fuzz/mutations.ts'
import { BASE } from '../helpers.ts'
import { REPO as REPO_ROOT } from '../cli/run.ts'

const runs = Number(process.env.FUZZ_RUNS ?? 150)
const seed = Number(process.env.FUZZ_SEED ?? 20261129)
const LIMITS = DEFAULT_CONFIG.limits
const SMALL = { ...LIMITS, maxDepth: 5, maxItems: 4 }

const frontMatter = (text: string) => {
  const split = splitFrontMatter(text)
  return typeof split === 'string' ? text : text.slice(split.yamlStart, split.yamlEnd)
}
const repoFiches = ['startups', 'organisations', 'incubators'].flatMap((c) =>
  readdirSync(path.join(REPO_ROOT, c)).map((name) => frontMatter(readFileSync(path.join(REPO_ROOT, c, name), 'utf8'))),
)
const seeds = [frontMatter(BASE['startups/exemple.md']!), ...repoFiches]

let fastAnswers = 0
/** The property: the fast path, when it answers, agrees with the events; parseYaml always does. */
function agrees(yaml: string, limits = LIMITS): void {
  const reference = parseYamlEvents(yaml, limits)
  const fast = fastYaml(yaml, limits)
  if (fast) {
    fastAnswers++
    expect('value' in reference, `the event parser refuses what the fast path accepts: ${JSON.stringify(yaml)}`).toBe(true)
    // isDeepStrictEqual tells -0 from 0 and an own __proto__ key from a prototype.
    expect(isDeepStrictEqual(fast.value, (reference as { value: unknown }).value), JSON.stringify(yaml)).toBe(true)
  }
  expect(parseYaml(yaml, limits)).toEqual(reference)
}

/** Pieces of YAML where js-yaml 4 and 5 can differ, or that must be refused (control characters and lone surrogates included). */
const PIECES = [...VALUES, 'a', 'key', ':', ': ', '- ', '? ', '"', "'", '"x"', "'y'", '\\', '#', ' #c', '[', ']', '{', '}', ', ', ' ', '  ', '\t', '|', '>', '|-', '>-', '|+', '>2', '0x1F', '-.5', '0b101', '1e3', '-0', '.NaN', '+.inf', '0o7', '1_000', 'Null', 'TRUE', '12:30:00', '2024-01-01T10:00:00Z', '---', '...', '%YAML', '@', '`', '&', '*', '!', ' !', ' & ', "l’a", '"a\\nb"', '""', '\r', 'é', '\uD800', '\uDC00', '\u0085', '\u2028', '\u00A0', '\uFEFF', '\u0001', '\u007F', '\u009F', '\uFFFE']
const line = fc.tuple(fc.nat(6), fc.array(fc.constantFrom(...PIECES), { maxLength: 6 })).map(([n, ps]) => ' '.repeat(n) + ps.join(''))
const pieces = fc.array(line, { minLength: 1, maxLength: 8 }).map((ls) => ls.join('\n'))

/** Data written by js-yaml 5 in a random style, then mutated. */
const dumped = fc
  .tuple(
    fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
    fc.record({ flowLevel: fc.integer({ min: -1, max: 2 }), lineWidth: fc.constantFrom(-1, 8, 40, 80), quotingType: fc.constantFrom("'" as const, '"' as const), forceQuotes: fc.boolean(), indent: fc.integer({ min: 1, max: 4 }) }),
    fc.array(mutation, { maxLength: 2 }),
  )
  .map(([data, options, mutations]) => mutations.reduce(apply, dump(data, options)))

describe('fast path of the YAML parse', () => {
  it('answers for most fiches of the repository, with the same data as the event parser', () => {
    const before = fastAnswers
    for (const yaml of seeds) agrees(yaml)
    expect(fastAnswers - before).toBeGreaterThanOrEqual(seeds.length - 1)
  })

  it('agrees with the event parser on mutated fiches', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }), (text, mutations) => agrees(mutations.reduce(apply, text))),
      { numRuns: runs * 4, seed },
    )
  })

  it('agrees with the event parser on YAML written by js-yaml in every style, and under tight limits', () => {
    const before = fastAnswers
    fc.assert(
      fc.property(dumped, fc.boolean(), (yaml, small) => agrees(yaml, small ? SMALL : LIMITS)),
      { numRuns: runs * 4, seed },
    )
    // The fast path is really exercised, not always declined.
    expect(fastAnswers - before).toBeGreaterThan(runs)
  })

  it('agrees with the event parser on lines made of risky pieces', () => {
    fc.assert(
      fc.property(pieces, fc.boolean(), (yaml, small) => agrees(yaml, small ? SMALL : LIMITS)),
      { numRuns: runs * 10, seed },
    )
  })

  it.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a non-specific tag', 'a: ! 1\n'],
    ['a directive', '%YAML 1.2\na: 1\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a quoted scalar over two lines, under-indented', 'k: "a\nb"\n'],
    ['a flow mapping over two lines, under-indented', 'k: {a: 1,\n}\n'],
    ['a comment right after a quote', "k: ''#c\n"],
    ['a block scalar with an indentation indicator', 'k: |1\n  a\n'],
    ['a block scalar with keep chomping', 'k: >+\n  a\n\n'],
    ['a block scalar line starting with #', 'k: >\n  #a\n'],
    ['an indented document marker', 'k:\n  ---\n'],
    ['an indented top-level sequence', '  - a\n- b\n'],
    ['a flow sequence as a key', '[a]: 1\n'],
    ['a tab in the indentation', 'k:\n\t- a\n'],
    ['a tab before a value', '" ": \t{}\n'],
    ['a carriage return', 'k: a\r\n'],
    ['a byte order mark', '\uFEFF!\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['too many items', 'k: [1, 2, 3, 4, 5]\n'],
    ['too deep', 'a: [[[[[[1]]]]]]\n'],
    ['an empty document', '\n'],
  ])('leaves %s to the event parser', (_name, yaml) => {
    expect(fastYaml(yaml, SMALL)).toBeUndefined()
    agrees(yaml, SMALL)
  })

  it.each([
    ['numbers as js-yaml 5 reads them', 'a: 0b101\nb: -0x1F\nc: -.5\nd: -0\ne: 0o17\nf: 1_000\ng: .NaN\nh: -.inf\n'],
    ['dates kept as written', 'a: 2024-02-30\nb: 2024-01-01T10:00:00Z\nc: 12:30:00\n'],
    ['a __proto__ key, own and harmless', '__proto__: {a: 1}\nb: 2\n'],
    ['text with ! & * > | after spaces', "title: Sur la route !\nmission: R & D * 2 > 1 | x\nb: l’équipe \"x\n"],
    ['a block scalar', 'a: |-\n  ligne 1\n  ligne 2\nb: >\n  plié\n'],
    ['nested sequences of mappings', 'phases:\n  - name: investigation\n    start: 2020-01-01\n  - name: construction\n'],
  ])('reads %s exactly as the event parser', (_name, yaml) => {
    expect(fastYaml(yaml, LIMITS)).toBeDefined()
    agrees(yaml)
  })

  const corpus = path.resolve(REPO_ROOT, '../shared/corpus/beta.gouv.fr/content')
  it.skipIf(!existsSync(corpus))('reads the real corpus as the event parser does, 95 % of it through the fast path', () => {
    const before = fastAnswers
    let files = 0
    for (const dir of readdirSync(corpus)) {
      for (const name of readdirSync(path.join(corpus, dir))) {
        agrees(frontMatter(readFileSync(path.join(corpus, dir, name), 'utf8')))
        files++
      }
    }
    expect(fastAnswers - before).toBeGreaterThanOrEqual(files * 0.95)
  })
})
