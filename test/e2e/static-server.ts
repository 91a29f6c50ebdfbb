/** A static file server on 127.0.0.1 (random port) for end-to-end tests, built on sirv. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `dir`; `headers` are added to every response (e.g. a Content-Security-Policy). */
export async function serveStatic(
  dir: string,
  headers: Record<string, string> = {},
): Promise<StaticServer> {
  const serve = sirv(dir, { dev: true, etag: false });
  const server: Server = createServer((req, res) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    serve(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
