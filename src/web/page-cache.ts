import type { MiddlewareHandler } from 'hono'

// Rendered pages and API answers, kept for a short time. Pages are the same for every reader of
// one language and region, and change only when the data does; rendering one costs milliseconds of
// CPU while sending it costs microseconds. Entries live `seconds` (the max-age the responses
// advertise), the least recently used go first past `maxBytes`, and concurrent requests for a page
// that is not cached yet wait for one render instead of each doing it.

export interface PageCacheOptions {
  seconds: number
  maxBytes?: number
  /** What besides the URL makes two responses differ (the reader's language and region). */
  variant: (c: Parameters<MiddlewareHandler>[0]) => string
}

interface Entry {
  // A Uint8Array, not an ArrayBuffer: @hono/node-server writes those straight to the socket.
  body: Uint8Array
  headers: [string, string][]
  etag: string | null
  expires: number
}

export interface PageCache {
  middleware: MiddlewareHandler
  /** Forgets every page: call it when the data changes. */
  clear(): void
  readonly size: number
}

export function createPageCache({
  seconds,
  maxBytes = 64 * 1024 * 1024,
  variant,
}: PageCacheOptions): PageCache {
  const entries = new Map<string, Entry>()
  const pending = new Map<string, Promise<Entry | undefined>>()
  let bytes = 0

  const forget = (key: string) => {
    const entry = entries.get(key)
    if (entry) bytes -= entry.body.byteLength
    entries.delete(key)
  }
  const remember = (key: string, entry: Entry) => {
    forget(key)
    entries.set(key, entry)
    bytes += entry.body.byteLength
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break
      forget(oldest)
    }
  }
  const respond = (entry: Entry, c: Parameters<MiddlewareHandler>[0], ifNoneMatch: string | undefined) =>
    entry.etag !== null && ifNoneMatch?.split(/\s*,\s*/).includes(entry.etag)
      ? new Response(null, { status: 304, headers: { ETag: entry.etag } })
      : new Response(entry.body, { status: 200, headers: entry.headers })

  const middleware: MiddlewareHandler = async (c, next) => {
    if (seconds <= 0 || c.req.method !== 'GET') return next()
    const key = `${c.req.url}|${variant(c)}`
    const now = Date.now()
    const cached = entries.get(key)
    if (cached && cached.expires > now) {
      // Most recently used last, so that eviction takes the least recently used first.
      entries.delete(key)
      entries.set(key, cached)
      c.res = respond(cached, c, c.req.header('if-none-match'))
      return
    }
    const inFlight = pending.get(key)
    if (inFlight) {
      const entry = await inFlight
      if (entry) {
        c.res = respond(entry, c, c.req.header('if-none-match'))
        return
      }
      return next()
    }
    let settle: (entry: Entry | undefined) => void = () => {}
    pending.set(key, new Promise((resolve) => (settle = resolve)))
    try {
      await next()
      const response = c.res
      // A 304 for this reader's validator has no body to keep: the next plain request fills the cache.
      if (response.status !== 200 || response.headers.get('cache-control')?.includes('no-store')) {
        settle(undefined)
        return
      }
      const entry: Entry = {
        body: new Uint8Array(await response.arrayBuffer()),
        headers: [...response.headers.entries()],
        etag: response.headers.get('etag'),
        expires: now + seconds * 1000,
      }
      remember(key, entry)
      settle(entry)
      c.res = respond(entry, c, undefined)
    } catch (error) {
      settle(undefined)
      throw error
    } finally {
      pending.delete(key)
    }
  }

  return {
    middleware,
    clear: () => {
      entries.clear()
      bytes = 0
    },
    get size() {
      return entries.size
    },
  }
}
