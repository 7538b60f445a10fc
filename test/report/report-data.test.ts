// The report's data: its schema is strict and in step with the catalogue, and its example is accepted.
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../scripts/load/config.ts'
import { CATEGORIES, HYGIENE } from '../../scripts/lint/catalogue.ts'
import { isCollectionPath, REPORT_SCHEMA } from '../../scripts/report/report-data.ts'
import { checkReportData } from '../../scripts/validate/report-data.ts'
import { RULE_CATALOGUE } from '../../scripts/lint/rule-catalogue.ts'

type Schema = { additionalProperties?: unknown; properties?: Record<string, Schema>; items?: Schema; type?: string; maxItems?: number; maxLength?: number; anyOf?: Schema[]; $defs?: Record<string, Schema>; enum?: unknown[]; pattern?: string; const?: unknown; $ref?: string }

describe('schemas/report.schema.json', () => {
  it('accepts its own example', async () => {
    for (const example of (REPORT_SCHEMA as { examples: unknown[] }).examples) expect(await checkReportData(example, DEFAULT_CONFIG, RULE_CATALOGUE)).toMatchObject({ ok: true })
  })

  it('lists the catalogue’s categories, value hygiene included', () => {
    const row = (REPORT_SCHEMA as unknown as Schema).properties!.lint!.anyOf![1]!.properties!.categories!.items!
    expect(row.properties!.category!.enum).toEqual([...CATEGORIES, HYGIENE])
  })

  it('is strict: every object closed, every array and string bounded', () => {
    const visit = (s: Schema, where: string) => {
      if (s.type === 'object') expect(s.additionalProperties, where).toBe(false)
      if (s.type === 'array') expect(s.maxItems, where).toBeGreaterThan(0)
      if (s.type === 'string') expect(s.maxLength ?? (s.pattern ? 0 : undefined), where).toBeDefined()
      for (const [k, v] of Object.entries(s.properties ?? {})) visit(v, `${where}/${k}`)
      for (const [k, v] of Object.entries(s.$defs ?? {})) visit(v, `${where}/$defs/${k}`)
      if (s.items) visit(s.items, `${where}/items`)
      s.anyOf?.forEach((v, i) => visit(v, `${where}/anyOf/${i}`))
    }
    visit(REPORT_SCHEMA as unknown as Schema, '')
  })
})

describe('isCollectionPath', () => {
  it.each([
    ['startups/a.md', true],
    ['organisations/Préfecture', true],
    ['startups/sub/x.md', true],
    ['scripts/cli/main.ts', false],
    ['startups', false],
    ['startups/', false],
    ['startups/../package.json', false],
    ['startups/./a.md', false],
    ['startups//a.md', false],
    ['/startups/a.md', false],
    ['startups\\a.md', false],
    ['startups/a\u202e.md', false],
    ['startups/a\n.md', false],
    [' startups/a.md', false],
  ])('%j → %s', (file, ok) => {
    expect(isCollectionPath(file, DEFAULT_CONFIG.collections)).toBe(ok)
  })
})
