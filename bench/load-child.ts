/**
 * The load generator as a process of its own, for a benchmark whose server runs inside the
 * benchmark process (bench/reviews.ts): `load()` from bench/support.ts against one URL, the
 * figures printed as one JSON line on stdout.
 *
 * Usage: node bench/load-child.ts <name> <url> <body bytes>
 */
import { load } from './support.ts'

const [name, url, bytes] = process.argv.slice(2)
if (!name || !url || !bytes) {
  console.error('Usage: node bench/load-child.ts <name> <url> <body bytes>')
  process.exit(2)
}
console.log(JSON.stringify(await load(name, url, Number(bytes))))
