import { constants, crc32, createInflate, createInflateRaw } from 'node:zlib'

export type InflateOutcome =
  | { ok: true; size: number; crc32: number }
  /** More than `limit` bytes came out: inflating stopped there. */
  | { ok: false; problem: 'over-limit' }
  | { ok: false; problem: 'corrupt' }

/**
 * Inflates `data` (raw deflate, as in a ZIP entry, or zlib-wrapped, as PDF's FlateDecode)
 * chunk by chunk, handing each chunk to `onChunk` and keeping none: memory stays at one chunk
 * whatever the data claims. Stops as soon as more than `limit` bytes have come out, so a
 * decompression bomb costs at most `limit` bytes of work. Returns the size and CRC-32 of what
 * came out, to compare with what the archive declared.
 */
export async function inflateBounded(
  data: Uint8Array,
  options: { format: 'raw' | 'zlib'; limit: number; onChunk?: (chunk: Buffer) => void },
): Promise<InflateOutcome> {
  const settings = {
    chunkSize: 64 * 1024,
    // A PDF stream may carry bytes after the end of its zlib data (an EOL before endstream).
    ...(options.format === 'zlib' ? { finishFlush: constants.Z_SYNC_FLUSH } : {}),
  }
  const inflater = options.format === 'raw' ? createInflateRaw(settings) : createInflate(settings)
  inflater.end(data)
  let size = 0
  let crc = 0
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > options.limit) {
        inflater.destroy()
        return { ok: false, problem: 'over-limit' }
      }
      crc = crc32(chunk, crc)
      options.onChunk?.(chunk)
    }
  } catch {
    return { ok: false, problem: 'corrupt' }
  }
  return { ok: true, size, crc32: crc }
}
