/**
 * The TypeScript declarations of the v1 and v3 files (api/v1/types.d.ts,
 * api/v3/types.d.ts), generated ahead of time from the published schemas by
 * generate-types.ts (json-schema-to-typescript) and committed in
 * types.generated.ts: a build needs no generator.
 */
import { V1_TYPES, V3_TYPES } from './types.generated.ts'

export function* typesFiles(): Generator<[string, string]> {
  yield ['api/v1/types.d.ts', V1_TYPES]
  yield ['api/v3/types.d.ts', V3_TYPES]
}
