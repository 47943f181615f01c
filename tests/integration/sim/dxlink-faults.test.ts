import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { FakeClock } from "@stratdeck/core/time";
import { RawDxlink, sleep } from "./raw-dxlink";

let sim: RunningSimulator;
let clock: FakeClock;

beforeEach(async () => {
  clock = new FakeClock("2026-03-10T15:00:00Z");
  sim = await startSimulator({
    clock,
    publishIntervalMs: 30,
    maxSubscriptionFrameBytes: 4096,
    quoteTokenTtlSeconds: 3600,
  });
});
afterEach(async () => {
  await sim.stop();
});

async function subscribed(): Promise<RawDxlink> {
  const c = await RawDxlink.open(sim.dxlinkUrl);
  await c.authorize(sim.issueQuoteToken().token);
  await c.openFeed(1);
  c.send({ type: "FEED_SUBSCRIPTION", channel: 1, add: [{ type: "Quote", symbol: "SPX" }] });
  await c.waitFor((f) => f.type === "FEED_DATA");
  return c;
}

describe("DXLink fault knobs", () => {
  it("closes every socket with 1012 SERVICE_RESTART", async () => {
    const a = await subscribed();
    const b = await subscribed();
    sim.faults.closeAll();
    expect(await a.closed).toEqual({ code: 1012, reason: "SERVICE_RESTART" });
    expect((await b.closed).code).toBe(1012);
    await sleep(20);
    expect(sim.stats().openSockets).toBe(0);
  });

  it("closes with 1009 on an oversized FEED_SUBSCRIPTION", async () => {
    const c = await subscribed();
    const add = Array.from({ length: 300 }, (_, i) => ({
      type: "Quote",
      symbol: `.SPXW260417P${5000 + i * 5}`,
    }));
    c.send({ type: "FEED_SUBSCRIPTION", channel: 1, add });
    expect((await c.closed).code).toBe(1009);
  });

  it("goes silent without closing, then resumes", async () => {
    const c = await subscribed();
    sim.faults.silence(true);
    await sleep(40);
    const n = c.frames.length;
    clock.advance(60_000);
    await sleep(200);
    expect(c.frames.length).toBe(n);
    expect(sim.stats().openSockets).toBe(1);
    sim.faults.silence(false);
    await c.waitFor((f) => f.type === "FEED_DATA", 1000, n);
  });

  it("rejects AUTH with UNAUTHORIZED and closes the socket", async () => {
    sim.faults.rejectAuth(true);
    const c = await RawDxlink.open(sim.dxlinkUrl);
    await c.greet();
    c.send({ type: "AUTH", channel: 0, token: sim.issueQuoteToken().token });
    await c.waitFor((f) => f.type === "AUTH_STATE" && f.state === "UNAUTHORIZED", 1000, 2);
    expect((await c.closed).code).toBe(1008);
    expect(sim.stats().authorizations).toBe(0);
  });

  it("expires quote tokens: live sessions are unauthorized and closed, old tokens refused", async () => {
    const token = sim.issueQuoteToken().token;
    const c = await RawDxlink.open(sim.dxlinkUrl);
    await c.authorize(token);
    sim.faults.expireQuoteTokens();
    await c.waitFor((f) => f.type === "AUTH_STATE" && f.state === "UNAUTHORIZED", 1000, 3);
    expect(await c.waitFor((f) => f.type === "ERROR", 1000, 3)).toMatchObject({ error: "UNAUTHORIZED" });
    expect((await c.closed).code).toBe(1008);
    const again = await RawDxlink.open(sim.dxlinkUrl);
    await again.greet();
    again.send({ type: "AUTH", channel: 0, token });
    await again.waitFor((f) => f.type === "AUTH_STATE" && f.state === "UNAUTHORIZED", 1000, 2);
    const fresh = await RawDxlink.open(sim.dxlinkUrl);
    await fresh.authorize(sim.issueQuoteToken().token);
    fresh.close();
  });

  it("drops a session when its quote token reaches its lifetime on the market clock", async () => {
    const c = await subscribed();
    clock.advance(3600_000);
    const at = c.frames.length;
    await c.waitFor((f) => f.type === "AUTH_STATE" && f.state === "UNAUTHORIZED", 1000, 3);
    // Never silence: the ERROR on channel 0 says why, then the close.
    const err = await c.waitFor((f) => f.type === "ERROR", 1000, at);
    expect(err).toMatchObject({ channel: 0, error: "UNAUTHORIZED", message: "quote token expired" });
    expect((await c.closed).code).toBe(1008);
  });

  it("sends malformed frames of each kind, then normal data continues", async () => {
    const c = await subscribed();
    const n = c.frames.length;
    sim.faults.malformedFrames(4);
    await sleep(30);
    const bad = c.frames.slice(n, n + 4);
    expect(bad[0]?.raw).toBeTypeOf("string");
    expect(bad[1]).toMatchObject({ type: 42, channel: "zero" });
    expect(bad[2]?.type).toBe("FEED_DATA");
    const short = (bad[2]?.data as [string, unknown[]])[1];
    const config = c.frames.find((f) => f.type === "FEED_CONFIG" && f.eventFields) as {
      eventFields: Record<string, string[]>;
    };
    expect(short.length).toBe((config.eventFields.Quote?.length ?? 0) - 1);
    expect(bad[3]?.type).toBe("SIM_UNKNOWN_MESSAGE");
    clock.advance(5_000);
    await c.waitFor((f) => f.type === "FEED_DATA", 1000, n + 4);
  });
});
