/**
 * The baseline for `bench/run.ts`: a bare `node:http` server that answers every
 * request with the same bytes (a page fetched once from the real app).
 *
 * Usage: node bench/bare-server.ts <body-file> <content-type> <port>
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

const [bodyFile, contentType, port] = process.argv.slice(2)
if (!bodyFile || !contentType || !port) {
  console.error('Usage: node bench/bare-server.ts <body-file> <content-type> <port>')
  process.exit(2)
}
const body = readFileSync(bodyFile)
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': contentType, 'content-length': body.length })
  res.end(body)
})
server.listen(Number(port), '127.0.0.1')
process.once('SIGTERM', () => server.close(() => process.exit(0)))
