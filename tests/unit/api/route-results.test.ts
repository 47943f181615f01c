import { describe, expect, it } from "vitest";
import { handleApiRequest } from "@stratdeck/core/api";
import { MemoryAlertStore } from "@stratdeck/core/alerts";
import { FakeClock } from "@stratdeck/core/time";
import { FakeMarket, LONG, seed, SHORT, T0 } from "../ledger/fake-market";
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

  it("GET /ideas reads the stored report (404 before the first scan); POST /ideas/rescan scans, stores and is rate-limited", async () => {
    const deps = memoryApiDeps();
    const none = await handleApiRequest(deps, request("GET", "/ideas"));
    expect(none.status).toBe(404);
    expect(none.body).toMatchObject({ error: { code: "no-report" } });

    const scanned = await handleApiRequest(deps, request("POST", "/ideas/rescan"));
    expect(scanned.status).toBe(200);
    const report = scanned.body as { generatedAt: number; unbuilt: Array<{ underlying: string }> };
    expect(report.unbuilt.length).toBeGreaterThan(0);

    const again = await handleApiRequest(deps, request("POST", "/ideas/rescan"));
    expect(again.status).toBe(429);
    expect(again.body).toMatchObject({ error: { code: "rate-limited", retryAfterSeconds: 60 } });

    (deps.clock as FakeClock).advance(30_000);
    const read = await handleApiRequest(deps, request("GET", "/ideas", { query: { underlying: "spx" } }));
    expect(read.status).toBe(200);
    const body = read.body as { ageMs: number; generatedAt: number; unbuilt: Array<{ underlying: string }> };
    expect(body.ageMs).toBe(30_000);
    expect(body.generatedAt).toBe(report.generatedAt);
    expect(body.unbuilt.length).toBeGreaterThan(0);
    expect(body.unbuilt.every((u) => u.underlying === "SPX")).toBe(true);

    (deps.clock as FakeClock).advance(31_000);
    expect((await handleApiRequest(deps, request("POST", "/ideas/rescan"))).status).toBe(200);
  });

  it("GET /health reads the status store only: 503 with what is missing or failed while the market is open", async () => {
    let probed = 0;
    const deps = memoryApiDeps({
      probe: async () => {
        probed += 1;
        return { ok: false, error: "must not be called" };
      },
    });
    const empty = await handleApiRequest(deps, request("GET", "/health"));
    expect(empty.status).toBe(503);
    expect(empty.body).toMatchObject({ ok: false, problems: ["no stream heartbeat"], lastCheck: null });

    await deps.status.beat("stream", { state: "running", healthy: true });
    await deps.status.beat("job:exits", {
      job: "exits",
      slot: "2026-11-25T09:55",
      ok: false,
      durationMs: 5,
      error: "boom",
    });
    const failed = await handleApiRequest(deps, request("GET", "/health"));
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({
      stream: { ok: true, ageMs: 0 },
      jobs: { exits: { ok: false }, ideas: { ok: null, ageMs: null } },
      problems: ["job exits failed at 2026-11-25T09:55: boom"],
    });

    await deps.status.beat("job:exits", { job: "exits", slot: "2026-11-25T10:00", ok: true, durationMs: 5 });
    // A failed settlement after the close counts as much as a failed exits run.
    await deps.status.beat("job:settle", {
      job: "settle",
      slot: "2026-11-25T16:05",
      ok: false,
      durationMs: 9,
      error: "no close print",
    });
    const settleFailed = await handleApiRequest(deps, request("GET", "/health"));
    expect(settleFailed.status).toBe(503);
    expect(settleFailed.body).toMatchObject({
      jobs: { exits: { ok: true }, settle: { ok: false }, reconcile: { ok: null } },
      problems: ["job settle failed at 2026-11-25T16:05: no close print"],
    });
    await deps.status.beat("job:settle", {
      job: "settle",
      slot: "2026-11-25T16:10",
      ok: true,
      durationMs: 9,
    });
    (deps.clock as FakeClock).advance(200_000);
    const stale = await handleApiRequest(deps, request("GET", "/health"));
    expect(stale.body).toMatchObject({ problems: ["stream heartbeat 200 s old (running)"] });

    await deps.status.beat("stream", { state: "running", healthy: true });
    const ok = await handleApiRequest(deps, request("GET", "/health"));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, problems: [] });
    expect(probed).toBe(0);
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
    expect(again.body).toMatchObject({ error: { code: "already-closed" } });
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
      error: { code: "refused", reasons: [expect.objectContaining({ code: expect.any(String) })] },
    });
  });
});
