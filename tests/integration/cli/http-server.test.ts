import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLog } from "@stratdeck/core/log";
import { startLocalHttpServer } from "../../../packages/cli/src/local/http-server";
import { toLambdaResult } from "../../../packages/functions/src/api/http-event";

describe("local HTTP server limits", () => {
  let server: Awaited<ReturnType<typeof startLocalHttpServer>>;
  let handled = 0;
  beforeAll(async () => {
    server = await startLocalHttpServer({
      port: 0,
      log: silentLog,
      handle: async (req) => {
        handled += 1;
        return { status: 200, body: { size: req.body?.length ?? 0 } };
      },
    });
  });
  afterAll(async () => server.stop());

  it("answers 413 with a JSON error to an oversized body instead of dropping the connection", async () => {
    const r = await fetch(`${server.url}/positions/pos_x/close`, {
      method: "POST",
      body: "x".repeat(100 * 1024),
    });
    expect(r.status).toBe(413);
    expect(await r.json()).toMatchObject({ error: { code: "payload-too-large" } });
    expect(handled).toBe(0);
  });

  it("every response says nosniff and may not be framed; the page's CSP has frame-ancestors 'none'", async () => {
    const responses = [
      await fetch(`${server.url}/`),
      await fetch(`${server.url}/favicon.ico`),
      await fetch(`${server.url}/positions`),
      await fetch(`${server.url}/positions/pos_x/close`, { method: "POST", body: "x".repeat(100 * 1024) }),
    ];
    for (const r of responses) {
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("x-frame-options")).toBe("DENY");
      await r.arrayBuffer();
    }
    expect(responses[0]?.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("still serves a body under the limit", async () => {
    const r = await fetch(`${server.url}/positions/pos_x/close`, { method: "POST", body: "y".repeat(1000) });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ size: 1000 });
  });
});

describe("identical GETs in flight share one answer", () => {
  it("50 concurrent GET /positions run the handler once; a different query or a POST runs its own", async () => {
    let calls = 0;
    const server = await startLocalHttpServer({
      port: 0,
      log: silentLog,
      handle: async (req) => {
        calls += 1;
        // Long enough that all 50 requests arrive while the first is in flight (Node 24's fetch opens
        // its connections over more than 100 ms even on a quiet machine).
        await new Promise((r) => setTimeout(r, 1500));
        return { status: 200, body: { path: req.path, query: req.query } };
      },
    });
    try {
      const many = await Promise.all(
        Array.from({ length: 50 }, () => fetch(`${server.url}/positions`).then((r) => r.json())),
      );
      expect(many.every((b) => JSON.stringify(b) === JSON.stringify(many[0]))).toBe(true);
      expect(calls).toBe(1);
      await Promise.all([fetch(`${server.url}/orders?limit=5`), fetch(`${server.url}/orders?limit=6`)]);
      expect(calls).toBe(3);
      await Promise.all([
        fetch(`${server.url}/positions/p/close`, { method: "POST" }),
        fetch(`${server.url}/positions/p/close`, { method: "POST" }),
      ]);
      expect(calls).toBe(5);
    } finally {
      await server.stop();
    }
  });
});

describe("one time format in every JSON answer", () => {
  const instant = Date.UTC(2026, 11, 4, 15, 0, 0);
  const body = { generatedAt: instant, ageMs: 1500, positions: [{ openedAt: instant, quantity: 2 }] };
  const expected = {
    generatedAt: "2026-12-04T15:00:00.000Z",
    ageMs: 1500,
    positions: [{ openedAt: "2026-12-04T15:00:00.000Z", quantity: 2 }],
  };

  it("the local API writes instants as ISO 8601 with offset; durations stay numbers", async () => {
    const server = await startLocalHttpServer({
      port: 0,
      log: silentLog,
      handle: () => Promise.resolve({ status: 200, body }),
    });
    try {
      expect(await (await fetch(`${server.url}/ideas`)).json()).toEqual(expected);
    } finally {
      await server.stop();
    }
  });

  it("the Lambda API does the same", () => {
    const result = toLambdaResult({ status: 200, headers: {}, body });
    expect(JSON.parse(result.body ?? "")).toEqual(expected);
  });
});
