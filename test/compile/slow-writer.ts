// Child process for the kill-during-build test: announces itself, then writes
// a large output with writeOutput. Run with `node --import tsx`.
import { writeOutput } from '../../scripts/compile/write-output.ts'

const [out, label, count] = process.argv.slice(2)
const files = new Map<string, string>()
for (let i = 0; i < Number(count); i++) files.set(`api/v1/startups/s${String(i).padStart(5, '0')}.json`, `${JSON.stringify({ label, i, pad: 'x'.repeat(2000) })}\n`)
process.stdout.write('start\n')
await writeOutput(out!, files)
process.stdout.write('done\n')
