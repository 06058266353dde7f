import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { connect } from '../../src/storage/index.ts'

const BIN = join(import.meta.dirname, '../../bin/retold.js')

/** `retold <args>` in a child process on its own SQLite file, as an operator runs an import. */
export function startRetold(args: readonly string[], databaseFile: string): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, RETOLD_DATABASE_FILE: databaseFile, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Runs `retold <args>` to its end, expects it to succeed, and returns what it printed. */
export async function runRetold(args: readonly string[], databaseFile: string): Promise<string> {
  const child = startRetold(args, databaseFile)
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const [code] = (await once(child, 'exit')) as [number | null]
  expect(code, output).toBe(0)
  return output
}

/**
 * Starts an import again and again and kills it with SIGKILL at a random moment after each run has
 * committed something of its own (a checkpoint moved, or search marks were cleared), until it has
 * been killed `kills` times or it finishes. Returns how many times it was killed.
 */
export async function killAtRandomPoints(
  start: () => ChildProcess,
  databaseFile: string,
  kills: number,
): Promise<number> {
  let killed = 0
  for (let attempt = 0; attempt < kills * 2 && killed < kills; attempt++) {
    const before = await progressOf(databaseFile)
    const child = start()
    const exited = once(child, 'exit')
    let finished = false
    void exited.then(() => (finished = true))
    while (!finished && (await progressOf(databaseFile)) === before)
      await new Promise((r) => setTimeout(r, 20))
    // A random moment after this run's first commit: within a file, between files, or while indexing.
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 300))
    if (!finished) {
      child.kill('SIGKILL')
      killed += 1
    }
    await exited
  }
  return killed
}

/** What an import has committed so far (checkpoints, and marks left to index), comparable as a string. */
async function progressOf(file: string): Promise<string> {
  if (!existsSync(file)) return ''
  const storage = await connect({ databaseFile: file })
  try {
    const checkpoints = await storage.db
      .selectFrom('import_checkpoint')
      .select(['file', 'line', 'done'])
      .orderBy('file')
      .execute()
    const pending = await storage.db
      .selectFrom('import_pending')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst()
    return JSON.stringify([checkpoints, Number(pending?.n ?? 0)])
  } catch {
    return '' // not migrated yet
  } finally {
    await storage.close()
  }
}
