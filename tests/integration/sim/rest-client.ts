import { request } from "node:http";
import type { RunningSimulator } from "@stratdeck/sim";

/** A REST answer: status, raw text and the parsed body when it is JSON. */
export interface Answer {
  status: number;
  text: string;
  json: Record<string, unknown>;
}

/**
 * A request over node:http, which (unlike fetch) sends no User-Agent unless told; pass
 * `userAgent: null` to omit it.
 */
export function call(
  sim: RunningSimulator,
  method: "GET" | "POST",
  path: string,
  opts: { token?: string; body?: unknown; userAgent?: string | null; rawBody?: string } = {},
): Promise<Answer> {
  const url = new URL(path, sim.restUrl);
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.userAgent !== null) headers["user-agent"] = opts.userAgent ?? "stratdeck-test/1";
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          json = {};
        }
        resolve({ status: res.statusCode ?? 0, text, json });
      });
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A fresh access token from POST /oauth/token. */
export async function accessToken(sim: RunningSimulator): Promise<string> {
  const r = await call(sim, "POST", "/oauth/token", {
    body: { grant_type: "refresh_token", refresh_token: "rt", client_secret: "cs" },
  });
  return String(r.json.access_token);
}

/** `data.items` of an answer. */
export function items(a: Answer): Array<Record<string, unknown>> {
  return ((a.json.data as { items?: unknown[] } | undefined)?.items ?? []) as Array<Record<string, unknown>>;
}
