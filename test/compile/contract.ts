/**
 * Checks published files against api/openapi.json, the way a consumer would:
 * the document itself with a maintained OpenAPI validator
 * (@seriousme/openapi-schema-validator), each file with Ajv (JSON Schema
 * 2020-12, strict: an unknown keyword in the contract is an error) against
 * the response schema of the path that serves it. Shared by the test corpus's
 * tests and the opt-in real-corpus test.
 */
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { XMLValidator } from 'fast-xml-parser'
import { parse as parseCsv } from 'csv-parse/sync'
import { ENDPOINTS, type Endpoint } from '../../scripts/compile/openapi.ts'

const BASE = 'https://contract.test/openapi.json'
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Validates the OpenAPI document itself; resolves every reference. Returns the validator's errors, or []. */
export async function documentErrors(doc: unknown): Promise<unknown[]> {
  const validator = new Validator()
  // resolveRefs dereferences the document in place: it is given a copy.
  const result = await validator.validate(structuredClone(doc) as Parameters<Validator["validate"]>[0])
  if (!result.valid) return Array.isArray(result.errors) ? result.errors : [result.errors]
  validator.resolveRefs()
  return []
}

/** The endpoint that serves a published path (templates matched), or undefined. */
export function endpointOf(path: string): Endpoint | undefined {
  return ENDPOINTS.find((e) => new RegExp(`^${e.path.replace(/[.]/g, '\\.').replace(/\{id\}/, '[^/]+').replace(/\{name\}/, '[^/]+')}$`).test(path))
}

export class Contract {
  private readonly ajv: Ajv2020
  private readonly meta: Ajv2020
  private readonly compiled = new Map<string, ValidateFunction>()

  constructor(readonly doc: Record<string, any>) {
    this.ajv = new Ajv2020({ strict: true, allErrors: true })
    this.ajv.addFormat('date', DATE)
    // The document's own keys are not JSON Schema: declared, so that strict mode accepts the document as a schema container.
    for (const key of Object.keys(doc)) this.ajv.addKeyword(key)
    this.ajv.addSchema(doc, BASE)
    this.meta = new Ajv2020({ strict: false })
  }

  validator(component: string): ValidateFunction {
    let v = this.compiled.get(component)
    if (!v) this.compiled.set(component, (v = this.ajv.compile({ $ref: `${BASE}#/components/schemas/${component}` })))
    return v
  }

  /** Why `content`, published at `path`, breaks the contract ([] when it keeps it). */
  check(path: string, content: string): string[] {
    const endpoint = endpointOf(path)
    if (!endpoint) return [`${path}: aucun chemin du contrat ne sert ce fichier`]
    const op = this.doc.paths[`/${endpoint.path}`]?.get
    const media = op?.responses?.['200']?.content?.[endpoint.media]
    if (!media) return [`${path}: pas de réponse ${endpoint.media} dans le contrat`]
    const errors: string[] = []
    const check = (value: unknown, where: string) => {
      const validate = this.validator(endpoint.schema)
      if (!validate(value)) for (const e of validate.errors ?? []) errors.push(`${path}${where}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)
    }
    if (endpoint.media === 'application/json') {
      let value: unknown
      try {
        value = JSON.parse(content)
      } catch (err) {
        return [`${path}: JSON illisible (${(err as Error).message})`]
      }
      check(value, '')
      if (endpoint.schema === 'JsonSchemaDocument' && !this.meta.validateSchema(value as object)) errors.push(`${path}: pas un schéma JSON 2020-12 valide ${JSON.stringify(this.meta.errors)}`)
    } else if (endpoint.media === 'text/csv') {
      let rows: Record<string, string>[]
      try {
        rows = parseCsv(content, { delimiter: ';', columns: true })
      } catch (err) {
        return [`${path}: CSV illisible (${(err as Error).message})`]
      }
      rows.forEach((row, i) => check(row, ` ligne ${i + 2}`))
    } else if (endpoint.media === 'application/atom+xml') {
      const valid = XMLValidator.validate(content)
      if (valid !== true) errors.push(`${path}: XML invalide ${JSON.stringify(valid)}`)
      if (!content.includes('<feed xmlns="http://www.w3.org/2005/Atom">')) errors.push(`${path}: pas un flux Atom`)
    } else if (content.length === 0) errors.push(`${path}: vide`)
    return errors
  }
}
