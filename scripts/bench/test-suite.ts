/**
 * The test suite as CI runs it (issue 25): a fresh clone of the bench's checkout at HEAD
 * (committed work only, without ../shared next to it: the opt-in real-corpus tests skip, as
 * on CI), `npm ci` (npm's cache as this machine has it, --prefer-offline), then the README's
 * test command, `npm test`, timed from its start to its end with the CPU it used (user +
 * system, of the whole process tree). `BENCH_SUITE_RUNS` runs (1 by default: 3 to 4 minutes
 * each); 0 skips it.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

export interface TestSuiteRow {
  /** Wall time of `npm test`. */
  ms: number
  /** CPU time of `npm test` and its children (user + system); NaN without /usr/bin/time. */
  cpuMs: number
  /** What vitest counted. */
  passed: number
  skipped: number
  failed: number
}

/** One run: throws when the suite fails or cannot run (a failing suite has no time to report). */
export function testSuite(repo: string, work: string, run: number): TestSuiteRow {
  // Two levels below `work`, so that no ../shared is found from the clone (tests look for ../shared).
  const clone = path.join(work, `suite-${run}`, 'registre')
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repo, clone])
  const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: clone, encoding: 'utf8', env: { ...process.env, CI: 'true' } })
  if (ci.status !== 0) throw new Error(`npm ci a échoué dans ${clone} :\n${ci.stderr.slice(-2000)}`)
  const report = path.join(clone, 'vitest-report.json')
  // /usr/bin/time -f: the CPU of the whole tree (vitest's workers, Chromium, the processes the tests start).
  const timeFile = path.join(clone, 'time.txt')
  const timed = existsSync('/usr/bin/time')
  const command = ['npm', 'test', '--', '--reporter=json', `--outputFile=${report}`]
  const start = performance.now()
  const r = spawnSync(timed ? '/usr/bin/time' : command[0]!, timed ? ['-o', timeFile, '-f', '%U %S', ...command] : command.slice(1), { cwd: clone, encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 1 << 26 })
  const ms = performance.now() - start
  const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numPendingTests: number; numTodoTests: number; numFailedTests: number }
  if (r.status !== 0 || json.numFailedTests > 0) throw new Error(`npm test a échoué dans ${clone} (${json.numFailedTests} tests en échec)`)
  const [user, system] = timed ? readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : [NaN, NaN]
  return { ms, cpuMs: (user! + system!) * 1000, passed: json.numPassedTests, skipped: json.numPendingTests + json.numTodoTests, failed: json.numFailedTests }
}
