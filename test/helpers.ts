/**
 * Test helpers: run the pure pipeline on in-memory fiches, without the disk.
 */
import { DEFAULT_CONFIG, type Collection, type RegistryConfig } from '../scripts/load/config.ts'
import { idFromName, type SourceFile } from '../scripts/load/read-records.ts'
import type { Diagnostic, Lang } from '../scripts/report/diagnostic.ts'
import { finalize, type LocatableFile } from '../scripts/report/finalize.ts'
import { RULE_CATALOGUE } from '../scripts/lint/rule-catalogue.ts'
import { validateRegistry } from '../scripts/validate/validate-registry.ts'

/** A small valid registry: one incubator, two organisations, one startup. */
export const BASE: Record<string, string> = {
  'organisations/dinum.md': `---
name: Direction interministérielle du numérique
acronym: DINUM
domaine_ministeriel: spm
type: administration-centrale
---
`,
  'organisations/ademe.md': `---
name: Agence de la transition écologique
acronym: ADEME
domaine_ministeriel: environnement
type: operateur
---
`,
  'incubators/dinum.md': `---
title: Incubateur de la DINUM
owner: /organisations/dinum
contact: contact@beta.gouv.fr
address: 20 avenue de Ségur, Paris
website: https://beta.gouv.fr
github: https://github.com/betagouv
logo: logo-dinum.png
short_description: L'incubateur de la DINUM.
highlighted_startups:
  - exemple
---
Présentation.
`,
  'incubators/ademe.md': `---
title: Incubateur de l'ADEME
owner: /organisations/ademe
contact: incubateur@ademe.fr
---
`,
  'startups/exemple.md': `---
title: Exemple
mission: Simplifier une démarche pour les usagers
incubator: dinum
sponsors:
  - /organisations/dinum
contact: equipe@exemple.beta.gouv.fr
link: https://exemple.beta.gouv.fr
phases:
  - name: investigation
    start: 2023-01-02
    end: 2023-06-30
  - name: construction
    start: 2023-07-01
repository: https://github.com/betagouv/exemple
---
## Contexte

Un texte.
`,
}

export function sources(files: Record<string, string>): SourceFile[] {
  return Object.entries(files).map(([file, text]) => {
    const collection = file.split('/')[0] as Collection
    return { file, collection, id: idFromName(file.slice(file.indexOf('/') + 1)), text }
  })
}

/** Validates in-memory files (BASE overridden by `files`; a null value removes a file). */
export function check(files: Record<string, string | null>, options: { lang?: Lang; config?: RegistryConfig; base?: Record<string, string> } = {}): Diagnostic[] {
  const all: Record<string, string> = { ...(options.base ?? BASE) }
  for (const [file, text] of Object.entries(files)) {
    if (text === null) delete all[file]
    else all[file] = text
  }
  const config = options.config ?? DEFAULT_CONFIG
  const srcs = sources(all)
  const { records, problems } = validateRegistry(srcs, srcs, config)
  const locatable = new Map<string, LocatableFile>(srcs.map((s) => [s.file, { text: s.text }]))
  for (const r of records) locatable.set(r.file, r)
  return finalize(problems, locatable, config, options.lang ?? 'fr', RULE_CATALOGUE)
}

/** The valid startup with one line replaced (`from` must occur exactly once). */
export function editStartup(from: string, to: string, file = 'startups/exemple.md'): Record<string, string> {
  const text = BASE[file]!
  if (text.split(from).length !== 2) throw new Error(`"${from}" must occur exactly once in ${file}`)
  return { [file]: text.replace(from, to) }
}

/** [ruleId, line, column] triples, for compact assertions. */
export function triples(diagnostics: readonly Diagnostic[]): [string, number, number][] {
  return diagnostics.map((d) => [d.ruleId, d.line, d.column])
}

/** `text` with `from` replaced by `to`; `from` must occur exactly once, so a table row cannot silently edit the wrong line. */
export function replaceOnce(text: string, from: string, to: string): string {
  const parts = text.split(from)
  if (parts.length !== 2) throw new Error(`"${from}" must occur exactly once (found ${parts.length - 1})`)
  return parts.join(to)
}

/** The message of the only diagnostic (throws when there is not exactly one). */
export function onlyMessage(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length !== 1) throw new Error(`expected one diagnostic, got ${diagnostics.length}: ${JSON.stringify(triples(diagnostics))}`)
  return diagnostics[0]!.message
}

type SchemaNode = Record<string, any>

/** A schema node with a `$ref` merged into what it points at (own keywords win), for walking the schemas. */
export function resolveRef(node: SchemaNode, owner: SchemaNode, common: SchemaNode): SchemaNode {
  const ref: unknown = node.$ref
  if (typeof ref !== 'string') return node
  const [file, pointer = ''] = ref.split('#')
  const base = file ? common : owner
  const target = pointer
    .split('/')
    .slice(1)
    .reduce((n: any, key: string) => n?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], base)
  if (!target) throw new Error(`unresolved $ref ${ref}`)
  const { $ref: _, ...own } = node
  return { ...resolveRef(target, file ? common : owner, common), ...own }
}

/**
 * Every field of a fiche schema, at any depth, named as in the field reference:
 * `title`, `fast.promotion`, `phases[].start`, `rgpd.controles[].date`.
 */
export function schemaFieldPaths(schema: SchemaNode, common: SchemaNode): string[] {
  const out: string[] = []
  const walk = (node: SchemaNode, prefix: string): void => {
    for (const [key, raw] of Object.entries<SchemaNode>(node.properties ?? {})) {
      const s = resolveRef(raw, schema, common)
      out.push(`${prefix}${key}`)
      if (s.type === 'object') walk(s, `${prefix}${key}.`)
      if (s.type === 'array' && s.items) {
        const items = resolveRef(s.items, schema, common)
        if (items.type === 'object') walk(items, `${prefix}${key}[].`)
      }
    }
  }
  walk(schema, '')
  return out
}

/** [file, ruleId, line, column] quadruples, for diagnostics spread over several files. */
export function located(diagnostics: readonly Diagnostic[]): [string, string, number, number][] {
  return diagnostics.map((d) => [d.file, d.ruleId, d.line, d.column])
}
