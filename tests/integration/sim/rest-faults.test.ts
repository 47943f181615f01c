import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { accessToken, call, items } from "./rest-client";

let sim: RunningSimulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator();
  token = await accessToken(sim);
});
afterEach(() => sim.faults.clear());
afterAll(async () => {
  await sim.stop();
});

describe("REST fault knobs", () => {
  it("answers 429 in the error envelope for requests touching rate-limited symbols only", async () => {
    sim.faults.rateLimit({ symbols: ["spx"] });
    const chain = await call(sim, "GET", "/option-chains/SPX/nested", { token });
    expect(chain.status).toBe(429);
    expect(chain.json.error).toMatchObject({ code: "too_many_requests" });
    expect((await call(sim, "GET", "/market-data/by-type?index=RUT,SPX", { token })).status).toBe(429);
    const option = encodeURIComponent("SPXW  261218P05800000");
    expect((await call(sim, "GET", `/market-data/by-type?equity-option=${option}`, { token })).status).toBe(
      429,
    );
    expect((await call(sim, "GET", "/market-metrics?symbols[]=SPX", { token })).status).toBe(429);
    expect((await call(sim, "GET", "/option-chains/RUT/nested", { token })).status).toBe(200);
    expect((await call(sim, "GET", "/api-quote-tokens", { token })).status).toBe(200);
  });

  it("answers 429 to every request during a period, then recovers", async () => {
    sim.faults.rateLimit({ forMs: 150 });
    expect((await call(sim, "GET", "/customers/me/accounts", { token })).status).toBe(429);
    expect((await call(sim, "GET", "/api-quote-tokens", { token })).status).toBe(429);
    await new Promise((r) => setTimeout(r, 200));
    expect((await call(sim, "GET", "/customers/me/accounts", { token })).status).toBe(200);
  });

  it("answers 200 with garbage: first not JSON, then JSON of the wrong shape", async () => {
    sim.faults.garbage(true);
    const a = await call(sim, "GET", "/option-chains/SPX/nested", { token });
    expect(a.status).toBe(200);
    expect(() => JSON.parse(a.text) as unknown).toThrow();
    const b = await call(sim, "GET", "/option-chains/SPX/nested", { token });
    expect(b.status).toBe(200);
    expect(Array.isArray((b.json.data as { items?: unknown }).items)).toBe(false);
    sim.faults.garbage(false);
    expect(items(await call(sim, "GET", "/option-chains/SPX/nested", { token }))).toHaveLength(2);
  });

  it("delays every response when slow", async () => {
    sim.faults.slow(150);
    const t0 = performance.now();
    await call(sim, "GET", "/customers/me/accounts", { token });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it("refuses a request without an Authorization header", async () => {
    const r = await call(sim, "GET", "/customers/me/accounts");
    expect(r.status).toBe(401);
    expect(r.json.error).toMatchObject({ code: "unauthorized" });
  });

  it("counts requests", () => {
    expect(sim.stats().requests).toBeGreaterThan(10);
  });
});
