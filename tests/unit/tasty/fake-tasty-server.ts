import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as seen by the fake server. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** A handler answers `[status, body]` (body string sent raw, anything else as JSON) or null for 404. */
export type FakeHandler = (req: SeenRequest) => Promise<[number, unknown] | null> | [number, unknown] | null;

/** A tiny loopback HTTP server standing in for tastytrade in unit tests. */
export async function startFakeTasty(handler: FakeHandler): Promise<{
  url: string;
  seen: SeenRequest[];
  stop: () => Promise<void>;
}> {
  const seen: SeenRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const r: SeenRequest = {
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        body,
      };
      seen.push(r);
      void Promise.resolve(handler(r)).then((out) => {
        const [status, payload] = out ?? [404, { error: { code: "not_found", message: "no route" } }];
        res.writeHead(status, { "content-type": "application/json" });
        res.end(typeof payload === "string" ? payload : JSON.stringify(payload));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
