import { fileURLToPath } from 'node:url'

/**
 * The tool's own folder (where package.json, docs/ and schemas/ are). This file sits one
 * folder below it, in scripts/; bundled, its code sits one folder below it too, in
 * .registry-bin/ (scripts/bundle/bundle.mjs keeps every chunk there), so one path serves both.
 */
export const TOOL_ROOT = fileURLToPath(new URL('../', import.meta.url))

/** Whether this code runs from the TypeScript sources (tsx, vitest) rather than from the bundle. */
export const FROM_SOURCES = import.meta.url.endsWith('.ts')
