import type { Context } from 'hono'

/** An RFC 9457 problem document. */
export interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  /** Field path → Persian message, for validation problems. */
  errors?: Record<string, string>
}

export function problemResponse(
  c: Context,
  problem: Problem,
  headers: Record<string, string> = {},
) {
  return c.body(JSON.stringify(problem), problem.status as 400, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    ...headers,
  })
}
