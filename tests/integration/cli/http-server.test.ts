import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLog } from "@stratdeck/core/log";
import { startLocalHttpServer } from "../../../packages/cli/src/local/http-server";

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
    expect(await r.json()).toMatchObject({ error: "payload-too-large" });
    expect(handled).toBe(0);
  });

  it("still serves a body under the limit", async () => {
    const r = await fetch(`${server.url}/positions/pos_x/close`, { method: "POST", body: "y".repeat(1000) });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ size: 1000 });
  });
});
