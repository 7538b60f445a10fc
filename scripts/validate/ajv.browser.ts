/**
 * What validate-record.ts needs of ajv.ts, for the browser (package.json's
 * `browser` field puts this file in ajv.ts's place in the editor's bundle,
 * scripts/bundle/bundle.mjs): the validators compiled ahead of time, without
 * Ajv, node:crypto or node:module. The bundle is made from the same checkout
 * as validators.generated.ts, which a test keeps in step with the schemas.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js'
import type { Collection } from '../load/config.ts'
import * as generated from './validators.generated.ts'

export function ficheValidators(): Record<Collection, ValidateFunction> {
  return generated as unknown as Record<Collection, ValidateFunction>
}
