// npm run bench:pages [-- --films N --seconds S --warmup S --connections C --force]
//
// Throughput and latency of a film page and a story page of a database holding (by default) 100,000
// films, next to a static HTML page of exactly the same bytes served by the same kind of server
// (@hono/node-server + Hono) in the same process, measured in the same run: the ratio page/static is
// the figure. Goal: at least half the static page's requests/s, and p99 under 50 ms.
//
// The servers run in a child process (bench/page-server.ts) and autocannon in this one, so that the
// load generator and the server do not share an event loop. Everything talks to 127.0.0.1 only.

import { spawn, type ChildProcess } from 'node:child_process'
import { availableParallelism, cpus } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { DEFAULT_FILMS, formatCounts, prepareBenchDatabase } from './generate-films.ts'
import type { FromServer, ToServer } from './page-server.ts'

const HOST = '127.0.0.1'
const FILM_PATH = '/films/7-kogustaki-mucize-2019'
const STORY_PATH = '/stories/miracle-in-cell-no-7'
const GOAL_RATIO = 0.5
const GOAL_P99_MS = 50

interface Measurement {
  target: string
  path: string
  bytes: number
  requestsPerSecond: number
  p50: number
  p99: number
  requests: number
  non2xx: number
  errors: number
  /** Requests/s of this page over the static page of the same size; only for real pages. */
  ratio: number | null
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not ${value}`)
  return n
}

/** The next message of the given type from the server process (or its death). */
function nextMessage<T extends FromServer['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs = 60_000,
): Promise<Extract<FromServer, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`the server did not answer '${type}' in time`)), timeoutMs)
    const onMessage = (message: FromServer) => {
      if (message.type === type) done(null, message as Extract<FromServer, { type: T }>)
    }
    const onExit = (code: number | null) =>
      done(new Error(`the server exited (code ${code}) before '${type}'`))
    const done = (error: Error | null, message?: Extract<FromServer, { type: T }>) => {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
      if (error) reject(error)
      else resolve(message!)
    }
    child.on('message', onMessage)
    child.on('exit', onExit)
  })
}

async function fetchPage(url: string): Promise<string> {
  const response = await fetch(url)
  const body = await response.text()
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 300)}`)
  return body
}

async function measure(
  target: string,
  url: string,
  bytes: number,
  options: { connections: number; seconds: number; warmup: number },
): Promise<Measurement> {
  const run = (duration: number) =>
    autocannon({ url, connections: options.connections, duration, pipelining: 1, timeout: 10 })
  process.stdout.write(`  ${target.padEnd(20)} warm-up ${options.warmup} s, `)
  await run(options.warmup)
  process.stdout.write(`measuring ${options.seconds} s … `)
  const result = await run(options.seconds)
  const measurement: Measurement = {
    target,
    path: new URL(url).pathname,
    bytes,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    ratio: null,
  }
  console.log(`${Math.round(measurement.requestsPerSecond).toLocaleString('en-US')} req/s`)
  return measurement
}

function table(rows: readonly Measurement[]): string {
  const header = ['target', 'bytes', 'requests/s', 'p50 ms', 'p99 ms', 'page/static']
  const cells = rows.map((m) => [
    m.target,
    m.bytes.toLocaleString('en-US'),
    Math.round(m.requestsPerSecond).toLocaleString('en-US'),
    m.p50.toFixed(1),
    m.p99.toFixed(1),
    m.ratio === null ? '' : m.ratio.toFixed(2),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (c: readonly string[]) =>
    c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')
}

async function main() {
  const { values } = parseArgs({
    options: {
      films: { type: 'string' },
      seconds: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      force: { type: 'boolean' },
    },
  })
  const films = positive('films', values.films, DEFAULT_FILMS)
  const options = {
    seconds: positive('seconds', values.seconds, 10),
    warmup: positive('warmup', values.warmup, 2),
    connections: positive('connections', values.connections, 50),
  }
  console.log(
    `Node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? '?'}), ` +
      `${options.connections} connections, ${options.warmup} s warm-up + ${options.seconds} s per target`,
  )

  const database = await prepareBenchDatabase({ films, force: values.force ?? false })
  console.log(`database: ${formatCounts(database.counts)}`)

  const child = spawn(process.execPath, ['--import', 'tsx', resolve('bench/page-server.ts'), database.file], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const send = (message: ToServer) => child.send(message)
  // Whatever happens, the server process goes when this one does.
  process.on('exit', () => child.kill())
  try {
    const app = await nextMessage(child, 'app')
    const appUrl = `http://${HOST}:${app.port}`
    const cachedUrl = `http://${HOST}:${app.cachedPort}`
    const film = await fetchPage(`${appUrl}${FILM_PATH}`)
    const story = await fetchPage(`${appUrl}${STORY_PATH}`)

    // The static pages are the very bytes the app rendered: same size, same content type, no work.
    send({ type: 'static', pages: { '/static/film': film, '/static/story': story } })
    const statik = await nextMessage(child, 'static')
    const staticUrl = `http://${HOST}:${statik.port}`
    for (const [path, html] of [
      ['/static/film', film],
      ['/static/story', story],
    ] as const) {
      if ((await fetchPage(`${staticUrl}${path}`)) !== html) throw new Error(`${path} differs from its page`)
    }
    const bytes = (html: string) => Buffer.byteLength(html)
    // The generated data must render too, not only the curated pages: one big generated family.
    if (database.sample) {
      const { film: sampleFilm, story: sampleStory } = database.sample
      const filmHtml = await fetchPage(`${appUrl}/films/${sampleFilm}`)
      const storyHtml = await fetchPage(`${appUrl}/stories/${sampleStory}`)
      console.log(
        `generated pages render: /films/${sampleFilm} (${bytes(filmHtml)} bytes), ` +
          `/stories/${sampleStory} (${bytes(storyHtml)} bytes)`,
      )
    }
    console.log(
      `film page ${FILM_PATH}: ${bytes(film)} bytes; story page ${STORY_PATH}: ${bytes(story)} bytes`,
    )

    const results: Measurement[] = []
    // Each page twice: as `npm start` serves it (rendered pages kept 60 s), and rendered every time.
    const pairs = [
      ['static (film size)', `${staticUrl}/static/film`, 'film page', FILM_PATH, bytes(film)],
      ['static (story size)', `${staticUrl}/static/story`, 'story page', STORY_PATH, bytes(story)],
    ] as const
    for (const [staticName, staticTarget, pageName, path, size] of pairs) {
      const base = await measure(staticName, staticTarget, size, options)
      results.push(base)
      for (const [variant, url] of [
        ['', cachedUrl],
        [' (no page cache)', appUrl],
      ] as const) {
        const page = await measure(`${pageName}${variant}`, `${url}${path}`, size, options)
        page.ratio = page.requestsPerSecond / base.requestsPerSecond
        results.push(page)
      }
    }

    send({ type: 'stop' })
    const stopped = await nextMessage(child, 'stopped', 10_000)

    console.log()
    console.log(table(results))
    console.log()
    let failures = stopped.errors
    for (const m of results.filter((r) => r.ratio !== null)) {
      const ratioOk = m.ratio! >= GOAL_RATIO
      const p99Ok = m.p99 < GOAL_P99_MS
      console.log(
        `${m.target}: ${(m.ratio! * 100).toFixed(0)}% of the static page's throughput (goal ≥ ${GOAL_RATIO * 100}%: ` +
          `${ratioOk ? 'met' : 'missed'}), p99 ${m.p99.toFixed(1)} ms (goal < ${GOAL_P99_MS} ms: ${p99Ok ? 'met' : 'missed'})`,
      )
    }
    for (const m of results) {
      if (m.non2xx > 0 || m.errors > 0) {
        failures++
        console.log(`${m.target}: ${m.non2xx} non-2xx responses, ${m.errors} errors`)
      }
    }
    if (stopped.errors > 0) console.log(`the app logged ${stopped.errors} errors during the run`)
    console.log(
      JSON.stringify({
        bench: 'pages',
        node: process.version,
        cpus: availableParallelism(),
        films: database.counts.films,
        database: {
          file: database.file,
          bytes: database.bytes,
          reused: database.reused,
          seconds: database.seconds,
          generatedSeconds: database.generatedSeconds,
        },
        connections: options.connections,
        seconds: options.seconds,
        warmup: options.warmup,
        results,
        goal: { ratio: GOAL_RATIO, p99: GOAL_P99_MS },
      }),
    )
    // Errors make the run worthless, not slow: only they fail it. Times are reported, never asserted.
    if (failures > 0) process.exitCode = 1
  } finally {
    if (child.exitCode === null) child.kill()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
