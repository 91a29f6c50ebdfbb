/**
 * Reading a file's bytes from a URL, in a page (`fetch`) or in Node (`file:` URLs through
 * `node:fs/promises`, loaded only when needed so that bundles for the browser never include it).
 */

/** The part of a fetch Response that reading needs. */
export interface BytesResponse {
  readonly ok: boolean;
  readonly status: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A `fetch` function (the global one or a stand-in). */
export type BytesFetch = (url: string) => Promise<BytesResponse>;

/** Reads the bytes at a URL. */
export type ReadBytes = (url: URL) => Promise<Uint8Array>;

/** Node's `fs/promises`, only the part used here. */
interface NodeFs {
  readFile(path: URL): Promise<Uint8Array>;
}

/** Reads a `file:` URL with Node's `fs/promises` (fails outside Node). */
export async function readFileUrl(url: URL): Promise<Uint8Array> {
  // A computed specifier keeps bundlers for the browser from following this import.
  const specifier = ["node", "fs/promises"].join(":");
  const fs = (await import(/* @vite-ignore */ specifier)) as NodeFs;
  return new Uint8Array(await fs.readFile(url));
}

/** Fetches an `http(s):`, `blob:` or `data:` URL; Error naming the URL and the HTTP status. */
export async function fetchBytes(url: URL, fetchFn: BytesFetch = fetch): Promise<Uint8Array> {
  const response = await fetchFn(url.href);
  if (!response.ok) throw new Error(`${url.href}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** `file:` URLs from disk (Node), anything else with `fetch`. */
export function readBytes(url: URL, fetchFn?: BytesFetch): Promise<Uint8Array> {
  return url.protocol === "file:" ? readFileUrl(url) : fetchBytes(url, fetchFn);
}
