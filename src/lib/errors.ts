/**
 * The one error hierarchy. Expected failures of a form are values, not errors;
 * these are for requests that cannot go on. `web/error-handler.ts` is the only
 * place that maps them to HTTP statuses.
 */
export class AppError extends Error {
  override name = 'AppError'
  readonly code: string
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options)
    this.code = code
  }
}

/** The thing asked for does not exist (or the actor may not know it exists). */
export class NotFoundError extends AppError {
  override name = 'NotFoundError'
}

/** No (valid) credentials were presented. */
export class UnauthenticatedError extends AppError {
  override name = 'UnauthenticatedError'
}

/** The actor is known but may not do this. */
export class ForbiddenError extends AppError {
  override name = 'ForbiddenError'
}

/** The write conflicts with the current state (stale version, duplicate code…). */
export class ConflictError extends AppError {
  override name = 'ConflictError'
}

/** Too many attempts; `retryAfterSeconds` tells the client when to try again. */
export class RateLimitedError extends AppError {
  override name = 'RateLimitedError'
  readonly retryAfterSeconds: number
  constructor(message: string, retryAfterSeconds: number) {
    super('rate-limited', message)
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/** Input that failed validation where no form can be re-rendered (API bodies). */
export class ValidationError extends AppError {
  override name = 'ValidationError'
  readonly fieldErrors: Record<string, string>
  constructor(message: string, fieldErrors: Record<string, string>) {
    super('validation', message)
    this.fieldErrors = fieldErrors
  }
}
