#!/usr/bin/env node
// Entry point of the `registry` command: loads the TypeScript sources through
// tsx (no build step) and hands the process's I/O to the CLI.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../scripts/cli/main.ts')

process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err
})
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
})
