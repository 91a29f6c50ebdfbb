/** Fetches and decodes a convstep digit file (`data/mnist-test-500.bin`). */
import { decodeDigits, type DigitSet } from "@convstep/models";

export type { DigitSet };

/** Loads the digits at `url`; rejects with a readable Error (HTTP status, bad format). */
export async function loadDigitSet(url: string, signal?: AbortSignal): Promise<DigitSet> {
  const response = await fetch(url, { signal });
  if (!response.ok)
    throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`.trim());
  return decodeDigits(await response.arrayBuffer());
}
