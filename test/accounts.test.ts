import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  consumeRateLimit,
  createAccount,
  endSession,
  findAccountOfSession,
  hashPassword,
  hasRole,
  hashToken,
  LOGIN_FAILURES_PER_CLIENT,
  signIn,
  verifyPassword,
} from '../src/services/index.ts'
import { createTestStorage, DIALECTS, type TestStorage } from './support/databases.ts'

// Accounts, sessions and rate limits, on every database. Passwords are hashed at OWASP's scrypt
// parameters (N = 2^17, r = 8, p = 1) here too: what runs in production is what is tested.

const PASSWORD = 'correct horse battery staple'
// The middle of a 15-minute window: the counts below never straddle two windows.
const NOW = new Date(Math.floor(Date.now() / 900_000) * 900_000 + 450_000)

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one, with OWASP scrypt parameters in the hash', async () => {
    const hash = await hashPassword(PASSWORD)
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    expect(await verifyPassword(PASSWORD, hash)).toBe(true)
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false)
    expect(await verifyPassword(PASSWORD, 'md5$whatever')).toBe(false)
    expect(await hashPassword(PASSWORD)).not.toBe(hash)
  })

  it('ranks roles: an admin may do what a moderator may, an editor may not', () => {
    expect(hasRole('admin', 'moderator')).toBe(true)
    expect(hasRole('moderator', 'editor')).toBe(true)
    expect(hasRole('editor', 'moderator')).toBe(false)
  })
})

for (const dialect of DIALECTS) {
  describe(`accounts on ${dialect}`, () => {
    let storage: TestStorage
    beforeAll(async () => {
      storage = await createTestStorage(dialect)
      await createAccount(storage, { username: 'Ada', password: PASSWORD, role: 'admin' })
    })
    afterAll(() => storage.destroy())

    it('stores the name in lower case and refuses a second account of the same name', async () => {
      await expect(
        createAccount(storage, { username: 'ada', password: PASSWORD, role: 'editor' }),
      ).rejects.toThrow(/already an account "ada"/)
      await expect(
        createAccount(storage, { username: 'bob', password: 'short', role: 'editor' }),
      ).rejects.toThrow(/at least 12 characters/)
      await expect(
        createAccount(storage, { username: 'b o b', password: PASSWORD, role: 'editor' }),
      ).rejects.toThrow(/username/)
      // The curated files sign their claims and pins as "curator": no account may take the name.
      await expect(
        createAccount(storage, { username: 'Curator', password: PASSWORD, role: 'editor' }),
      ).rejects.toThrow(/reserved/)
    })

    it('opens a session whose token is stored only as a hash, and a new token at each sign-in', async () => {
      const first = await signIn(
        storage,
        { username: 'ada', password: PASSWORD, client: '198.51.100.1' },
        NOW,
      )
      expect(first.ok).toBe(true)
      if (!first.ok) return
      const stored = await storage.db.selectFrom('account_session').select('token_hash').execute()
      expect(stored.map((s) => s.token_hash)).toContain(hashToken(first.session.token))
      expect(JSON.stringify(stored)).not.toContain(first.session.token)
      expect(await findAccountOfSession(storage, first.session.token, NOW)).toMatchObject({
        username: 'ada',
        role: 'admin',
      })

      const second = await signIn(
        storage,
        { username: 'ada', password: PASSWORD, client: '198.51.100.1', previousToken: first.session.token },
        NOW,
      )
      expect(second.ok && second.session.token).not.toBe(first.session.token)
      expect(await findAccountOfSession(storage, first.session.token, NOW)).toBeUndefined()
      if (!second.ok) return
      expect(await findAccountOfSession(storage, second.session.token, NOW)).toBeDefined()

      await endSession(storage, second.session.token)
      expect(await findAccountOfSession(storage, second.session.token, NOW)).toBeUndefined()
    })

    it('ends sessions at their expiry', async () => {
      const result = await signIn(
        storage,
        { username: 'ada', password: PASSWORD, client: '198.51.100.2' },
        NOW,
      )
      if (!result.ok) throw new Error('sign-in failed')
      const later = new Date(result.session.expiresAt.getTime() + 1)
      expect(await findAccountOfSession(storage, result.session.token, later)).toBeUndefined()
    })

    it('refuses a client after 10 failed sign-ins in 15 minutes, even with the right password', async () => {
      const client = '198.51.100.3'
      for (let i = 0; i < LOGIN_FAILURES_PER_CLIENT.limit; i++) {
        const wrong = await signIn(
          storage,
          { username: `nobody${i}`, password: 'wrong password!', client },
          NOW,
        )
        expect(wrong).toMatchObject({ ok: false, reason: 'wrong' })
      }
      const limited = await signIn(storage, { username: 'ada', password: PASSWORD, client }, NOW)
      expect(limited).toMatchObject({ ok: false, reason: 'limited' })
      if (limited.ok || limited.reason !== 'limited') return
      expect(limited.retryAfterSeconds).toBeGreaterThan(0)
      expect(limited.retryAfterSeconds).toBeLessThanOrEqual(15 * 60)
      // Another client is not affected; the next window starts afresh.
      expect(
        (await signIn(storage, { username: 'ada', password: PASSWORD, client: '198.51.100.4' }, NOW)).ok,
      ).toBe(true)
      const nextWindow = new Date(NOW.getTime() + 15 * 60 * 1000)
      expect((await signIn(storage, { username: 'ada', password: PASSWORD, client }, nextWindow)).ok).toBe(
        true,
      )
    })

    it('counts concurrent hits atomically: exactly the limit is allowed', async () => {
      const rule = { name: 'test-burst', limit: 7, windowSeconds: 60 }
      const results = await Promise.all(
        Array.from({ length: 20 }, () => consumeRateLimit(storage, rule, 'burst', NOW.getTime())),
      )
      expect(results.filter((r) => r.allowed)).toHaveLength(7)
    })
  })
}

describe('retold user create', () => {
  const BIN = join(import.meta.dirname, '../bin/retold.js')
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'retold-user-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const retold = (args: string[], env: Record<string, string>, input?: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        env: { ...process.env, DATABASE_URL: '', RETOLD_DATABASE_FILE: join(dir, 'retold.db'), ...env },
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk) => (stdout += chunk))
      child.stderr.on('data', (chunk) => (stderr += chunk))
      child.on('close', (code) => resolve({ code, stdout, stderr }))
      child.stdin.end(input ?? '')
    })

  it('reads the password from stdin, or from RETOLD_PASSWORD, and refuses a short one', async () => {
    const fromStdin = await retold(['user', 'create', 'ada', '--role', 'admin'], {}, `${PASSWORD}\n`)
    expect(fromStdin.stderr).toBe('')
    expect(fromStdin).toMatchObject({ code: 0, stdout: 'created admin ada\n' })
    const fromEnv = await retold(['user', 'create', 'bob', '--role', 'editor'], { RETOLD_PASSWORD: PASSWORD })
    expect(fromEnv).toMatchObject({ code: 0, stdout: 'created editor bob\n' })
    const short = await retold(['user', 'create', 'cy', '--role', 'editor'], {}, 'short\n')
    expect(short.code).toBe(1)
    expect(short.stderr).toContain('at least 12 characters')
    const badRole = await retold(['user', 'create', 'cy', '--role', 'owner'], { RETOLD_PASSWORD: PASSWORD })
    expect(badRole.stderr).toContain('--role is one of editor, moderator, admin')
  })
})
