import { parentPort, workerData } from 'node:worker_threads'
import { connect, type StorageOptions } from '../storage/index.ts'
import { buildImportedDocuments, type PendingKind } from './index-imported.ts'

// The worker thread of an import's indexing pass (index-imported.ts): builds the search documents of
// the ids it is sent, one request at a time, on a connection of its own that only reads.

const storage = await connect((workerData as { options: StorageOptions }).options)
parentPort!.on('message', (request: { kind: PendingKind; ids: number[] } | 'close') => {
  if (request === 'close') return void storage.close().finally(() => parentPort!.close())
  buildImportedDocuments(storage, request.kind, request.ids).then(
    (built) => parentPort!.postMessage({ built }),
    (error: unknown) => parentPort!.postMessage({ error: (error as Error).message }),
  )
})
