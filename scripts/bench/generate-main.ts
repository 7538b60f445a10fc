/**
 * `node --import tsx scripts/bench/generate-main.ts <root> <startups>`: one synthetic registry (generate.ts),
 * generated in a process of its own by bench.ts. Generating 50k fiches in the bench's own process left it
 * with about 800 MB of memory, and every process the bench timed afterwards (validate --changed among
 * them) took 16 ms longer to start than from a shell, as CI and contributors start them.
 */
import { generate } from './generate.ts'

const [root, startups] = process.argv.slice(2)
const size = Number(startups)
if (!root || !Number.isInteger(size) || size <= 0) {
  process.stderr.write('usage: generate-main.ts <root> <startups>\n')
  process.exit(2)
}
// Each commit rewrites the startups/ tree (one entry per fiche): commits are
// fewer for larger registries to keep generation near-linear.
generate(root, { startups: size, seed: 2026, commits: Math.min(2000, Math.round(5_000_000 / size)) })
