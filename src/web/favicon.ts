import { crc32, deflateSync } from 'node:zlib'

/**
 * The portal's icon: a person (مردم, "people") in white on the header's dark blue, on a 32 × 32
 * grid. One geometry gives both files, so they cannot drift apart: the SVG that pages link
 * (`/assets/favicon.svg`) and the ICO that browsers, bookmarks and crawlers fetch from
 * `/favicon.ico` without asking the page (a 32 px PNG inside an ICO, drawn here).
 */
const SIZE = 32
const CORNER = 6
const BRAND = [0x0f, 0x3b, 0x5f] as const
const HEAD = { cx: 16, cy: 10, r: 5 }
/** The shoulders: the upper half of a circle standing on the line y = BODY.cy. */
const BODY = { cx: 16, cy: 27, r: 10 }

export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}"><rect width="${SIZE}" height="${SIZE}" rx="${CORNER}" fill="#${BRAND.map((c) => c.toString(16).padStart(2, '0')).join('')}"/><circle cx="${HEAD.cx}" cy="${HEAD.cy}" r="${HEAD.r}" fill="#fff"/><path d="M${BODY.cx - BODY.r} ${BODY.cy}a${BODY.r} ${BODY.r} 0 0 1 ${2 * BODY.r} 0z" fill="#fff"/></svg>\n`

function inTile(x: number, y: number): boolean {
  // The rounded square: inside unless in a corner beyond its quarter circle.
  const dx = Math.max(CORNER - x, x - (SIZE - CORNER), 0)
  const dy = Math.max(CORNER - y, y - (SIZE - CORNER), 0)
  return dx * dx + dy * dy <= CORNER * CORNER
}

function inFigure(x: number, y: number): boolean {
  const head = (x - HEAD.cx) ** 2 + (y - HEAD.cy) ** 2 <= HEAD.r ** 2
  const body = y <= BODY.cy && (x - BODY.cx) ** 2 + (y - BODY.cy) ** 2 <= BODY.r ** 2
  return head || body
}

/** RGBA pixels, each the average of 4 × 4 samples so the edges are smooth. */
function pixels(): Uint8Array {
  const out = new Uint8Array(SIZE * SIZE * 4)
  const n = 4
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let tile = 0
      let white = 0
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = px + (sx + 0.5) / n
          const y = py + (sy + 0.5) / n
          if (!inTile(x, y)) continue
          tile += 1
          if (inFigure(x, y)) white += 1
        }
      }
      const i = (py * SIZE + px) * 4
      const w = tile === 0 ? 0 : white / tile
      for (let c = 0; c < 3; c++) out[i + c] = Math.round((BRAND[c] ?? 0) * (1 - w) + 255 * w)
      out[i + 3] = Math.round((255 * tile) / (n * n))
    }
  }
  return out
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

function png(rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr.set([8, 6, 0, 0, 0], 8) // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let y = 0; y < SIZE; y++) {
    rows[y * (SIZE * 4 + 1)] = 0 // filter: none
    rows.set(rgba.subarray(y * SIZE * 4, (y + 1) * SIZE * 4), y * (SIZE * 4 + 1) + 1)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array(0)),
  ])
}

/** `/favicon.ico`: an ICO directory with one 32 × 32 PNG image (allowed since Windows Vista). */
export function faviconIco(): Buffer {
  const image = png(pixels())
  const dir = Buffer.alloc(6 + 16)
  dir.writeUInt16LE(0, 0) // reserved
  dir.writeUInt16LE(1, 2) // type: icon
  dir.writeUInt16LE(1, 4) // one image
  dir.writeUInt8(SIZE, 6)
  dir.writeUInt8(SIZE, 7)
  dir.writeUInt8(0, 8) // no palette
  dir.writeUInt8(0, 9)
  dir.writeUInt16LE(1, 10) // colour planes
  dir.writeUInt16LE(32, 12) // bits per pixel
  dir.writeUInt32LE(image.length, 14)
  dir.writeUInt32LE(dir.length, 18) // the image follows the directory
  return Buffer.concat([dir, image])
}
