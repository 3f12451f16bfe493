/**
 * Issue 11 item 3: one embedded data directory, one process. The lock is the kernel's, so a
 * second process is refused whatever the lock file says about the holder (a dead pid, a pid
 * from another namespace, garbage) and from another PID namespace, as a second container
 * sharing the volume would be; and a holder killed with SIGKILL leaves nothing to clean up.
 */
import assert from 'node:assert/strict'
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { DataDirLockedError, LOCK_FILE_NAME, lockDataDir } from './data-dir-lock.ts'

const lockModule = JSON.stringify(new URL('./data-dir-lock.ts', import.meta.url).href)

function holdScript(dir: string): string {
  return `import { lockDataDir } from ${lockModule}
    lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000)`
}

/** Exits 0 when it got the lock, 3 with the error's name and message when refused. */
function tryScript(dir: string): string {
  return `import { lockDataDir } from ${lockModule}
    try { lockDataDir(${JSON.stringify(dir)}); console.log('ACQUIRED'); process.exit(0) }
    catch (e) { console.log(e.name + ': ' + e.message); process.exit(3) }`
}

const nodeArgs = (script: string) => ['--input-type=module', '-e', script]

async function startHolder(dir: string): Promise<ChildProcess> {
  const holder = spawn(process.execPath, nodeArgs(holdScript(dir)), {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    holder.stdout?.on('data', (d: Buffer) => d.toString().includes('locked') && resolve())
    holder.on('exit', () => reject(new Error('lock holder exited early')))
  })
  return holder
}

/** A second process on the directory; `prefix` runs it through another command (unshare). */
function secondProcess(dir: string, prefix: string[] = []): { status: number | null; out: string } {
  const [command, ...args] = [...prefix, process.execPath, ...nodeArgs(tryScript(dir))]
  const result = spawnSync(command ?? process.execPath, args, { encoding: 'utf8', timeout: 20_000 })
  return { status: result.status, out: `${result.stdout}${result.stderr}` }
}

function assertRefused(second: { status: number | null; out: string }, holder: RegExp) {
  assert.equal(second.status, 3, second.out)
  assert.match(
    second.out,
    /^DataDirLockedError: The embedded database in .+ is already open in another process/,
  )
  assert.match(second.out, holder)
  assert.match(second.out, /set DATABASE_URL/)
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' })
  return Number.parseInt(gone.stdout, 10)
}

describe('the embedded data directory lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mardom-flock-'))
  const lockFile = join(dir, LOCK_FILE_NAME)
  let holder: ChildProcess | undefined

  before(async () => {
    holder = await startHolder(dir)
  })
  after(async () => {
    if (holder && holder.exitCode === null && holder.signalCode === null) {
      const exited = once(holder, 'exit')
      holder.kill('SIGKILL')
      await exited
    }
    rmSync(dir, { recursive: true, force: true })
  })

  it('refuses a second process and names the holder', () => {
    assertRefused(secondProcess(dir), new RegExp(`\\(pid ${holder?.pid}\\)`))
    // And this process too: the lock does not belong to a pid.
    assert.throws(() => lockDataDir(dir), DataDirLockedError)
  })

  it('refuses it even when the lock file says the holder is dead, foreign or nobody', () => {
    const dead = deadPid()
    writeFileSync(lockFile, `pid ${dead}\nhost this-host\n`)
    assertRefused(secondProcess(dir), /\(pid \d+ on host this-host\)/)
    // A pid no process has here (as a holder in another PID namespace would have).
    writeFileSync(lockFile, 'pid 4194304\n')
    assertRefused(secondProcess(dir), /\(pid 4194304\)/)
    writeFileSync(lockFile, 'garbage')
    assertRefused(secondProcess(dir), /\(unknown pid\)/)
  })

  it('refuses a second process started in another PID namespace', (t) => {
    const probe = spawnSync('unshare', ['--pid', '--fork', '--kill-child', 'true'])
    if (probe.status !== 0) {
      t.skip('unshare --pid is not permitted here (needs root or user namespaces)')
      return
    }
    // The holder's pid means nothing in there: the old pid-file lock took the directory over.
    assertRefused(secondProcess(dir, ['unshare', '--pid', '--fork', '--kill-child']), /pid/)
  })

  it('lets a new process start after the holder is killed with SIGKILL, with no cleanup', async () => {
    assert.ok(holder)
    const exited = once(holder, 'exit')
    holder.kill('SIGKILL')
    await exited
    assert.ok(existsSync(lockFile), 'the lock file is still there: nothing was cleaned up')
    const next = secondProcess(dir)
    assert.equal(next.status, 0, next.out)
    assert.match(next.out, /ACQUIRED/)
    // And in this process, released and taken again.
    const release = lockDataDir(dir)
    assert.throws(() => lockDataDir(dir), DataDirLockedError)
    release()
    lockDataDir(dir)()
  })
})
