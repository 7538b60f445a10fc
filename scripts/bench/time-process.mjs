// `node scripts/bench/time-process.mjs <args…>`: runs `node <args…>` (in the current folder) and prints
// {"ms": wall time, "status": exit code, "stderr": its standard error}. bench.ts times whole processes
// through it, so that they are started from a small process, as a shell starts them: started from the
// bench's own process, after it had held hundreds of MB, `node -e 0` took 16 ms longer (59 -> 75 ms).
// Plain JavaScript, no import of the project: this process stays as small as node itself.
import { spawnSync } from 'node:child_process'

const start = performance.now()
// Standard output is read as a shell's pipe would be (the JSON reports are megabytes at 50k), then dropped.
const r = spawnSync(process.execPath, process.argv.slice(2), { encoding: 'utf8', maxBuffer: 1 << 28 })
const ms = performance.now() - start
process.stdout.write(`${JSON.stringify({ ms, status: r.status, stderr: r.status === 0 || r.status === 1 ? '' : String(r.stderr ?? r.error ?? '').slice(0, 4000) })}\n`)
