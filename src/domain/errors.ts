export type ErrorCode = 'NotFound' | 'Invalid' | 'Conflict' | 'Unavailable' | 'Internal'

/** The one error class of Retold; the web layer maps `code` to an HTTP status. */
export class AppError extends Error {
  override readonly name = 'AppError'

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, key: string) {
    super('NotFound', `No ${what} "${key}".`)
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}
