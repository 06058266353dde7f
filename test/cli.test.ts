import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyDataset } from './support/datasets.ts'

// Runs the real `retold` command in a child process, on a temporary SQLite file.

const run = promisify(execFile)
const BIN = join(import.meta.dirname, '../bin/retold.js')

describe('retold command', () => {
  let dir: string
  let env: NodeJS.ProcessEnv
  const retold = (...args: string[]) => run(process.execPath, [BIN, ...args], { env })

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'retold-cli-'))
    env = { ...process.env, RETOLD_DATABASE_FILE: join(dir, 'retold.db'), DATABASE_URL: '' }
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('loads the bundled dataset and prints a story with all its versions as JSON', async () => {
    const load = await retold('load')
    expect(load.stdout).toMatch(/loaded \d+ files in [\d.]+ s \(0 problems\); the database holds \d+ stories/)
    const { stdout } = await retold('show', 'miracle-in-cell-no-7', '--json')
    const story = JSON.parse(stdout)
    expect(story.type).toBe('story')
    expect(story.versions.map((v: { slug: string; year: number | null }) => `${v.slug}:${v.year}`)).toEqual(
      expect.arrayContaining([
        'miracle-in-cell-no-7-2013:2013',
        '7-kogustaki-mucize-2019:2019',
        'miracle-in-cell-no-7-2019:2019',
        'miracle-in-cell-no-7-2022:2022',
      ]),
    )
    expect(story.versions.some((v: { status: string }) => v.status !== 'released')).toBe(true)
  })

  it('searches and prints the same JSON as the API', async () => {
    const { stdout } = await retold('search', 'pselmzhmiraclese in cell no 7 turki', '--json', '--limit', '3')
    const response = JSON.parse(stdout)
    expect(response).toMatchObject({
      query: 'pselmzhmiraclese in cell no 7 turki',
      interpreted: expect.any(String),
    })
    expect(response.results[0]).toMatchObject({ kind: 'film', slug: '7-kogustaki-mucize-2019' })
    expect(response.results.length).toBeLessThanOrEqual(3)
  })

  it('prints a film with its conflicts as text', async () => {
    const { stdout } = await retold('show', '7-kogustaki-mucize-2019')
    expect(stdout).toContain('7. Koğuştaki Mucize  (original, tr)')
    expect(stdout).toMatch(/based_on_true_story: true {2}\[.*\] {2}— sources disagree/)
    expect(stdout).toMatch(/≠ false {2}\[.*seed-001.*\]/)
  })

  it('reports every problem of a broken file as file:line: reason and loads nothing of it', async () => {
    const data = copyDataset()
    const file = join(data, 'stories/miracle.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('runtime_minutes: 132', 'runtime_minutes: soon'))
    const failure = await retold('load', data).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    )
    expect(failure?.code).toBe(1)
    expect(failure?.stdout).toMatch(/stories\/miracle\.yaml:\d+: films\[1\]\.facts\.runtime_minutes\.value: /)
    expect(failure?.stderr).toBe('')
    await expect(retold('show', 'miracle')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no story, film, person or source "miracle"'),
    })
    rmSync(data, { recursive: true, force: true })
  })

  it('serves the site with `npm start`, as the README says', async () => {
    const child = spawn('npm', ['start'], {
      env: { ...env, PORT: '0', LOG_LEVEL: 'info' },
      cwd: join(import.meta.dirname, '..'),
      detached: true,
    })
    try {
      let output = ''
      child.stdout.setEncoding('utf8')
      const port = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          output += chunk
          const match = /serving http:\/\/[^:]+:(\d+)/.exec(output)
          if (match) resolve(match[1]!)
        })
        child.once('exit', () => reject(new Error(`npm start exited: ${output}`)))
      })
      const health = await fetch(`http://127.0.0.1:${port}/healthz`)
      expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite' })
      const film = await fetch(`http://127.0.0.1:${port}/films/7-kogustaki-mucize-2019`)
      expect(await film.text()).toContain('7. Koğuştaki Mucize')
    } finally {
      process.kill(-child.pid!, 'SIGTERM')
      if (child.exitCode === null) await once(child, 'exit')
    }
  })

  it('exits with 2 and the usage on an unknown command', async () => {
    await expect(retold('frobnicate')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Usage: retold'),
    })
  })
})
