// The server side of bench/pages.ts, in its own process so that autocannon (in the parent) and the
// servers do not share an event loop. It serves the real app on 127.0.0.1 and, once the parent sends
// the pages' HTML, a static server returning exactly those bytes. It talks to the parent over IPC:
//
//   child → parent  { type: 'app', port }
//   parent → child  { type: 'static', pages: { [path]: html } }
//   child → parent  { type: 'static', port }
//   parent → child  { type: 'stop' }            child → parent  { type: 'stopped', errors }

import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { connect } from '../src/storage/index.ts'
import { createApp } from '../src/web/index.ts'

export type ToServer = { type: 'static'; pages: Record<string, string> } | { type: 'stop' }
export type FromServer =
  | { type: 'app'; port: number; cachedPort: number }
  | { type: 'static'; port: number }
  | { type: 'stopped'; errors: number }

const HOST = '127.0.0.1'

function send(message: FromServer) {
  process.send!(message)
}

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<Server> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: HOST }, () => resolve(server as Server))
  })
}

const portOf = (server: Server) => (server.address() as AddressInfo).port

async function main() {
  const file = process.argv[2]
  if (!file || !process.send) throw new Error('usage: started by bench/pages.ts with the database file')
  const storage = await connect({ databaseFile: file })
  let errors = 0
  const logger = {
    // Silent, but counted: a page that fails under load must not pass for a fast one.
    error: () => {
      errors++
    },
  }
  const servers: Server[] = []
  // publicUrl only feeds canonical links; the port is not known before listening and does not matter.
  // One app renders every request; the other keeps rendered pages for 60 s, as `npm start` does.
  const app = createApp({ storage, publicUrl: `http://${HOST}`, logger, pageCacheSeconds: 0 })
  const cached = createApp({ storage, publicUrl: `http://${HOST}`, logger, pageCacheSeconds: 60 })
  servers.push(await listen(app.fetch), await listen(cached.fetch))
  send({ type: 'app', port: portOf(servers[0]!), cachedPort: portOf(servers[1]!) })

  const stop = async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
    await storage.close()
    send({ type: 'stopped', errors })
    process.disconnect()
  }
  process.on('message', (message: ToServer) => {
    if (message.type === 'static') {
      const staticApp = new Hono()
      // Bytes encoded once, as a static file server or a cache would hold them: the fastest page there is.
      for (const [path, html] of Object.entries(message.pages)) {
        const body = new TextEncoder().encode(html)
        staticApp.get(path, (c) => c.body(body, 200, { 'Content-Type': 'text/html; charset=UTF-8' }))
      }
      void listen(staticApp.fetch).then((server) => {
        servers.push(server)
        send({ type: 'static', port: portOf(server) })
      })
    } else if (message.type === 'stop') {
      void stop()
    }
  })
  // If the parent goes away, so does the server: the benchmark never leaves a process behind.
  process.on('disconnect', () => process.exit(0))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
