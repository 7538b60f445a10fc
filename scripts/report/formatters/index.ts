import type { FormatName } from './names.ts'
import type { Formatter } from './formatter.ts'
import { github } from './github.ts'
import { json } from './json.ts'
import { markdown } from './markdown.ts'
import { sarif } from './sarif.ts'
import { stylish } from './stylish.ts'

export const FORMATTERS: Record<FormatName, Formatter> = { stylish, json, github, markdown, sarif }
export { FORMAT_NAMES, type FormatName } from './names.ts'
export type { FormatContext, Formatter } from './formatter.ts'

export { printable } from './printable.ts'
