/**
 * Each command's --help lists every format its --format accepts, and only those: the help is
 * read, then each format is tried on the command for real (a usage error or not).
 */
import { afterAll, describe, expect, it } from 'vitest'
import { FORMAT_NAMES } from '../../scripts/report/formatters/names.ts'
import { CHANGES_FORMATS } from '../../scripts/history/changes-formats.ts'
import { cleanTemps, copyRegistry, run } from './run.ts'

afterAll(cleanTemps)

const ALL = [...new Set<string>([...FORMAT_NAMES, ...CHANGES_FORMATS])]
const COMMANDS: [command: string, args: string[]][] = [
  ['validate', []],
  ['lint', []],
  ['build', []],
  ['new', ['startup', 'essai-format']],
  ['changes', ['--since', '2020-01-01']],
  ['report', []],
  ['docs', []],
  ['propose', ['startups/exemple.md', '--repo', 'betagouv/registre']],
]

/** The formats named on the --format line(s) of a help text. */
function listed(help: string): string[] {
  const lines = help.split('\n')
  const at = lines.findIndex((l) => /^\s*--format /.test(l))
  if (at === -1) return []
  const text = [lines[at]!, ...lines.slice(at + 1).filter((_, i, rest) => rest.slice(0, i + 1).every((l) => /^\s{10,}\S/.test(l)))].join(' ')
  return ALL.filter((f) => new RegExp(`\\b${f}\\b`).test(text))
}

describe('--help lists the formats each command accepts', () => {
  it.each(COMMANDS)('%s', async (command, args) => {
    for (const lang of ['fr', 'en']) {
      const help = await run([command, '--help', '--lang', lang])
      expect(help.code).toBe(0)
      const named = listed(help.stdout)
      const accepted: string[] = []
      for (const f of ALL) {
        const r = await run([command, ...args, '--format', f, '--lang', lang], { cwd: copyRegistry(), env: {} })
        if (!/--format/.test(r.stderr)) accepted.push(f)
      }
      expect(named.sort(), `${command} --help --lang ${lang}`).toEqual(accepted.sort())
    }
  }, 60_000)

  it('the general help names every format of the diagnostics and those of changes', async () => {
    for (const lang of ['fr', 'en']) {
      const r = await run(['--help', '--lang', lang])
      const line = r.stdout.split('\n').filter((l, i, all) => /^\s*--format /.test(l) || /^\s*--format /.test(all[i - 1] ?? '')).join(' ')
      for (const f of ALL) expect(line).toContain(f)
    }
  })
})
