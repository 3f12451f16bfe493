import assert from 'node:assert/strict'
import { type Fields, postForm } from '../../../test/support/forms.ts'
import { checkedPage } from '../../../test/support/pages.ts'
import type { TestClient } from '../../../test/support/test-app.ts'
import { FORM_ONCE_FIELD } from '../../web/form-once.ts'
import type { ListSection } from '../services/index.ts'

// The catalogue's creating forms carry a one-time token (staff.once.ts): tests read it from the
// form as a browser would, so a test that sends the same body twice sends the same token.

/** The one-time token of the form posting to `action` on the page at `pagePath`. */
export async function onceTokenOf(
  client: TestClient,
  pagePath: string,
  action: string,
): Promise<string> {
  const $ = await checkedPage(await client.get(pagePath))
  const token = $(`form[action="${action}"] input[name="${FORM_ONCE_FIELD}"]`).val()
  assert.ok(typeof token === 'string' && token.length === 43, `${pagePath} has a one-time token`)
  return token
}

/** The new-service form's fields with a token from the form page. */
export async function newServiceFields(client: TestClient, fields: Fields): Promise<Fields> {
  const token = await onceTokenOf(client, '/admin/services/new', '/admin/services/new')
  return { ...fields, [FORM_ONCE_FIELD]: token }
}

/** Posts the new-service form as a browser does after opening it. */
export async function postNewService(client: TestClient, fields: Fields): Promise<Response> {
  return postForm(client, '/admin/services/new', await newServiceFields(client, fields))
}

/** A list section's add form's fields with a token from the list page. */
export async function addItemFields(
  client: TestClient,
  serviceId: string,
  list: ListSection,
  fields: Fields,
): Promise<Fields> {
  const path = `/admin/services/${serviceId}/edit/${list}`
  return { ...fields, [FORM_ONCE_FIELD]: await onceTokenOf(client, path, path) }
}

/** Posts a list section's add form as a browser does after opening the list. */
export async function postAddItem(
  client: TestClient,
  serviceId: string,
  list: ListSection,
  fields: Fields,
): Promise<Response> {
  const path = `/admin/services/${serviceId}/edit/${list}`
  return postForm(client, path, await addItemFields(client, serviceId, list, fields))
}
