import { serve, type ServerType } from '@hono/node-server'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatIssue } from '../../src/domain/index.ts'
import { readDatasetDir } from '../../src/importers/index.ts'
import {
  createAccount,
  DEFAULT_MAX_VIDEO_BYTES,
  loadDatasets,
  type MediaOptions,
  type Role,
} from '../../src/services/index.ts'
import { connect, migrateToLatest, type Storage } from '../../src/storage/index.ts'
import { createApp } from '../../src/web/index.ts'

export const BUNDLED_DATASET = join(import.meta.dirname, '../../data')

export interface RunningApp {
  /** e.g. `http://127.0.0.1:41234`, without a trailing slash */
  baseUrl: string
  /** What the app logged as request failures (500s), for tests to assert on. */
  errors: object[]
  /** The app's database, for tests that prepare or check data through the services. */
  storage: Storage
  stop(): Promise<void>
}

/**
 * The real app, as `retold serve` runs it: a temporary SQLite file, migrated, with the bundled
 * dataset loaded, served by @hono/node-server on 127.0.0.1 and a port the system chooses.
 */
export async function startApp(
  dataDir = BUNDLED_DATASET,
  options: {
    accounts?: { username: string; password: string; role: Role }[]
    /** Proxies whose X-Forwarded-For names the client, as `RETOLD_TRUSTED_PROXIES` sets them. */
    trustedProxies?: readonly string[]
    /** Where uploaded videos go (a folder inside the temporary one when `true`); none by default. */
    media?: MediaOptions | true
  } = {},
): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), 'retold-e2e-'))
  const storage = await connect({ databaseFile: join(dir, 'retold.db') })
  const cleanUp = async () => {
    await storage.close()
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await migrateToLatest(storage)
    // As `retold serve` does: files with problems are reported and skipped, the others are loaded.
    const { datasets, issues } = readDatasetDir(dataDir)
    for (const issue of issues) console.warn(`e2e dataset: ${formatIssue(issue)}`)
    await loadDatasets(storage, datasets)
    for (const account of options.accounts ?? []) await createAccount(storage, account)
  } catch (error) {
    await cleanUp()
    throw error
  }

  const errors: object[] = []
  const logger = {
    error(details: object, message: string) {
      errors.push(details)
      console.error(`e2e app: ${message}`, details)
    },
  }
  // The app needs its public URL, which is known once the server listens. `env` carries the socket,
  // where the app reads the client's address (as `retold serve` passes it).
  const handler: { app?: ReturnType<typeof createApp> } = {}
  let server: ServerType | undefined
  const port = await new Promise<number>((resolve, reject) => {
    server = serve(
      { fetch: (request, env) => handler.app!.fetch(request, env), port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => resolve(info.port),
    )
    server.once('error', reject)
  })
  const baseUrl = `http://127.0.0.1:${port}`
  const media =
    options.media === true ? { dir: join(dir, 'media'), maxBytes: DEFAULT_MAX_VIDEO_BYTES } : options.media
  handler.app = createApp({
    storage,
    publicUrl: baseUrl,
    logger,
    trustedProxies: options.trustedProxies,
    media,
  })

  return {
    baseUrl,
    errors,
    storage,
    stop: async () => {
      await new Promise<void>((resolve, reject) => server!.close((e) => (e ? reject(e) : resolve())))
      await cleanUp()
    },
  }
}
