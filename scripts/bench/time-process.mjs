// `node scripts/bench/time-process.mjs <args…>`: runs `node <args…>` (in the current folder) and prints
// {"ms": wall time, "cpuMs": its processor time (user + system, null where /proc is missing), "status": exit
// code, "stderr": its standard error}. bench.ts times whole processes
// through it, so that they are started from a small process, as a shell starts them: started from the
// bench's own process, after it had held hundreds of MB, `node -e 0` took 16 ms longer (59 -> 75 ms).
// Plain JavaScript, no import of the project: this process stays as small as node itself.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/**
 * The processor time (user + system, ms) of this process's children that have ended: cutime and
 * cstime of /proc/self/stat, in clock ticks (100 per second on Linux, so to 10 ms); null elsewhere.
 * Less disturbed than the wall time by other work on a shared machine.
 */
function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    // The fields after the command's name (in parentheses, which may hold spaces): cutime and cstime are the 16th and 17th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[13]) + Number(fields[14])) * 10
  } catch {
    return null
  }
}

const start = performance.now()
// Standard output is read as a shell's pipe would be (the JSON reports are megabytes at 50k), then dropped.
const r = spawnSync(process.execPath, process.argv.slice(2), { encoding: 'utf8', maxBuffer: 1 << 28 })
const ms = performance.now() - start
const cpuMs = childrenCpuMs()
process.stdout.write(`${JSON.stringify({ ms, cpuMs, status: r.status, stderr: r.status === 0 || r.status === 1 ? '' : String(r.stderr ?? r.error ?? '').slice(0, 4000) })}\n`)
