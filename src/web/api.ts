import { OpenAPIHono } from '@hono/zod-openapi'
import { ValidationError } from '../lib/errors.ts'
import type { AppEnv } from './env.ts'
import { fieldErrorsOf } from './form.ts'

export type Api = OpenAPIHono<AppEnv>

/**
 * The /api/v1 router. Request validation failures become problem+json 422
 * (through the shared error handler) with one Persian message per field.
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
