import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { BlockList, isIP } from 'node:net'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { AppError } from '../domain/index.ts'
import {
  consumeRateLimit,
  findAccountOfSession,
  hasRole,
  SESSION_LIFETIME_SECONDS,
  type Account,
  type RateLimit,
  type Role,
  type Storage,
} from '../services/index.ts'

// What keeps the site safe against abuse: security headers and a Content-Security-Policy with a
// nonce per response, the client's address (X-Forwarded-For only from trusted proxies), sessions
// in `__Host-` cookies, CSRF tokens, body-size limits and rate limits on every write, role checks.

export const SESSION_COOKIE = 'retold-session' // sent as __Host-retold-session
export const CSRF_COOKIE = 'retold-csrf' // sent as __Host-retold-csrf
export const CSRF_FIELD = '_csrf'
export const CSRF_HEADER = 'x-csrf-token'
/** A form field people never see and bots fill in. */
export const HONEYPOT_FIELD = 'website'
/** The largest body a write route accepts unless it sets its own limit. */
export const BODY_LIMIT_BYTES = 64 * 1024
/** Writes (POST, PUT, PATCH, DELETE) allowed per client and minute, whatever the route. */
export const WRITES_PER_CLIENT: RateLimit = { name: 'write-client', limit: 60, windowSeconds: 60 }
/** Moments and comments posted by one client, on top of its writes. */
export const POSTS_PER_CLIENT: RateLimit = { name: 'post-client', limit: 10, windowSeconds: 10 * 60 }

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export type SecurityVariables = { nonce: string; client: string }

export type Refuse = (
  c: Context,
  status: 401 | 403 | 413 | 429,
  message: string,
) => Response | Promise<Response>

export interface SecurityOptions {
  storage: Storage
  publicUrl: string
  /** Addresses or CIDR ranges of the proxies whose X-Forwarded-For is believed. */
  trustedProxies?: readonly string[] | undefined
  /** Renders a refusal as the route would (a JSON error under /api/, a page elsewhere). */
  refuse: Refuse
  /** The time, for rate-limit windows and session expiry; tests fix it. */
  clock?: (() => Date) | undefined
  /** The largest body of a write (an upload route may allow more); BODY_LIMIT_BYTES by default. */
  bodyLimitFor?: ((c: Context) => number) | undefined
}

/** A BlockList of addresses and CIDR ranges (`10.0.0.0/8`, `::1`); throws on one that is neither. */
export function parseTrustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList()
  for (const entry of entries) {
    const [address = '', prefix] = entry.trim().split('/')
    const family = isIP(address)
    if (family === 0) throw new Error(`not an IP address or CIDR range: ${entry}`)
    const type = family === 4 ? 'ipv4' : 'ipv6'
    if (prefix === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(prefix), type)
  }
  return list
}

function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return mapped ? mapped[1]! : address
}

function isTrusted(list: BlockList | null, address: string): boolean {
  const family = isIP(address)
  return list !== null && family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

function remoteAddress(c: Context): string {
  try {
    return normalizeAddress(getConnInfo(c).remote.address ?? 'unknown')
  } catch {
    // app.request() in tests has no socket.
    return 'unknown'
  }
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then the nearest
 * address in X-Forwarded-For that is not a trusted proxy (addresses further left are the client's
 * own claims and can be anything).
 */
export function clientAddress(c: Context, trusted: BlockList | null): string {
  let address = remoteAddress(c)
  if (!isTrusted(trusted, address)) return address
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => normalizeAddress(a.trim()))
    .filter(Boolean)
  while (isTrusted(trusted, address) && forwarded.length > 0) {
    const next = forwarded.pop()!
    if (isIP(next) === 0) break
    address = next
  }
  return address
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url')
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function createSecurity({
  storage,
  publicUrl,
  trustedProxies = [],
  refuse,
  clock = () => new Date(),
  bodyLimitFor = () => BODY_LIMIT_BYTES,
}: SecurityOptions) {
  const trusted = trustedProxies.length > 0 ? parseTrustedProxies(trustedProxies) : null
  const https = publicUrl.startsWith('https:')
  const publicOrigin = new URL(publicUrl).origin
  const accounts = new WeakMap<Context, Promise<Account | undefined>>()

  const sessionToken = (c: Context) => getCookie(c, SESSION_COOKIE, 'host')

  /** The signed-in account of this request, looked up once and only when a route asks. */
  const account = (c: Context): Promise<Account | undefined> => {
    let found = accounts.get(c)
    if (!found) {
      const token = sessionToken(c)
      found = token ? findAccountOfSession(storage, token, clock()) : Promise.resolve(undefined)
      accounts.set(c, found)
    }
    return found
  }

  /**
   * The CSRF token for this client's forms: a digest of its session token when signed in (so it is
   * bound to the session and changes at sign-in), else of a random `__Host-` cookie set here. The
   * cookie cannot be set by another site or subdomain, and the token cannot be read by one.
   */
  const csrfToken = (c: Context): string => {
    const session = sessionToken(c)
    if (session) return digest(`csrf:session:${session}`)
    let secret = getCookie(c, CSRF_COOKIE, 'host')
    if (!secret || secret.length < 32) {
      secret = randomBytes(32).toString('base64url')
      setCookie(c, CSRF_COOKIE, secret, { prefix: 'host', httpOnly: true, sameSite: 'Lax' })
    }
    return digest(`csrf:anonymous:${secret}`)
  }

  const expectedCsrf = (c: Context): string | undefined => {
    const session = sessionToken(c)
    if (session) return digest(`csrf:session:${session}`)
    const secret = getCookie(c, CSRF_COOKIE, 'host')
    return secret ? digest(`csrf:anonymous:${secret}`) : undefined
  }

  const isSameOrigin = (c: Context): boolean => {
    const origin = c.req.header('origin')
    if (origin === undefined) return c.req.header('sec-fetch-site') !== 'cross-site'
    return origin === publicOrigin || origin === new URL(c.req.url).origin
  }

  /** Why a write must be refused, or null: CSRF for forms, JSON and same origin for the API. */
  const csrfProblem = async (c: Context): Promise<string | null> => {
    if (!isSameOrigin(c)) return 'This request came from another site.'
    if (c.req.path.startsWith('/api/')) {
      // A cross-site page cannot send application/json without a CORS preflight, which Retold never grants.
      const type = c.req.header('content-type') ?? ''
      return /^application\/json\b/i.test(type)
        ? null
        : 'API writes are JSON (Content-Type: application/json).'
    }
    const expected = expectedCsrf(c)
    if (!expected) return 'The form has expired: reload the page and try again.'
    let sent = c.req.header(CSRF_HEADER)
    if (sent === undefined) {
      const type = c.req.header('content-type') ?? ''
      if (/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
        const field = (await c.req.parseBody())[CSRF_FIELD]
        sent = typeof field === 'string' ? field : undefined
      }
    }
    return sent !== undefined && sameText(sent, expected)
      ? null
      : 'The form has expired: reload the page and try again.'
  }

  /**
   * Security headers on every response. The CSP's nonce is new for every response; pages hold no
   * inline script or style (the script and the stylesheet are hashed assets, JSON-LD is data), so
   * cached pages go out byte for byte and only what a response renders for itself would use it.
   */
  const headers: MiddlewareHandler = async (c, next) => {
    const nonce = randomBytes(16).toString('base64url')
    c.set('nonce', nonce)
    c.set('client', clientAddress(c, trusted))
    await next()
    const res = c.res
    res.headers.set('X-Content-Type-Options', 'nosniff')
    res.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin')
    res.headers.set('X-Frame-Options', 'DENY')
    res.headers.set('Cross-Origin-Opener-Policy', 'same-origin')
    res.headers.set(
      'Permissions-Policy',
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    )
    if (https) res.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    // A 304 keeps the body the browser already has, with the nonce of its own CSP: a new CSP would not match it.
    if (res.status === 304) return
    res.headers.set(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        `style-src 'self' 'nonce-${nonce}'`,
        // style="--years:4" and the map legend's swatches: custom properties, no script can hide in them.
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join('; '),
    )
  }

  const limiters = new Map<number, MiddlewareHandler>()
  const limitBody = (bytes: number): MiddlewareHandler => {
    let limiter = limiters.get(bytes)
    if (!limiter) {
      const size = bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes / 1024} KiB`
      limiter = bodyLimit({
        maxSize: bytes,
        onError: (c) => refuse(c, 413, `The request is larger than ${size}.`),
      })
      limiters.set(bytes, limiter)
    }
    return limiter
  }

  /**
   * Parses a page form's body once (routes get it from Hono's cache): a body that is not the
   * multipart or URL-encoded data it claims to be is a 400, not a failure of the route.
   */
  const readForm = async (c: Context): Promise<void> => {
    // The same test as Hono's parseBody, which reads only these two types.
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    if (
      c.req.path.startsWith('/api/') ||
      !['multipart/form-data', 'application/x-www-form-urlencoded'].includes(type)
    )
      return
    try {
      await c.req.parseBody()
    } catch (error) {
      throw new AppError(
        'Invalid',
        'The form could not be read: its body is not the form data it claims to be.',
        {
          cause: error,
        },
      )
    }
  }

  /** Every write: counted against the client's rate limit, its body size capped, its CSRF token checked. */
  const guardWrites: MiddlewareHandler = async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next()
    const client = c.get('client') as string
    const limited = await consumeRateLimit(storage, WRITES_PER_CLIENT, client, clock().getTime())
    if (!limited.allowed) {
      c.header('Retry-After', String(limited.retryAfterSeconds))
      return refuse(c, 429, 'Too many requests: wait a minute and try again.')
    }
    const refused = await limitBody(bodyLimitFor(c))(c, async () => {
      await readForm(c)
      const problem = await csrfProblem(c)
      if (problem) c.res = await refuse(c, 403, problem)
      else await next()
    })
    if (refused) return refused
  }

  /** Lets the request through only for a signed-in account of `role` or above. */
  const requireRole =
    (role: Role): MiddlewareHandler =>
    async (c, next) => {
      const who = await account(c)
      if (!who) return refuse(c, 401, 'Sign in to do this.')
      if (!hasRole(who.role, role)) return refuse(c, 403, `This needs the ${role} role.`)
      await next()
    }

  const setSessionCookie = (c: Context, token: string) =>
    setCookie(c, SESSION_COOKIE, token, {
      prefix: 'host',
      httpOnly: true,
      sameSite: 'Lax',
      maxAge: SESSION_LIFETIME_SECONDS,
    })
  const clearSessionCookie = (c: Context) =>
    deleteCookie(c, SESSION_COOKIE, { prefix: 'host', secure: true, path: '/' })

  return {
    headers,
    guardWrites,
    requireRole,
    account,
    csrfToken,
    sessionToken,
    setSessionCookie,
    clearSessionCookie,
  }
}

export type Security = ReturnType<typeof createSecurity>

/** Whether a bot filled in the honeypot field of a submitted form. */
export function isHoneypotFilled(body: Record<string, unknown>): boolean {
  const value = body[HONEYPOT_FIELD]
  return typeof value === 'string' ? value.trim() !== '' : value !== undefined
}
