// Entry point of the compiler's worker threads: a worker does not inherit the
// main thread's tsx loader, so it registers its own before loading the
// TypeScript module named in workerData.entry.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
