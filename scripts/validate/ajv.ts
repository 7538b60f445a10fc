/**
 * One Ajv (JSON Schema 2020-12) for the whole registry, with every schema of
 * `schemas/` loaded by `$id`. Schemas are imported as modules, not read from
 * disk at run time.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import common from '../../schemas/common.schema.json' with { type: 'json' }
import incubator from '../../schemas/incubator.schema.json' with { type: 'json' }
import organisation from '../../schemas/organisation.schema.json' with { type: 'json' }
import startup from '../../schemas/startup.schema.json' with { type: 'json' }
import type { Collection } from '../load/config.ts'
import { FORMATS } from './formats.ts'

export type JsonSchema = Record<string, any>

export const FICHE_SCHEMAS: Record<Collection, JsonSchema> = { startups: startup, organisations: organisation, incubators: incubator }
export const COMMON_SCHEMA: JsonSchema = common

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true })
  for (const [name, check] of Object.entries(FORMATS)) ajv.addFormat(name, check)
  ajv.addSchema(common)
  return ajv
}

let validators: Record<Collection, ValidateFunction> | undefined

export function ficheValidators(): Record<Collection, ValidateFunction> {
  if (!validators) {
    const ajv = createAjv()
    validators = {
      startups: ajv.compile(startup),
      organisations: ajv.compile(organisation),
      incubators: ajv.compile(incubator),
    }
  }
  return validators
}
