import type { Deps } from '../../deps.ts'
import { setLinkChecksOffline } from '../channels/index.ts'

/**
 * The demo's links are invented (my.gov.ir paths and agency sites that do not exist as such),
 * so a demo installation never checks them over the network, not even at the daily run: link
 * checking is put offline for good, and every link gets the stated result «بررسی نشد (حالت
 * آفلاین)» at once (issue 11 item 2). Form files, which are local, are still checked.
 */
export async function loadDemoLinkChecks(deps: Pick<Deps, 'db' | 'clock'>): Promise<void> {
  await setLinkChecksOffline(deps, 'demo')
}
