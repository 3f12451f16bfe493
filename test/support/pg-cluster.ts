/**
 * A throwaway PostgreSQL cluster for tests that must stop, restart or kill the server (the
 * shared CI server cannot be restarted under other test files). initdb and pg_ctl come from
 * the Debian packages; the cluster lives in a temporary directory and listens on a free
 * loopback port with its socket in that directory, so it touches nothing else.
 */
import { execFile, execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The newest `/usr/lib/postgresql/<n>/bin` holding initdb and pg_ctl, if any. */
export function findPostgresBin(): string | undefined {
  const base = '/usr/lib/postgresql'
  if (!existsSync(base)) return undefined
  const versions = readdirSync(base)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
  for (const v of versions) {
    const bin = join(base, v, 'bin')
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin
  }
  return undefined
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (typeof address !== 'object' || !address) throw new Error('no free port')
  return address.port
}

export interface PgCluster {
  url: string
  port: number
  /**
   * `pg_ctl stop -m fast` (every connection is terminated, 57P01), then `whileDown` (e.g. until
   * the apps have noticed, so a loaded machine cannot hide the outage), then start again.
   */
  restart(whileDown?: () => Promise<void>): Promise<void>
  /** Stops the server at once and removes its directory; safe to call twice. */
  destroy(): Promise<void>
  /** The server's log, for failure messages. */
  log(): string
}

/**
 * initdb refuses to run as root, so as root the cluster belongs to the `postgres` system
 * user and every pg_ctl call goes through `runuser`; otherwise it runs as the current user.
 */
export async function startPgCluster(bin: string): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'mardom-pg-'))
  const data = join(dir, 'data')
  const logFile = join(dir, 'server.log')
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dir, uid, gid)
  }
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args])
      : run(join(bin, tool), args)
  const port = await freePort()
  const options = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${dir}'`,
    '-c fsync=off',
    '-c max_connections=60',
  ].join(' ')
  let destroyed = false
  const destroy = async () => {
    if (destroyed) return
    destroyed = true
    try {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
    } catch {
      // Not running (start failed, or already stopped).
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await pg(
      'initdb',
      ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8'].concat([
        '--locale=C.UTF-8',
        '--no-sync',
        '--no-instructions',
      ]),
    )
    await pg('pg_ctl', ['-D', data, '-l', logFile, '-o', options, '-w', '-t', '30', 'start'])
  } catch (error) {
    await destroy()
    throw error
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    restart: async (whileDown) => {
      await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop'])
      try {
        await whileDown?.()
      } finally {
        await pg('pg_ctl', ['-D', data, '-l', logFile, '-o', options, '-w', '-t', '30', 'start'])
      }
    },
    destroy,
    log: () => {
      try {
        return readFileSync(logFile, 'utf8')
      } catch {
        return '(no server log)'
      }
    },
  }
}
