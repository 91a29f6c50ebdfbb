/** Inflating raw-deflate bytes with the platform's `DecompressionStream` (browsers, workers, Node ≥ 18). */

/** The bytes of a raw-deflate stream (RFC 1951, no zlib or gzip header), inflated. */
export async function inflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
