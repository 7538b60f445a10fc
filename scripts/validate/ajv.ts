/**
 * One Ajv (JSON Schema 2020-12) for the whole registry, with every schema of
 * `schemas/` loaded by `$id`. Schemas are imported as modules, not read from
 * disk at run time.
 */
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import type { Ajv2020, CodeOptions, ValidateFunction } from 'ajv/dist/2020.js'
import type { Collection } from '../load/config.ts'
import { FORMATS } from './formats.ts'
import { COMMON_SCHEMA, FICHE_SCHEMAS } from './schemas.ts'

export { COMMON_SCHEMA, FICHE_SCHEMAS, type JsonSchema } from './schemas.ts'

// Ajv itself is loaded only when schemas are compiled (tests, tools, a stale generated file):
// commands validate with the generated code and save its loading time (about 35 ms).
const require = createRequire(import.meta.url)

/** The registry's Ajv; `code` only to generate the standalone validators (generate-validators.ts). */
export function createAjv(code?: CodeOptions): Ajv2020 {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, ...(code ? { code } : {}) })
  for (const [name, check] of Object.entries(FORMATS)) ajv.addFormat(name, check)
  ajv.addSchema(COMMON_SCHEMA)
  return ajv
}

/** A digest of the schemas, as they are compiled: the generated validators say which schemas they come from. */
export function schemasHash(): string {
  return createHash('sha256')
    .update(JSON.stringify([COMMON_SCHEMA, FICHE_SCHEMAS]))
    .digest('hex')
}

// Loaded if it can be: `npm run generate` must work without it (and a broken one only costs time).
const generated: Record<string, unknown> | undefined = await import('./validators.generated.ts').catch(() => undefined)

let validators: Record<Collection, ValidateFunction> | undefined

/**
 * The fiche validators: the schemas compiled ahead of time into
 * validators.generated.ts (generate-validators.ts), which loads in a few
 * milliseconds where compiling took about 120 ms; compiled here when that
 * file was generated from other schemas (a schema edited without
 * `npm run generate`), so that a fiche is never checked against stale rules.
 */
export function ficheValidators(): Record<Collection, ValidateFunction> {
  validators ??= chooseValidators(generated)
  return validators
}

/** The generated validators if they come from these schemas, else the schemas compiled now. */
export function chooseValidators(module: Record<string, unknown> | undefined): Record<Collection, ValidateFunction> {
  if (module && module.SCHEMAS_HASH === schemasHash()) return module as unknown as Record<Collection, ValidateFunction>
  const ajv = createAjv()
  return { startups: ajv.compile(FICHE_SCHEMAS.startups), organisations: ajv.compile(FICHE_SCHEMAS.organisations), incubators: ajv.compile(FICHE_SCHEMAS.incubators) }
}
