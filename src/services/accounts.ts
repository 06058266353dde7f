import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { AppError } from '../domain/index.ts'
import {
  countRateLimitHits,
  deleteExpiredSessions,
  deleteSession,
  findAccountByUsername,
  findSessionAccount,
  hitRateLimit,
  insertAccount,
  insertSession,
  pruneRateLimits,
  type AccountRecord,
  type Storage,
  CURATOR,
} from '../storage/index.ts'

// Editor accounts, their sessions, and the rate limits that keep password guessing and floods slow.

/** From least to most trusted: each role may do what the roles before it may. */
export const ROLES = ['editor', 'moderator', 'admin'] as const
export type Role = (typeof ROLES)[number]

export interface Account {
  id: number
  username: string
  role: Role
}

export function isRole(value: unknown): value is Role {
  return ROLES.includes(value as Role)
}

/** Whether an account of `role` may do what `required` may. */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required)
}

export interface ScryptParameters {
  log2N: number
  r: number
  p: number
}

// OWASP Password Storage Cheat Sheet: "scrypt with a minimum CPU/memory cost parameter of (2^17), a
// minimum block size of 8 (1024 bytes), and a parallelization parameter of 1".
export const OWASP_SCRYPT: ScryptParameters = { log2N: 17, r: 8, p: 1 }
const KEY_BYTES = 32
const SALT_BYTES = 16
export const PASSWORD_MIN_LENGTH = 12
// scrypt accepts any length, but a megabyte of password is only a way to burn the server's CPU.
export const PASSWORD_MAX_LENGTH = 1024
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/

function derive(password: string, salt: Buffer, { log2N, r, p }: ScryptParameters): Promise<Buffer> {
  const N = 2 ** log2N
  // scrypt needs 128·N·r bytes; Node refuses past `maxmem` (32 MiB by default, less than 2^17 needs).
  const maxmem = 2 * 128 * N * r * p
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

/** `scrypt$<log2 N>$<r>$<p>$<salt>$<key>`: the parameters travel with the hash, so they can be raised later. */
export async function hashPassword(password: string, parameters = OWASP_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, parameters)
  const { log2N, r, p } = parameters
  return ['scrypt', log2N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    log2N: Number(log2N),
    r: Number(r),
    p: Number(p),
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

export function parseUsername(value: string): string {
  const username = value.trim().toLowerCase()
  if (!USERNAME.test(username))
    throw new AppError('Invalid', 'a username is 2 to 40 letters a-z, digits, ".", "_" or "-"')
  // Claims and pins from the curated files are signed by this name: no person may sign as it.
  if (username === CURATOR) throw new AppError('Invalid', `"${CURATOR}" is reserved for the curated files`)
  return username
}

export function checkPassword(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH)
    throw new AppError('Invalid', `a password has at least ${PASSWORD_MIN_LENGTH} characters`)
  if (password.length > PASSWORD_MAX_LENGTH)
    throw new AppError('Invalid', `a password has at most ${PASSWORD_MAX_LENGTH} characters`)
}

function recordToAccount(record: AccountRecord): Account {
  if (!isRole(record.role)) throw new AppError('Internal', `account ${record.username} has no known role`)
  return { id: record.id, username: record.username, role: record.role }
}

export async function createAccount(
  storage: Storage,
  input: { username: string; password: string; role: Role },
  parameters = OWASP_SCRYPT,
): Promise<Account> {
  const username = parseUsername(input.username)
  checkPassword(input.password)
  if (!isRole(input.role)) throw new AppError('Invalid', `a role is one of ${ROLES.join(', ')}`)
  if (await findAccountByUsername(storage.db, username))
    throw new AppError('Conflict', `There is already an account "${username}".`)
  const passwordHash = await hashPassword(input.password, parameters)
  const record = await insertAccount(storage.db, {
    username,
    passwordHash,
    role: input.role,
    now: new Date().toISOString(),
  })
  return recordToAccount(record)
}

// Sessions ---------------------------------------------------------------------------------------

export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60

/** The database keeps only this digest of a session token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

export interface Session {
  token: string
  account: Account
  expiresAt: Date
}

export async function findAccountOfSession(
  storage: Storage,
  token: string,
  now = new Date(),
): Promise<Account | undefined> {
  const record = await findSessionAccount(storage.db, hashToken(token), now.toISOString())
  return record && recordToAccount(record)
}

/** Ends a session on the server: its token stops working everywhere at once. */
export async function endSession(storage: Storage, token: string): Promise<void> {
  await deleteSession(storage.db, hashToken(token))
}

// Rate limits ------------------------------------------------------------------------------------

export interface RateLimit {
  /** Names the counter: `login-client`, `write`. */
  name: string
  /** Hits allowed in one window. */
  limit: number
  windowSeconds: number
}

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number }

const DAY_MS = 24 * 60 * 60 * 1000

function windowOf(rule: RateLimit, now: number) {
  const ms = rule.windowSeconds * 1000
  const start = Math.floor(now / ms) * ms
  return { start, retryAfterSeconds: Math.max(1, Math.ceil((start + ms - now) / 1000)) }
}

/** Counts one hit of `subject` (a client, an account name) against `rule`. */
export async function consumeRateLimit(
  storage: Storage,
  rule: RateLimit,
  subject: string,
  now = Date.now(),
): Promise<RateLimitResult> {
  const { start, retryAfterSeconds } = windowOf(rule, now)
  const hits = await hitRateLimit(storage.db, `${rule.name}:${subject}`, start)
  // A new window is a good moment to forget yesterday's: no timer, and only one process does it per window.
  if (hits === 1) await pruneRateLimits(storage.db, now - DAY_MS)
  return hits > rule.limit ? { allowed: false, retryAfterSeconds } : { allowed: true }
}

/** Whether `subject` is already over `rule`, without counting a hit. */
export async function peekRateLimit(
  storage: Storage,
  rule: RateLimit,
  subject: string,
  now = Date.now(),
): Promise<RateLimitResult> {
  const { start, retryAfterSeconds } = windowOf(rule, now)
  const hits = await countRateLimitHits(storage.db, `${rule.name}:${subject}`, start)
  return hits >= rule.limit ? { allowed: false, retryAfterSeconds } : { allowed: true }
}

// Signing in -------------------------------------------------------------------------------------

/** Failed sign-ins allowed per client address in 15 minutes. */
export const LOGIN_FAILURES_PER_CLIENT: RateLimit = {
  name: 'login-client',
  limit: 10,
  windowSeconds: 15 * 60,
}
/**
 * Failed sign-ins allowed per account name in 15 minutes, from all clients together: it slows guessing
 * spread over many addresses, and is higher than the per-client limit so that one client alone cannot
 * lock an editor out.
 */
export const LOGIN_FAILURES_PER_ACCOUNT: RateLimit = {
  name: 'login-account',
  limit: 30,
  windowSeconds: 15 * 60,
}

export type SignInResult =
  | { ok: true; session: Session }
  | { ok: false; reason: 'wrong'; message: string }
  | { ok: false; reason: 'limited'; retryAfterSeconds: number; message: string }

let dummyHash: Promise<string> | undefined

/**
 * Checks a password and opens a new session with a new token; the session the client had before,
 * if any, is ended (the id changes at sign-in). Failures count against the client and the account name.
 */
export async function signIn(
  storage: Storage,
  input: { username: string; password: string; client: string; previousToken?: string | undefined },
  now = new Date(),
): Promise<SignInResult> {
  const username = input.username.trim().toLowerCase().slice(0, 100)
  for (const [rule, subject] of [
    [LOGIN_FAILURES_PER_CLIENT, input.client],
    [LOGIN_FAILURES_PER_ACCOUNT, username],
  ] as const) {
    const limited = await peekRateLimit(storage, rule, subject, now.getTime())
    if (!limited.allowed)
      return {
        ok: false,
        reason: 'limited',
        retryAfterSeconds: limited.retryAfterSeconds,
        message: 'Too many failed sign-ins: wait a few minutes and try again.',
      }
  }
  const record = await findAccountByUsername(storage.db, username)
  const password = input.password.slice(0, PASSWORD_MAX_LENGTH)
  // An unknown name costs as much time as a wrong password, so that timing does not tell which names exist.
  const valid = record
    ? await verifyPassword(password, record.passwordHash)
    : await verifyPassword(password, await (dummyHash ??= hashPassword(createToken()))).then(() => false)
  if (!record || !valid) {
    await consumeRateLimit(storage, LOGIN_FAILURES_PER_CLIENT, input.client, now.getTime())
    await consumeRateLimit(storage, LOGIN_FAILURES_PER_ACCOUNT, username, now.getTime())
    return { ok: false, reason: 'wrong', message: 'Wrong username or password.' }
  }
  if (input.previousToken) await endSession(storage, input.previousToken)
  const token = createToken()
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_SECONDS * 1000)
  await insertSession(storage.db, {
    tokenHash: hashToken(token),
    accountId: record.id,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  })
  await deleteExpiredSessions(storage.db, now.toISOString())
  return { ok: true, session: { token, account: recordToAccount(record), expiresAt } }
}
