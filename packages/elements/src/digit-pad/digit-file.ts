/**
 * Fetches and decodes a convstep digit file: `data/mnist-test-500.bin`, or the same bytes
 * compressed with raw deflate (`.deflate`, what the digit pad fetches by default: static hosts
 * send `.bin` files uncompressed, 392 KB, where the `.deflate` file is 82 KB everywhere).
 */
import { decodeDigits, type DigitSet } from "@convstep/models";

export type { DigitSet };

/** Whether a URL names a raw-deflate digit file (`….deflate`, query and hash aside). */
function isDeflated(url: string): boolean {
  return /\.deflate$/i.test(url.replace(/[?#].*$/, ""));
}

/** Loads the digits at `url`; rejects with a readable Error (HTTP status, bad format). */
export async function loadDigitSet(url: string, signal?: AbortSignal): Promise<DigitSet> {
  const response = await fetch(url, { signal });
  if (!response.ok)
    throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`.trim());
  if (!isDeflated(url) || !response.body) return decodeDigits(await response.arrayBuffer());
  let bytes: ArrayBuffer;
  try {
    const inflated = response.body.pipeThrough(new DecompressionStream("deflate-raw"));
    bytes = await new Response(inflated).arrayBuffer();
  } catch {
    throw new Error(`${url}: not a raw-deflate digit file (it could not be decompressed)`);
  }
  return decodeDigits(bytes);
}
