import type { MadeUser } from './fixtures.ts'
import type { TestApp, TestClient } from './test-app.ts'

/** A new client of the test app, signed in through the real form as `user`. */
export async function signedIn(t: TestApp, user: MadeUser): Promise<TestClient> {
  const client = t.client()
  await client.signIn(user.username, user.password, user.agencyCode)
  return client
}
