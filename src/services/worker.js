// A worker thread's entry: it compiles TypeScript on load as the main thread does (bin/retold.js), then
// runs the module named in workerData, relative to this folder.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(new URL(workerData.module, import.meta.url).href)
