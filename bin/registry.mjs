#!/usr/bin/env node
// Entry point of the `registry` command. It runs the plain JavaScript bundle that
// `npm ci` / `npm install` (the `prepare` script) and `npm run bundle` write in
// .registry-bin/, so no TypeScript compiler loads at run time. When that bundle is
// missing or older than the sources (a source edited, pulled or checked out since), it
// runs the sources through tsx instead, which development installs have: the rules
// that run are always those of the sources.
import { fileURLToPath } from 'node:url'
import { bundleState } from '../scripts/bundle/freshness.mjs'

const root = fileURLToPath(new URL('../', import.meta.url))

async function load() {
  const state = bundleState(root)
  if (state === 'fresh') return import('../.registry-bin/main.mjs')
  let register
  try {
    ;({ register } = await import('tsx/esm/api'))
  } catch {
    process.stderr.write(
      state === 'missing'
        ? 'Le programme compilé (.registry-bin/) est absent : lancez « npm run bundle » (ou « npm ci ») dans le dossier de l’outil.\n'
        : 'Le programme compilé (.registry-bin/) est plus ancien que les sources : lancez « npm run bundle » dans le dossier de l’outil.\n',
    )
    process.exit(2)
  }
  // Said only to a person at a terminal: scripts and tests read the same output either way.
  if (process.stderr.isTTY) process.stderr.write(`(sources chargées par tsx, plus lent : le programme compilé est ${state === 'missing' ? 'absent' : 'périmé'} ; « npm run bundle » le refait)\n`)
  register()
  return import('../scripts/cli/main.ts')
}

const { main } = await load()
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err
})
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  // At a terminal, a command may ask (registry new asks for what its options do not give).
  ...(process.stdin.isTTY && {
    ask: async (question) => {
      const { createInterface } = await import('node:readline/promises')
      const rl = createInterface({ input: process.stdin, output: process.stderr })
      try {
        return await rl.question(question)
      } finally {
        rl.close()
      }
    },
  }),
})
