import { Hono } from 'hono'
import { etag } from 'hono/etag'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPageCache } from './page-cache.ts'

function appWith(options: { seconds: number; maxBytes?: number }) {
  let renders = 0
  const cache = createPageCache({ ...options, variant: (c) => c.req.header('x-reader') ?? '' })
  const app = new Hono()
  app.use(cache.middleware)
  app.use(etag({ weak: true }))
  app.get('/page/:n', async (c) => {
    renders++
    await new Promise((resolve) => setTimeout(resolve, 5))
    return c.html(
      `<p>${c.req.param('n')} for ${c.req.header('x-reader') ?? 'anyone'}, render ${renders}</p>${'x'.repeat(100)}`,
    )
  })
  app.get('/private', (c) => {
    renders++
    c.header('Cache-Control', 'no-store')
    return c.text(`private ${renders}`)
  })
  app.get('/missing', (c) => {
    renders++
    return c.text('no', 404)
  })
  return { app, cache, renders: () => renders }
}

describe('createPageCache', () => {
  afterEach(() => vi.useRealTimers())

  it('renders a page once for many readers of the same variant, and once per variant', async () => {
    const { app, renders } = appWith({ seconds: 60 })
    const first = await (await app.request('/page/1')).text()
    expect(await (await app.request('/page/1')).text()).toBe(first)
    await app.request('/page/1', { headers: { 'x-reader': 'tr' } })
    expect(renders()).toBe(2)
  })

  it('lets concurrent requests for an uncached page wait for a single render', async () => {
    const { app, renders } = appWith({ seconds: 60 })
    const bodies = await Promise.all(
      Array.from({ length: 20 }, async () => (await app.request('/page/2')).text()),
    )
    expect(new Set(bodies).size).toBe(1)
    expect(renders()).toBe(1)
  })

  it('answers a matching If-None-Match from the cache with 304', async () => {
    const { app, renders } = appWith({ seconds: 60 })
    const tag = (await app.request('/page/3')).headers.get('etag')!
    const again = await app.request('/page/3', { headers: { 'If-None-Match': tag } })
    expect(again.status).toBe(304)
    expect(renders()).toBe(1)
  })

  it('renders again once an entry is older than its lifetime', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const { app, renders } = appWith({ seconds: 60 })
    await app.request('/page/4')
    vi.setSystemTime(Date.now() + 59_000)
    await app.request('/page/4')
    expect(renders()).toBe(1)
    vi.setSystemTime(Date.now() + 2_000)
    await app.request('/page/4')
    expect(renders()).toBe(2)
  })

  it('forgets the least recently used pages past its size, and everything when cleared', async () => {
    const { app, cache, renders } = appWith({ seconds: 60, maxBytes: 400 })
    for (const n of [1, 2, 3]) await app.request(`/page/${n}`)
    await app.request('/page/1') // page 1 is now the most recently used; page 2 the least
    await app.request('/page/4')
    expect(cache.size).toBeLessThanOrEqual(3)
    const before = renders()
    await app.request('/page/1')
    expect(renders()).toBe(before)
    await app.request('/page/2')
    expect(renders()).toBe(before + 1)
    cache.clear()
    await app.request('/page/1')
    expect(renders()).toBe(before + 2)
  })

  it('keeps no error, no private answer, and nothing at all when its lifetime is zero', async () => {
    const { app, renders } = appWith({ seconds: 60 })
    await app.request('/missing')
    await app.request('/missing')
    await app.request('/private')
    await app.request('/private')
    expect(renders()).toBe(4)
    const off = appWith({ seconds: 0 })
    await off.app.request('/page/5')
    await off.app.request('/page/5')
    expect(off.renders()).toBe(2)
  })
})
