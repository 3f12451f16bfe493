import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { ACTION_LABELS, ENTITY_LABELS } from './messages.fa.ts'

const SRC = join(import.meta.dirname, '..', '..')

/** The object literal passed to each `recordAudit(` call in the source (tests left out). */
async function auditCalls(): Promise<string[]> {
  const files = (await readdir(SRC, { recursive: true })).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('test-helpers'),
  )
  const calls: string[] = []
  for (const f of files) {
    const text = await readFile(join(SRC, f), 'utf8')
    for (const m of text.matchAll(/recordAudit\([^{]*\{([^}]*)\}/g)) calls.push(m[1] ?? '')
  }
  return calls
}

/** The quoted codes on a `key:` line of an object literal (both sides of a ternary). */
function codesOf(calls: string[], key: string): Set<string> {
  const codes = new Set<string>()
  for (const call of calls)
    for (const line of call.split('\n'))
      if (line.trim().startsWith(`${key}:`))
        for (const q of line.matchAll(/'([^']+)'/g)) codes.add(q[1] ?? '')
  return codes
}

describe('the audit log labels', () => {
  it('name in Persian every entity type and action the source records literally', async () => {
    const calls = await auditCalls()
    assert.ok(calls.length > 20, `found ${calls.length} recordAudit calls`)
    const types = codesOf(calls, 'entityType')
    const actions = codesOf(calls, 'action')
    assert.ok(types.has('form-file') && actions.has('store'), 'the scan reaches ternaries')
    assert.deepEqual(
      [...types].filter((c) => !(c in ENTITY_LABELS)),
      [],
    )
    assert.deepEqual(
      [...actions].filter((c) => !(c in ACTION_LABELS)),
      [],
    )
  })

  it('name the actions recorded through helpers (indicators, office days)', () => {
    for (const code of ['propose', 'edit', 'submit', 'approved', 'rejected', 'changes_requested'])
      assert.ok(code in ACTION_LABELS, code)
    for (const code of ['withdraw', 'new-version', 'add-exception', 'remove-closure'])
      assert.ok(code in ACTION_LABELS, code)
  })
})
