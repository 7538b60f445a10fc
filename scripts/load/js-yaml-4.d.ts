// The part of js-yaml 4's API that fast-yaml.ts uses (js-yaml 4 ships no types; it is
// installed under the alias js-yaml-4, next to js-yaml 5).
declare module 'js-yaml-4' {
  export interface TypeOptions {
    kind: 'scalar' | 'sequence' | 'mapping'
    resolve?: (data: unknown) => boolean
    construct?: (data: unknown) => unknown
  }
  export class Type {
    constructor(tag: string, options: TypeOptions)
  }
  export class Schema {
    extend(definition: { implicit?: Type[]; explicit?: Type[] }): Schema
  }
  export const FAILSAFE_SCHEMA: Schema
  export const CORE_SCHEMA: Schema
  export function load(input: string, options?: { schema?: Schema; json?: boolean; maxDepth?: number; filename?: string }): unknown
}
