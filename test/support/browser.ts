// A browser-like client for app.request(): cookies, CSRF tokens from forms, sign-in.

export const PASSWORD = 'correct horse battery staple'

/** The socket address of a request made with app.request() (what @hono/node-server passes). */
export const from = (address: string) => ({ incoming: { socket: { remoteAddress: address, remotePort: 1 } } })

/** A client with a cookie jar, talking to the app through app.request() from one address. */
export class Browser {
  cookies = new Map<string, string>()
  constructor(
    readonly app: {
      request: (path: string, init?: RequestInit, env?: object) => Response | Promise<Response>
    },
    readonly address = '192.0.2.10',
  ) {}
  async request(
    path: string,
    init: RequestInit = {},
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const response = await this.app.request(
      path,
      { ...init, headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers } },
      from(this.address),
    )
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const [name = '', value = ''] = pair.split('=')
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return response
  }
  async csrf(path = '/login'): Promise<string> {
    const html = await (await this.request(path)).text()
    return /name="_csrf" value="([^"]+)"/.exec(html)![1]!
  }
  async post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return this.request(
      path,
      { method: 'POST', body: new URLSearchParams(fields).toString() },
      { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    )
  }
  async signIn(username: string, password = PASSWORD) {
    return this.post('/login', { _csrf: await this.csrf(), username, password })
  }
}

/** A route path made requestable: `:id{[0-9]+}` becomes 1, `:kind{moment|comment}` its first choice, others x. */
export function sampleUrl(path: string): string {
  return path
    .replace(/:\w+(\{([^}]*)\})?/g, (_, _braces, pattern: string | undefined) => {
      if (pattern === undefined) return 'x'
      if (pattern.includes('0-9')) return '1'
      return /^[\w-]+(\|[\w-]+)*$/.test(pattern) ? pattern.split('|')[0]! : 'x'
    })
    .replace(/\*/g, 'x')
}
