/**
 * The shape shared by the schema tests: one valid fiche that uses every field,
 * one change per row with the exact [ruleId, line, column] it gives, accepted
 * changes, and a check that every field of the schema has a rejected row.
 */
import { describe, expect, it } from 'vitest'
import common from '../../schemas/common.schema.json' with { type: 'json' }
import { check, replaceOnce, schemaFieldPaths, triples } from '../helpers.ts'

export type Triple = [string, number, number]
/** One diagnostic of a rule at a line and column, as the tables write it. */
export const type = (line: number, column: number): Triple[] => [['schema/type', line, column]]
export const format = (line: number, column: number): Triple[] => [['schema/format', line, column]]
export const enumError = (line: number, column: number): Triple[] => [['schema/enum', line, column]]
/** [field, change, from, to, expected] */
export type RejectedRow = [string, string, string, string, Triple[]]
/** [field, change, from, to] */
export type AcceptedRow = [string, string, string, string]

export interface SchemaTable {
  name: string
  file: string
  fiche: string
  schema: Parameters<typeof schemaFieldPaths>[0]
  rejected: readonly RejectedRow[]
  accepted: readonly AcceptedRow[]
  /** The schema's fields at any depth, as schemaFieldPaths lists them. */
  fields: string[] | number
}

export function describeSchemaTable(table: SchemaTable): void {
  const run = (from: string, to: string) => check({ [table.file]: replaceOnce(table.fiche, from, to) })
  describe(`${table.name} schema`, () => {
    it('accepts the full fiche as written', () => {
      expect(check({ [table.file]: table.fiche })).toEqual([])
    })

    describe('rejects one change', () => {
      it.each(table.rejected)('%s: %s', (_field, _change, from, to, expected) => {
        expect(triples(run(from, to))).toEqual(expected)
      })
    })

    describe('accepts one change', () => {
      it.each(table.accepted)('%s: %s', (_field, _change, from, to) => {
        expect(triples(run(from, to))).toEqual([])
      })
    })

    it('has at least one rejected case for every field of the schema, at any depth', () => {
      const covered = new Set(table.rejected.map((r) => r[0]))
      const fields = schemaFieldPaths(table.schema, common)
      expect(fields.filter((f) => !covered.has(f))).toEqual([])
      if (typeof table.fields === 'number') expect(fields).toHaveLength(table.fields)
      else expect(fields).toEqual(table.fields)
    })
  })
}
