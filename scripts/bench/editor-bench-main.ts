/**
 * The editor's bench row alone, on a site already built: `npx tsx scripts/bench/editor-bench-main.ts
 * <site> <registry root> [config]` (the registry the site was built from, to find its largest
 * startup fiche). Prints the row as JSON and its summary.
 */
import { readFileSync } from 'node:fs'
import { editorBench, largestStartup, percentile } from './editor-bench.ts'

const [site, root, config] = process.argv.slice(2)
if (!site || !root) {
  console.error('usage : editor-bench-main.ts <site> <racine du registre> [configuration]')
  process.exit(2)
}
const folder = config ? ((JSON.parse(readFileSync(config, 'utf8')) as { collections?: { startups?: string } }).collections?.startups ?? 'startups') : 'startups'
const row = await editorBench(site, largestStartup(root, folder), Number(process.env.BENCH_EDITOR_VISITS ?? 5), Number(process.env.BENCH_EDITOR_PAUSES ?? 40))
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
console.log(`fiche ${row.fiche} (${row.ficheBytes} octets)`)
console.log(`première vérification : ${row.visits.map((v) => v.firstCheckMs.toFixed(0)).join(', ')} ms (médiane ${median(row.visits.map((v) => v.firstCheckMs)).toFixed(0)})`)
console.log(`téléchargé : ${row.visits.map((v) => (v.fetchedBytes / 1024).toFixed(0)).join(', ')} Ko ; script avant la première vérification : ${(row.visits[0]!.scriptBytes / 1024).toFixed(1)} Ko ; puis l’aperçu : ${(row.previewBytes / 1024).toFixed(1)} Ko`)
console.log(`vérification et messages après une pause : médiane ${median(row.pauses).toFixed(1)} ms, p95 ${percentile(row.pauses, 95).toFixed(1)} ms, max ${Math.max(...row.pauses).toFixed(1)} ms`)
console.log(`puis l’aperçu : médiane ${median(row.previews).toFixed(1)} ms, p95 ${percentile(row.previews, 95).toFixed(1)} ms, max ${Math.max(...row.previews).toFixed(1)} ms`)
