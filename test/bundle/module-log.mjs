// Preloaded with --import by bundle.test.ts: appends every module the process resolves (ES
// modules, through a resolve hook) or requires (CommonJS, through Module._load) to the file
// named by MODULE_LOG, one per line. module.registerHooks (in-thread, Node 22.15 and later)
// where it exists, module.register (off-thread, deprecated from Node 25) otherwise.
import { appendFileSync } from 'node:fs'
import Module from 'node:module'

const log = process.env.MODULE_LOG
if (typeof Module.registerHooks === 'function') {
  Module.registerHooks({
    resolve(specifier, context, next) {
      const result = next(specifier, context)
      appendFileSync(log, `import ${result.url}\n`)
      return result
    },
  })
} else {
  const hook = `
import { appendFileSync } from 'node:fs'
let log
export function initialize(data) { log = data }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  appendFileSync(log, 'import ' + result.url + '\\n')
  return result
}`
  Module.register(`data:text/javascript,${encodeURIComponent(hook)}`, { data: log })
}
const load = Module._load
Module._load = function (request, parent, isMain) {
  appendFileSync(log, `require ${request} from ${parent?.filename ?? '?'}\n`)
  return load.call(this, request, parent, isMain)
}
