import { describe, expect, it } from "vitest";
import { handleApiRequest } from "@stratdeck/core/api";
import { MemoryAlertStore } from "@stratdeck/core/alerts";
import { FakeClock } from "@stratdeck/core/time";
import { FakeMarket, LONG, seed, SHORT, T0 } from "../paper/fake-market";
import { memoryApiDeps, request } from "./api-fixtures";

function withMarket() {
  const clock = new FakeClock(T0);
  const provider = new FakeMarket(clock).spot("SPX", 6050).quote(SHORT, 0.6, 0.7).quote(LONG, 0.35, 0.45);
  return memoryApiDeps({ clock, provider });
}

describe("API routes: results", () => {
  it("GET /positions marks the open positions", async () => {
    const deps = withMarket();
    const id = await seed(deps.orders, 1.45);
    const r = await handleApiRequest(deps, request("GET", "/positions"));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ positions: [{ positionId: id, status: "priced" }], unpriced: 0 });
  });

  it("GET /orders returns recent orders, honouring limit", async () => {
    const deps = withMarket();
    await seed(deps.orders, 1.45);
    const all = await handleApiRequest(deps, request("GET", "/orders"));
    expect(all.status).toBe(200);
    expect((all.body as { orders: unknown[] }).orders).toHaveLength(1);
    const none = await handleApiRequest(deps, request("GET", "/orders", { query: { limit: "1" } }));
    expect((none.body as { orders: unknown[] }).orders.length).toBeLessThanOrEqual(1);
  });

  it("GET /alerts returns recent alerts newest first, honouring limit, and rejects a bad limit", async () => {
    const clock = new FakeClock(T0);
    const alerts = new MemoryAlertStore(clock);
    const deps = memoryApiDeps({ alerts });
    await alerts.claim({ positionId: "pos_a", rule: "profit-target", message: "take profit", details: {} });
    clock.advance(1_000);
    await alerts.claim({ positionId: "pos_b", rule: "dte", message: "21 DTE", details: {} });
    const all = await handleApiRequest(deps, request("GET", "/alerts"));
    expect(all.status).toBe(200);
    expect((all.body as { alerts: Array<{ positionId: string }> }).alerts.map((a) => a.positionId)).toEqual([
      "pos_b",
      "pos_a",
    ]);
    const one = await handleApiRequest(deps, request("GET", "/alerts", { query: { limit: "1" } }));
    expect((one.body as { alerts: unknown[] }).alerts).toHaveLength(1);
    const bad = await handleApiRequest(deps, request("GET", "/alerts", { query: { limit: "0" } }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/limit/);
  });

  it("GET /ideas scans (advisory) and reports what could not be built", async () => {
    const r = await handleApiRequest(
      memoryApiDeps(),
      request("GET", "/ideas", { query: { underlying: "spx" } }),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ideas: [], summary: { considered: expect.any(Number) } });
    expect((r.body as { unbuilt: unknown[] }).unbuilt.length).toBeGreaterThan(0);
  });

  it("GET /health is 503 with every check while the market is open and nothing is healthy", async () => {
    const r = await handleApiRequest(memoryApiDeps(), request("GET", "/health"));
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({
      ok: false,
      checks: { stream: { state: "absent", required: true }, rest: { ok: false } },
    });
  });

  it("POST /positions/{id}/close closes once: 200, then 409; 404 for an unknown id", async () => {
    const deps = withMarket();
    const id = await seed(deps.orders, 1.45);
    const first = await handleApiRequest(deps, request("POST", `/positions/${id}/close`, { body: "{}" }));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: "closed",
      position: { positionId: id, closeReason: "manual" },
    });
    const again = await handleApiRequest(deps, request("POST", `/positions/${id}/close`));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: "already-closed" });
    const unknown = await handleApiRequest(deps, request("POST", "/positions/pos_unknown/close"));
    expect(unknown.status).toBe(404);
  });

  it("POST /positions/{id}/close is 422 with reasons when quotes are missing", async () => {
    const deps = withMarket();
    const id = await seed(deps.orders, 1.45);
    (deps.provider as FakeMarket).drop(LONG);
    const r = await handleApiRequest(
      deps,
      request("POST", `/positions/${id}/close`, { body: '{"reason":"stop"}' }),
    );
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({
      error: "refused",
      reasons: [expect.objectContaining({ code: expect.any(String) })],
    });
  });
});
