import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorCode } from '../domain/index.ts'

export const STATUS_OF: Record<ErrorCode, ContentfulStatusCode> = {
  NotFound: 404,
  Invalid: 400,
  Conflict: 409,
  Unavailable: 503,
  Internal: 500,
}

export function errorBody(code: ErrorCode, message: string) {
  return { error: { code, message } }
}
