import { serve as serveHttp } from '@hono/node-server'
import { pino } from 'pino'
import { extractWithScope, readArticle } from '../importers/index.ts'
import { ensureSearchIndex } from '../services/index.ts'
import { connect, migrateToLatest } from '../storage/index.ts'
import { createApp } from '../web/index.ts'
import type { Config } from './config.ts'
import { loadCommand } from './main.ts'

/** Migrates, loads the curated dataset (unchanged files are skipped) and serves until stopped. */
export async function serve(config: Config): Promise<void> {
  const logger = pino({ level: config.logLevel })
  const storage = await connect(config)
  await migrateToLatest(storage)
  await loadCommand(storage, config.dataDir, (line) => logger.info(line))
  const indexed = await ensureSearchIndex(storage)
  if (indexed > 0) logger.info(`built the search index: ${indexed} documents`)
  const app = createApp({
    storage,
    publicUrl: config.publicUrl,
    logger,
    posterDir: config.posterDir,
    pageCacheSeconds: config.pageCacheSeconds,
    trustedProxies: config.trustedProxies,
    media: { dir: config.mediaDir, maxBytes: config.maxVideoBytes },
    articles: { read: readArticle, extract: extractWithScope },
  })
  const server = serveHttp({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info(
      `Retold is serving http://${config.host}:${info.port} (${storage.dialect}: ${storage.location})`,
    )
  })
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve())
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await storage.close()
}
