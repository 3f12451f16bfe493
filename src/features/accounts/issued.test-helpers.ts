import assert from 'node:assert/strict'
import * as cheerio from 'cheerio'
import type { TestClient } from '../../../test/support/test-app.ts'
import { FORM_ONCE_FIELD } from '../../web/form-once.ts'

// Forms that create something carry a one-time token (web/form-once.ts): tests read it from the
// form page as a browser would, and follow the POST's 303 to the page that shows the result.

/** The one-time token of the form (the first one carrying it) on the page at `formPath`. */
export async function onceToken(client: TestClient, formPath: string): Promise<string> {
  const res = await client.get(formPath)
  assert.equal(res.status, 200, `GET ${formPath}`)
  const token = cheerio
    .load(await res.text())(`input[name="${FORM_ONCE_FIELD}"]`)
    .first()
    .val()
  assert.ok(typeof token === 'string' && token.length > 0, `${formPath} has a one-time token`)
  return token
}

/** Posts `fields` with the token of the form shown at `formPath`. */
export async function postOnce(
  client: TestClient,
  formPath: string,
  postPath: string,
  fields: Record<string, string>,
): Promise<Response> {
  const once = await onceToken(client, formPath)
  return client.post(postPath, { ...fields, [FORM_ONCE_FIELD]: once })
}

/** Asserts a 303 that names no secret, and GETs where it leads. */
export async function followSeeOther(client: TestClient, res: Response): Promise<Response> {
  assert.equal(res.status, 303, `a 303 after the POST, not ${res.status}`)
  const location = res.headers.get('location')
  if (!location?.startsWith('/')) assert.fail(`a path to follow, not ${location}`)
  return client.get(location)
}
