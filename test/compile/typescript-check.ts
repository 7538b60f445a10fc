/**
 * Type-checks published JSON against the published declarations
 * (api/v1/types.d.ts, api/v3/types.d.ts) with the TypeScript compiler, the
 * way a TypeScript consumer would use them: each file's content written as a
 * constant of its declared type (strict mode: an extra field, a missing one
 * or a wrong type is an error).
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/** The declared type of a published path, or undefined. */
export function declaredType(file: string): string | undefined {
  const v1 = /^api\/v1\/(index|startups|organisations|incubators|standards|evaluations|changes|trends)\.json$/.exec(file)
  if (v1) return `V1Files['${v1[1]}.json']`
  if (/^api\/v1\/startups\/[^/]+\.json$/.test(file)) return `V1Files['startups/{id}.json']`
  if (file === 'api/v3/startups.json') return `V3Files['startups.json']`
  if (/^api\/v3\/startups\/[^/]+\.json$/.test(file)) return `V3Files['startups/{id}.json']`
  return undefined
}

/** TypeScript's errors for these files (path → content) against the declarations, written under `dir`. */
export function typeErrors(dir: string, declarations: { v1: string; v3: string }, files: ReadonlyMap<string, string>): string[] {
  fs.mkdirSync(path.join(dir, 'v1'), { recursive: true })
  fs.mkdirSync(path.join(dir, 'v3'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'v1/types.d.ts'), declarations.v1)
  fs.writeFileSync(path.join(dir, 'v3/types.d.ts'), declarations.v3)
  const lines = ["import type { V1Files } from './v1/types'", "import type { V3Files } from './v3/types'"]
  let n = 0
  for (const [file, content] of files) {
    const type = declaredType(file)
    if (type) lines.push(`// ${file}\nexport const f${n++}: ${type} = ${content.trim()}`)
  }
  if (n === 0) throw new Error('no file to check')
  const check = path.join(dir, 'check.ts')
  fs.writeFileSync(check, `${lines.join('\n')}\n`)
  const program = ts.createProgram([check], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: false, types: [] })
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined
    return `${d.file ? path.basename(d.file.fileName) : ''}${where ? `:${where.line + 1}` : ''} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
  })
}
