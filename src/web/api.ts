import { OpenAPIHono, z } from '@hono/zod-openapi'
import { ValidationError } from '../lib/errors.ts'
import type { AppEnv } from './env.ts'
import { fieldErrorsOf } from './form.ts'

export type Api = OpenAPIHono<AppEnv>

/**
 * The /api/v1 router. Request validation failures become problem+json 422
 * (through the shared error handler) with one Persian message per field. JSON bodies reach the
 * validators already parsed and sanitised by the input boundary (`body.ts`): unreadable JSON,
 * NUL and lone surrogates are answered there, and bidi controls removed.
 */
export function createApi(): Api {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new ValidationError('داده‌های فرستاده‌شده معتبر نیستند.', fieldErrorsOf(result.error))
      }
    },
  })
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'یک توکن شخصی API که در پیشخوان یا با `mardom token create` ساخته شده است.',
  })
  return api
}

export const OPENAPI_INFO: Parameters<Api['getOpenAPI31Document']>[0] = {
  openapi: '3.1.0',
  info: {
    title: 'Mardom API — API پرتال مردم',
    version: '1.0.0',
    description:
      'API باز پرتال مردم: فهرست دستگاه‌ها و خدمات عمومی. خواندن آزاد است؛ نوشتن با توکن شخصی (Bearer).',
    license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  },
  servers: [{ url: '/api/v1' }],
}

/** RFC 9457 problem document, as every API error is sent. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .record(z.string(), z.string())
      .optional()
      .openapi({ description: 'پیام فارسی برای هر فیلد نامعتبر' }),
  })
  .openapi('Problem')

const PROBLEM_DESCRIPTIONS = {
  401: 'توکن API لازم است یا معتبر نیست',
  403: 'اجازهٔ این کار را ندارید',
  404: 'پیدا نشد',
  409: 'با وضعیت کنونی در تعارض است',
  422: 'داده یا پارامتر نامعتبر',
} as const

type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS

interface ProblemResponse {
  description: string
  content: { 'application/problem+json': { schema: typeof problemSchema } }
}

/** The error responses of an operation, for its OpenAPI description. */
export function problemResponses<S extends ProblemStatus>(
  ...statuses: S[]
): Record<S, ProblemResponse> {
  const out: Partial<Record<S, ProblemResponse>> = {}
  for (const s of statuses) {
    out[s] = {
      description: PROBLEM_DESCRIPTIONS[s],
      content: { 'application/problem+json': { schema: problemSchema } },
    }
  }
  return out as Record<S, ProblemResponse>
}

/** The security requirement of an operation that needs a personal API token. */
export const bearer = [{ bearerAuth: [] }]
