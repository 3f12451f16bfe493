/**
 * The baseline for `bench/run.ts` and the other benches: a bare `node:http` server that answers
 * every request with the same bytes (a page fetched once from the real app).
 *
 * With a fourth argument, a JSON file of header names and values, it sends those headers too
 * (as the app sent them, less Date, Connection, Keep-Alive and the length it sets itself), so
 * the whole response, not only the body, is the app's: the server and the load generator then
 * do the same work per response and only the app's own cost separates the two.
 *
 * Usage: node bench/bare-server.ts <body-file> <content-type> <port> [<headers-json-file>]
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { z } from 'zod'

const [bodyFile, contentType, port, headersFile] = process.argv.slice(2)
if (!bodyFile || !contentType || !port) {
  console.error(
    'Usage: node bench/bare-server.ts <body-file> <content-type> <port> [<headers-json-file>]',
  )
  process.exit(2)
}
const body = readFileSync(bodyFile)
const extra = headersFile
  ? z.record(z.string(), z.string()).parse(JSON.parse(readFileSync(headersFile, 'utf8')))
  : {}
const headers = { ...extra, 'content-type': contentType, 'content-length': body.length }
const server = createServer((_req, res) => {
  res.writeHead(200, headers)
  res.end(body)
})
server.listen(Number(port), '127.0.0.1')
process.once('SIGTERM', () => server.close(() => process.exit(0)))
