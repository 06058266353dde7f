import { isIP } from 'node:net'
import { resolve } from 'node:path'
import { z } from 'zod'

const ENVIRONMENT = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  RETOLD_DATABASE_FILE: z.string().min(1).default('var/retold.db'),
  RETOLD_DATA_DIR: z.string().min(1).default('data'),
  RETOLD_POSTER_DIR: z.string().min(1).default('data/posters'),
  RETOLD_MEDIA_DIR: z.string().min(1).default('var/media'),
  RETOLD_MAX_VIDEO_MB: z.coerce.number().positive().max(2048).default(50),
  RETOLD_PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  RETOLD_PUBLIC_URL: z.url().optional(),
  RETOLD_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine(
      (entries) => entries.every((entry) => isIP(entry.split('/')[0]!) !== 0),
      'RETOLD_TRUSTED_PROXIES is a comma-separated list of IP addresses or CIDR ranges',
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export interface Config {
  port: number
  host: string
  /** PostgreSQL when set; otherwise the embedded SQLite file. */
  databaseUrl: string | undefined
  databaseFile: string
  dataDir: string
  /** Posters named after film slugs; a film without one gets a generated placeholder. */
  posterDir: string
  /** Fans' uploaded videos, stored by the sha256 of their content. */
  mediaDir: string
  /** The largest video a fan may upload. */
  maxVideoBytes: number
  /** How long rendered pages are kept in memory; 0 renders every request. */
  pageCacheSeconds: number
  /** The site's address as readers see it, for canonical links; defaults to http://host:port. */
  publicUrl: string
  /** Proxies whose X-Forwarded-For names the client (addresses or CIDR ranges); none by default. */
  trustedProxies: readonly string[]
  logLevel: z.infer<typeof ENVIRONMENT>['LOG_LEVEL']
}

/** Reads the environment once into a frozen Config, or explains what is wrong with it. */
export function readConfig(env: NodeJS.ProcessEnv): Readonly<Config> {
  const parsed = ENVIRONMENT.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  }
  const e = parsed.data
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseFile: e.RETOLD_DATABASE_FILE === ':memory:' ? ':memory:' : resolve(e.RETOLD_DATABASE_FILE),
    dataDir: resolve(e.RETOLD_DATA_DIR),
    posterDir: resolve(e.RETOLD_POSTER_DIR),
    mediaDir: resolve(e.RETOLD_MEDIA_DIR),
    maxVideoBytes: Math.round(e.RETOLD_MAX_VIDEO_MB * 1024 * 1024),
    pageCacheSeconds: e.RETOLD_PAGE_CACHE_SECONDS,
    publicUrl: (e.RETOLD_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    trustedProxies: Object.freeze(e.RETOLD_TRUSTED_PROXIES),
    logLevel: e.LOG_LEVEL,
  })
}
