/**
 * The architecture of scripts/, as dependency-cruiser rules (run by
 * test/architecture/architecture.test.ts in `npm test`; by hand:
 * `npx depcruise scripts bin --config .dependency-cruiser.cjs`).
 *
 * The floors, from the ground up: an arrow may only point down a floor.
 *
 *   bin/registry.mjs        the `registry` command: runs cli/ (bundled or through tsx)
 *   cli/                    the shell: parses argv, calls the API, prints through a formatter,
 *                           returns the exit code; composes no stage
 *   bench/, compat/         tools: call the API (or a stage), never cli/
 *   site/editor/            the browser's shell: the editor page calls registry-core.ts
 *   registry.ts, registry/  the programmatic API: each job (validate, lint, build, history,
 *                           report, fiche, docs) composes the stages and does its I/O at its edge
 *   registry-core.ts        the API's browser-safe half: the checks' composition, no node: module
 *   stages                  load/ validate/ lint/ evidence/ history/ compile/ site/ git/ github/
 *                           scaffold/ docs/ bundle/: each takes data and returns data plus
 *                           problems; no cycle between them (lint/ below evidence/ below history/
 *                           below compile/ below site/)
 *   ground                  report/ (Diagnostic, messages of the core rules, locate, finalize,
 *                           formatters), errors.ts, tool-root.ts: import nothing of the above
 *
 * What the browser runs importing no node: module is checked by the bundle (esbuild refuses it
 * for the browser platform: test/bundle/browser-bundle.test.ts), not here.
 */

/** The stages: what the API composes. */
const STAGES = '^scripts/(load|validate|lint|evidence|history|compile|site|git|github|scaffold|docs|bundle)/'
/** The API: the one module programs import, its jobs, and its browser-safe half. */
const API = '^scripts/(registry\\.ts|registry-core\\.ts|registry/)'

module.exports = {
  forbidden: [
    {
      name: 'cli-only-from-bin',
      comment: 'cli/ is the shell: only bin/registry.mjs runs it. A stage, the API or a tool (bench/, compat/) that needs what a command does calls the API (scripts/registry.ts).',
      severity: 'error',
      from: { path: '^', pathNot: ['^bin/', '^scripts/cli/'] },
      to: { path: '^scripts/cli/' },
    },
    {
      name: 'cli-calls-the-api',
      comment: 'A command parses its options, calls the API and prints through a formatter: cli/ imports the API, report/ (formatters, types), the errors and the names of the formats, never a stage (that would be composing stages in the shell).',
      severity: 'error',
      from: { path: '^scripts/cli/' },
      to: { path: '^scripts/', pathNot: ['^scripts/cli/', API, '^scripts/report/', '^scripts/errors\\.ts$', '^scripts/tool-root\\.ts$', '^scripts/history/changes-formats\\.ts$'] },
    },
    {
      name: 'ground-imports-no-stage',
      comment: 'report/ and errors.ts are the ground floor: every stage imports them, so they import nothing of the stages, the API or the shells (what they need of the rules, finalize and the formatters are handed: the RuleCatalogue).',
      severity: 'error',
      from: { path: '^scripts/(report/|errors\\.ts$)' },
      to: { path: '^scripts/', pathNot: ['^scripts/report/', '^scripts/errors\\.ts$'] },
    },
    {
      name: 'lint-not-compile',
      comment: 'lint/ is below compile/: the feed reads the lint\'s results, never the other way (the feed\'s version is added by compile/build-feed.ts).',
      severity: 'error',
      from: { path: '^scripts/lint/' },
      to: { path: '^scripts/compile/' },
    },
    {
      name: 'stages-not-api',
      comment: 'A stage is composed by the API, never the other way; the editor page (site/editor/, the browser\'s shell) calls the API\'s browser-safe half, registry-core.ts, and nothing else of it.',
      severity: 'error',
      from: { path: STAGES, pathNot: '^scripts/site/editor/' },
      to: { path: API },
    },
    {
      name: 'editor-calls-registry-core',
      comment: 'The browser cannot run the API\'s Node edge (scripts/registry.ts, scripts/registry/): the editor calls registry-core.ts.',
      severity: 'error',
      from: { path: '^scripts/site/editor/' },
      to: { path: '^scripts/(registry\\.ts|registry/)' },
    },
    {
      name: 'api-not-tools',
      comment: 'The API is what the tools call: it imports neither the benchmark nor the compatibility check.',
      severity: 'error',
      from: { path: API },
      to: { path: '^scripts/(bench|compat)/' },
    },
    {
      name: 'no-folder-cycles',
      comment: 'No cycle between folders: each arrow points down a floor.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      comment: 'No cycle between modules either (a cycle makes the order of evaluation matter).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules/', '^\\.registry-bin', '^dist/', '^test/'] },
    // Type-only imports are arrows of the architecture too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6', 'cjs'],
  },
}
