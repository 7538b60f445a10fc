// `npm run bundle` (also run by `npm ci` / `npm install`, as the `prepare` script): compiles
// the command line and the compile worker into plain JavaScript in .registry-bin/, so that
// `registry` starts without a TypeScript compiler (tsx cost 130 to 270 ms per start).
//
// - Entry points: scripts/cli/main.ts (main.mjs), the compile worker (compile-worker.mjs) and the
//   site's worker (site-worker.mjs);
//   and, for the browser, the site's editor script (editor/: editeur.js and its chunks, see
//   editorBundleOptions).
// - Code splitting: each command that main.ts loads with import() becomes its own chunk,
//   still loaded only when it runs; a new command in COMMANDS is picked up with no change here.
// - Every file sits directly in .registry-bin/, one folder below the tool's root, as a source
//   file of scripts/ is: paths computed from import.meta.url (tool-root.ts) hold in both.
// - The manifest lists the sources read (see freshness.mjs): bin/registry.mjs runs the bundle
//   only when they are unchanged, the sources through tsx otherwise, never stale rules.
// The bundle is built in a temporary folder, then swapped in.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BUNDLE_DIR, MANIFEST, sha256 } from './freshness.mjs'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** esbuild's options for a bundle of `entryPoints` ({name: source}) into `outdir`, as the command's. */
export function bundleOptions(entryPoints, outdir) {
  return {
    absWorkingDir: root,
    entryPoints,
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Ajv is required at run time through createRequire (ajv.ts, validators.generated.ts):
    // it stays in node_modules, resolved from .registry-bin/ as from scripts/.
    packages: 'bundle',
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  }
}

/** The command's entry points: the command line and the compile worker (compile-thread.ts loads it by name). */
export const ENTRY_POINTS = { main: 'scripts/cli/main.ts', 'compile-worker': 'scripts/compile/compile-worker.ts', 'site-worker': 'scripts/site/site-worker.ts' }

/** The editor page's script (the site's /editer/), bundled for the browser into .registry-bin/editor/: the page loads boot.ts, which loads editor.ts. */
export const EDITOR_ENTRY = 'scripts/site/editor/boot.ts'
export const EDITOR_APP = 'scripts/site/editor/editor.ts'
/** The folder of .registry-bin/ that holds the editor's files (editeur.js, its chunks, scripts.json). */
export const EDITOR_DIR = 'editor'
/** The entry's name, as the site serves it (editer/editeur.js). */
export const EDITOR_SCRIPT_NAME = 'editeur.js'
/** What the editor's files are: { files: names, entry first; eager: the chunks the entry imports statically }. */
export const EDITOR_SCRIPTS_LIST = 'scripts.json'

/** The options every browser bundle shares: minified ES modules for the browser, no `node:` import, deterministic. */
function browserOptions() {
  return {
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    charset: 'utf8',
    // The chunks' names hash their inputs' paths: node_modules as the tool's own folder, even when it
    // is a link to one elsewhere, so that every copy of the tool gives the same files.
    preserveSymlinks: true,
    // The compiler options that change the output, given here rather than read from tsconfig.json
    // (a copy of the tool without it would otherwise give other bytes).
    tsconfigRaw: { compilerOptions: { strict: true, target: 'ES2022', useDefineForClassFields: true } },
  }
}

/**
 * esbuild's options for a browser bundle of `entry` in one file (the editor's checks alone, in the
 * tests): one minified ES module with no `node:` import (esbuild refuses to resolve one for the
 * browser platform, so such an import fails the bundle). package.json's `browser` field swaps
 * validate/ajv.ts (Ajv, node:crypto, node:module) for the validators compiled ahead of time, and
 * load/fast-yaml.ts (js-yaml 4, a second YAML reader) for none.
 */
export function browserBundleOptions(entry) {
  return { ...browserOptions(), entryPoints: [entry], outfile: 'bundle.js' }
}

/**
 * esbuild's options for the editor page's script: editeur.js and its chunks (code splitting), so
 * that what the page needs only on demand (the preview of the startup's page, with the site's page
 * code and markdown-it) is fetched when it is used. Deterministic: the same sources give the same
 * files, the chunks named by their content's hash (registry build copies them into dist/editer/).
 */
export function editorBundleOptions() {
  return { ...browserOptions(), entryPoints: { editeur: EDITOR_ENTRY }, outdir: 'editer', splitting: true, chunkNames: '[name]-[hash]', entryNames: '[name]' }
}

/**
 * The editor's files from esbuild's result (editorBundleOptions): [{ name, contents }], the entry
 * first, then the chunks by name; and `eager`, the chunks the page needs before it can open a
 * fiche (it preloads them), in name order: the editor (EDITOR_APP, which the entry imports at
 * once) and every chunk it or the entry imports statically, directly or not.
 */
export function editorFiles(result) {
  const name = (p) => path.basename(p)
  const outputs = result.metafile.outputs
  const find = (source) => Object.keys(outputs).find((p) => outputs[p].entryPoint === source)
  const entry = find(EDITOR_ENTRY)
  const app = find(EDITOR_APP)
  const eager = new Set(app ? [app] : [])
  const walk = (p) => {
    for (const i of outputs[p]?.imports ?? []) {
      if (i.kind !== 'import-statement' || eager.has(i.path)) continue
      eager.add(i.path)
      walk(i.path)
    }
  }
  walk(entry)
  if (app) walk(app)
  const files = result.outputFiles
    .filter((f) => f.path.endsWith('.js'))
    .map((f) => ({ name: name(f.path), contents: f.contents }))
    .sort((a, b) => (a.name === EDITOR_SCRIPT_NAME ? -1 : b.name === EDITOR_SCRIPT_NAME ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return { files, eager: [...eager].map(name).sort() }
}

/** Sources (outside node_modules) that a metafile lists, with what the manifest keeps of each. */
function sourceInputs(...metafiles) {
  const paths = new Set(metafiles.flatMap((m) => Object.keys(m.inputs)))
  return [...paths]
    .filter((p) => !p.startsWith('node_modules/') && !p.includes('/node_modules/'))
    .sort()
    .map((p) => {
      const file = path.join(root, p)
      const stat = statSync(file)
      return { path: p, size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha256(readFileSync(file)) }
    })
}

async function bundle() {
  let esbuild
  try {
    esbuild = await import('esbuild')
  } catch {
    // An install without the development dependencies: bin/registry.mjs says what to do.
    console.error('esbuild est absent : le programme compilé (.registry-bin/) n’est pas produit.')
    return
  }
  const tmp = path.join(root, `${BUNDLE_DIR}.tmp-${process.pid}`)
  rmSync(tmp, { recursive: true, force: true })
  try {
    const result = await esbuild.build(bundleOptions(ENTRY_POINTS, tmp))
    const editor = await esbuild.build(editorBundleOptions())
    const { files, eager } = editorFiles(editor)
    mkdirSync(path.join(tmp, EDITOR_DIR))
    for (const f of files) writeFileSync(path.join(tmp, EDITOR_DIR, f.name), f.contents)
    writeFileSync(path.join(tmp, EDITOR_DIR, EDITOR_SCRIPTS_LIST), `${JSON.stringify({ files: files.map((f) => f.name), eager })}\n`)
    const inputs = sourceInputs(result.metafile, editor.metafile)
    writeFileSync(path.join(tmp, MANIFEST), `${JSON.stringify({ version: 1, inputs }, null, 1)}\n`)
    const dir = path.join(root, BUNDLE_DIR)
    const old = `${dir}.old-${process.pid}`
    try {
      renameSync(dir, old)
    } catch (err) {
      if (err.code !== 'ENOENT') throw err
    }
    renameSync(tmp, dir)
    rmSync(old, { recursive: true, force: true })
    console.error(`${BUNDLE_DIR}/ : ${inputs.length} sources compilées.`)
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundle()
