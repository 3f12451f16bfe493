import assert from 'node:assert/strict'
import { CSRF_FIELD } from '../../src/web/csrf.ts'
import { dbSnapshot } from './db-snapshot.ts'
import type { TestApp, TestClient } from './test-app.ts'

/** A form's fields; a name with several values (a checkbox group) takes an array. */
export type Fields = Record<string, string | string[]>

/**
 * The urlencoded body a browser sends for `fields`, repeating a name for each of its values,
 * with the client's CSRF token unless `csrf: false`.
 */
export function formBody(
  client: TestClient,
  fields: Fields,
  options: { csrf?: boolean } = {},
): URLSearchParams {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v)
  if (options.csrf !== false) body.set(CSRF_FIELD, client.csrfToken)
  return body
}

/** Posts a form as a browser does, repeating a name for each value of a checkbox group. */
export function postForm(
  client: TestClient,
  path: string,
  fields: Fields,
  options: { csrf?: boolean } = {},
): Promise<Response> {
  return client.request(path, {
    method: 'POST',
    body: formBody(client, fields, options),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
}

/**
 * Posts a form (anonymously when `client` is null) and asserts that it is answered with
 * `status` and leaves the database as it was (see `dbSnapshot`); returns the answer's text.
 */
export async function refused(
  t: TestApp,
  client: TestClient | null,
  path: string,
  fields: Record<string, string>,
  status: number,
  options: { csrf?: boolean } = {},
): Promise<string> {
  const snapshot = await dbSnapshot(t.deps.db)
  const res = await (client ?? t.client()).post(path, fields, options)
  assert.equal(res.status, status, `${path} → ${res.status}`)
  assert.deepEqual(await dbSnapshot(t.deps.db), snapshot, `${path} changed the database`)
  return res.text()
}
