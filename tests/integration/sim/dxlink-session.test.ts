import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { RawDxlink, rows, sleep } from "./raw-dxlink";

let sim: RunningSimulator;
const clients: RawDxlink[] = [];

async function connect(): Promise<RawDxlink> {
  const c = await RawDxlink.open(sim.dxlinkUrl);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  sim = await startSimulator({ seed: 11, publishIntervalMs: 40 });
  sim.market.setWalk(false);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await sim.stop();
});

describe("DXLink session", () => {
  it("sends SETUP on connect and AUTH_STATE UNAUTHORIZED after the client's SETUP (tastyware/tastytrade#338)", async () => {
    const c = await connect();
    await c.waitFor((f) => f.type === "SETUP");
    expect(c.frames[0]).toMatchObject({ channel: 0, keepaliveTimeout: 60, acceptKeepaliveTimeout: 60 });
    await sleep(80);
    expect(c.frames.map((f) => f.type)).toEqual(["SETUP"]);
    c.setup();
    await c.waitFor((f) => f.type === "AUTH_STATE");
    expect(c.frames[1]).toMatchObject({ type: "AUTH_STATE", state: "UNAUTHORIZED" });
    c.send({ type: "AUTH", channel: 0, token: sim.issueQuoteToken().token });
    const ok = await c.waitFor((f) => f.type === "AUTH_STATE" && f.state === "AUTHORIZED");
    expect(ok.userId).toBeTypeOf("string");
  });

  it("keeps an early AUTH by default and answers it after AUTH_STATE (the real server usually does, fact sheet 2026-12-06)", async () => {
    const c = await connect();
    c.send({ type: "AUTH", channel: 0, token: sim.issueQuoteToken().token });
    c.setup();
    const ok = await c.waitFor((f) => f.type === "AUTH_STATE" && f.state === "AUTHORIZED");
    expect(c.frames.filter((f) => f.type === "AUTH_STATE").map((f) => f.state)).toEqual([
      "UNAUTHORIZED",
      "AUTHORIZED",
    ]);
    expect(ok.userId).toBeTypeOf("string");
    expect(c.frames.some((f) => f.type === "ERROR")).toBe(false);
  });

  it("with the early-AUTH fault on, refuses an AUTH before AUTH_STATE with the ERROR of tastyware/tastytrade#339 and keeps the socket for a later AUTH", async () => {
    sim.faults.earlyAuth("drop");
    try {
      const before = sim.stats().authorizations;
      const c = await connect();
      c.setup();
      c.send({ type: "AUTH", channel: 0, token: sim.issueQuoteToken().token });
      const err = await c.waitFor((f) => f.type === "ERROR");
      expect(err).toMatchObject({
        channel: 0,
        error: "UNAUTHORIZED",
        message: "AuthException: Session not found: api",
      });
      await c.waitFor((f) => f.type === "AUTH_STATE");
      await sleep(150);
      expect(c.frames.filter((f) => f.type === "AUTH_STATE").map((f) => f.state)).toEqual(["UNAUTHORIZED"]);
      expect(sim.stats().authorizations).toBe(before);
      // The order tastytrade support asks for (#338): AUTH after AUTH_STATE still gets in.
      c.send({ type: "AUTH", channel: 0, token: sim.issueQuoteToken().token });
      await c.waitFor((f) => f.type === "AUTH_STATE" && f.state === "AUTHORIZED");
      // The Python SDK's order (AUTH once the server's SETUP is in, before AUTH_STATE) is refused too.
      const py = await connect();
      py.setup();
      await py.waitFor((f) => f.type === "SETUP");
      py.send({ type: "AUTH", channel: 0, token: sim.issueQuoteToken().token });
      await py.waitFor((f) => f.type === "ERROR");
      await sleep(150);
      expect(py.frames.some((f) => f.state === "AUTHORIZED")).toBe(false);
    } finally {
      sim.faults.earlyAuth("accept");
    }
  });

  it("refuses an early AUTH with the given probability", async () => {
    const random = vi.spyOn(Math, "random");
    sim.faults.earlyAuth("drop", 0.5);
    try {
      const outcome = async (draw: number): Promise<string> => {
        random.mockReturnValueOnce(draw);
        const c = await connect();
        c.setup();
        c.send({ type: "AUTH", channel: 0, token: sim.issueQuoteToken().token });
        const f = await c.waitFor((x) => x.type === "ERROR" || x.state === "AUTHORIZED");
        return String(f.type === "ERROR" ? f.message : f.state);
      };
      expect(await outcome(0.49)).toBe("AuthException: Session not found: api");
      expect(await outcome(0.51)).toBe("AUTHORIZED");
    } finally {
      random.mockRestore();
      sim.faults.earlyAuth("accept");
    }
  });

  it("bad input gets the dxLink error type on its channel, then the close: channel traffic before AUTH, an unknown token, a malformed frame", async () => {
    const early = await connect();
    early.send({ type: "CHANNEL_REQUEST", channel: 1, service: "FEED", parameters: { contract: "AUTO" } });
    const err = await early.waitFor((f) => f.type === "ERROR");
    expect(err).toMatchObject({ channel: 0, error: "UNAUTHORIZED" });
    expect((await early.closed).code).toBe(1008);

    const c = await connect();
    c.setup();
    await c.waitFor((f) => f.type === "AUTH_STATE");
    const seen = c.frames.length;
    c.send({ type: "AUTH", channel: 0, token: "not-a-token" });
    await c.waitFor((f) => f.type === "AUTH_STATE" && f.state === "UNAUTHORIZED", 2000, seen);
    const refused = await c.waitFor((f) => f.type === "ERROR", 2000, seen);
    expect(refused).toMatchObject({ channel: 0, error: "UNAUTHORIZED" });
    expect((await c.closed).code).toBe(1008);

    for (const frame of ["{not json", JSON.stringify({ type: 7, channel: 0 })]) {
      const bad = await connect();
      bad.sendText(frame);
      expect(await bad.waitFor((f) => f.type === "ERROR")).toMatchObject({
        channel: 0,
        error: "INVALID_MESSAGE",
      });
      expect((await bad.closed).code).toBe(1008);
    }
  });

  it("an unknown service gets BAD_ACTION and CHANNEL_CLOSED on its own channel; the socket and other channels stay up", async () => {
    const c = await connect();
    await c.authorize(sim.issueQuoteToken().token);
    c.send({ type: "CHANNEL_REQUEST", channel: 5, service: "NEWS", parameters: {} });
    expect(await c.waitFor((f) => f.type === "ERROR")).toMatchObject({ channel: 5, error: "BAD_ACTION" });
    expect(await c.waitFor((f) => f.type === "CHANNEL_CLOSED")).toMatchObject({ channel: 5 });
    await c.openFeed(1);
    c.send({ type: "FEED_SUBSCRIPTION", channel: 1, add: [{ type: "Quote", symbol: "SPX" }] });
    await c.waitFor((f) => f.type === "FEED_DATA");
  });

  it("opens channels with subFormat, answers FEED_SETUP without eventFields, names them before the first data and sends rows in the requested order, with or without eventType", async () => {
    const c = await connect();
    await c.authorize(sim.issueQuoteToken().token);
    c.send({ type: "CHANNEL_REQUEST", channel: 3, service: "FEED", parameters: { contract: "AUTO" } });
    const opened = await c.waitFor((f) => f.type === "CHANNEL_OPENED");
    expect(opened).toMatchObject({
      channel: 3,
      service: "FEED",
      parameters: { contract: "AUTO", subFormat: "LIST" },
    });
    const quoteFields = ["askPrice", "eventSymbol", "bidPrice", "bogusField"];
    const greekFields = ["eventType", "eventSymbol", "delta", "volatility"];
    c.send({
      type: "FEED_SETUP",
      channel: 3,
      acceptAggregationPeriod: 0,
      acceptDataFormat: "COMPACT",
      acceptEventFields: { Quote: quoteFields, Greeks: greekFields },
    });
    // tastytrade "Streaming Market Data" page and tastyware#190: FEED_CONFIG carries no eventFields;
    // rows follow the requested order.
    const config = await c.waitFor((f) => f.type === "FEED_CONFIG");
    expect(config).toMatchObject({ dataFormat: "COMPACT" });
    expect(config).not.toHaveProperty("eventFields");
    const option = firstSpxwPut(sim);
    c.send({
      type: "FEED_SUBSCRIPTION",
      channel: 3,
      add: [
        { type: "Quote", symbol: "SPX" },
        { type: "Greeks", symbol: option },
      ],
    });
    const quote = await c.waitFor((f) => f.type === "FEED_DATA" && (f.data as unknown[])[0] === "Quote");
    // The fields come lazily, before the first COMPACT data of the type, verbatim as requested.
    const named = c.frames.filter((f) => f.type === "FEED_CONFIG" && f.eventFields !== undefined);
    const quoteConfig = named.find((f) => (f.eventFields as Record<string, unknown>).Quote);
    expect((quoteConfig?.eventFields as Record<string, string[]>).Quote).toEqual(quoteFields);
    expect(c.frames.indexOf(quoteConfig as never)).toBeLessThan(c.frames.indexOf(quote));
    const [row] = rows(quote, quoteFields.length);
    expect(row?.[1]).toBe("SPX");
    expect(row?.[0]).toBeGreaterThan(row?.[2] as number);
    expect(row?.[3]).toBe("NaN");
    const greeks = await c.waitFor((f) => f.type === "FEED_DATA" && (f.data as unknown[])[0] === "Greeks");
    const expected = sim.market.optionQuote(option);
    expect(rows(greeks, 4)[0]).toEqual(["Greeks", option, expected?.delta, expected?.iv]);
  });

  it("sends FULL data as objects and handles add/remove/reset in one message", async () => {
    const c = await connect();
    await c.authorize(sim.issueQuoteToken().token);
    await c.openFeed(1, {
      acceptDataFormat: "FULL",
      acceptEventFields: { Quote: ["eventType", "eventSymbol", "bidPrice"] },
    });
    c.send({
      type: "FEED_SUBSCRIPTION",
      channel: 1,
      add: [
        { type: "Quote", symbol: "SPX" },
        { type: "Quote", symbol: "NDX" },
      ],
    });
    await c.waitFor((f) => f.type === "FEED_DATA");
    const full = c.data(1, "Quote").flatMap((f) => f.data as Array<Record<string, unknown>>);
    expect(full.map((e) => e.eventSymbol).sort()).toEqual(["NDX", "SPX"]);
    expect(full[0]).toEqual({
      eventType: "Quote",
      eventSymbol: full[0]?.eventSymbol,
      bidPrice: expect.any(Number),
    });
    expect(sim.stats().subscriptions).toBeGreaterThanOrEqual(2);

    const before = c.frames.length;
    c.send({
      type: "FEED_SUBSCRIPTION",
      channel: 1,
      reset: true,
      remove: [{ type: "Quote", symbol: "SPX" }],
      add: [{ type: "Quote", symbol: "RUT" }],
    });
    const next = await c.waitFor((f) => f.type === "FEED_DATA", 2000, before);
    expect((next.data as Array<Record<string, unknown>>).map((e) => e.eventSymbol)).toEqual(["RUT"]);
    sim.market.move("SPX", 0.01);
    sim.market.move("RUT", 0.01);
    const after = c.frames.length;
    await c.waitFor((f) => f.type === "FEED_DATA", 2000, after);
    await sleep(150);
    const symbols = c.frames
      .slice(after)
      .flatMap((f) =>
        f.type === "FEED_DATA" ? (f.data as Array<Record<string, unknown>>).map((e) => e.eventSymbol) : [],
      );
    expect(new Set(symbols)).toEqual(new Set(["RUT"]));
  });

  it("serves every event type with the default field lists when none were requested", async () => {
    const c = await connect();
    await c.authorize(sim.issueQuoteToken().token);
    await c.openFeed(1);
    const option = firstSpxwPut(sim);
    const subs = [
      ...["Quote", "Trade", "Summary", "Profile", "Underlying"].map((type) => ({ type, symbol: "SPX" })),
      ...["Quote", "Trade", "Summary", "Profile", "Greeks", "TheoPrice"].map((type) => ({
        type,
        symbol: option,
      })),
    ];
    c.send({ type: "FEED_SUBSCRIPTION", channel: 1, add: subs });
    await c.waitFor((f) => f.type === "FEED_DATA" && (f.data as unknown[])[0] === "TheoPrice");
    for (const { type, symbol } of subs) {
      const config = c.frames.find(
        (f) => f.type === "FEED_CONFIG" && (f.eventFields as Record<string, unknown> | undefined)?.[type],
      );
      const fields = (config?.eventFields as Record<string, string[]>)[type] ?? [];
      expect(fields.slice(0, 2)).toEqual(["eventType", "eventSymbol"]);
      const configAt = c.frames.indexOf(config as never);
      const data = c.data(1, type);
      expect(c.frames.indexOf(data[0] as never)).toBeGreaterThan(configAt);
      const row = data.flatMap((f) => rows(f, fields.length)).find((r) => r[1] === symbol);
      expect(row, `${type} ${symbol}`).toBeDefined();
      expect(row?.every((v) => v !== null && v !== undefined)).toBe(true);
      expect((data[0]?.data as [string, unknown[]])[1].length % fields.length).toBe(0);
    }
    c.send({
      type: "FEED_SUBSCRIPTION",
      channel: 1,
      add: [
        { type: "Greeks", symbol: "SPX" },
        { type: "Quote", symbol: "NOPE" },
      ],
    });
    await sleep(120);
    expect(
      c
        .data(1, "Greeks")
        .flatMap((f) => rows(f, 14))
        .some((r) => r[1] === "SPX"),
    ).toBe(false);
  });

  it("sends only changes after the initial value, and nothing when the market is still", async () => {
    const c = await connect();
    await c.authorize(sim.issueQuoteToken().token);
    await c.openFeed(1, { acceptAggregationPeriod: 0 });
    c.send({ type: "FEED_SUBSCRIPTION", channel: 1, add: [{ type: "Quote", symbol: "XSP" }] });
    await c.waitFor((f) => f.type === "FEED_DATA");
    await sleep(200);
    expect(c.data(1, "Quote")).toHaveLength(1);
    sim.market.move("SPX", -0.005);
    await c.waitFor(() => c.data(1, "Quote").length === 2);
  });

  it("closes a channel on CHANNEL_CANCEL and reports bad frames with ERROR", async () => {
    const c = await connect();
    await c.authorize(sim.issueQuoteToken().token);
    await c.openFeed(5);
    c.send({ type: "CHANNEL_CANCEL", channel: 5 });
    await c.waitFor((f) => f.type === "CHANNEL_CLOSED" && f.channel === 5);
    c.sendText("{not json");
    await c.waitFor((f) => f.type === "ERROR" && f.error === "INVALID_MESSAGE");
    c.send({ type: "NO_SUCH_TYPE", channel: 7 });
    await c.waitFor((f) => f.type === "ERROR" && f.error === "BAD_ACTION");
    c.send({ type: "FEED_SUBSCRIPTION", channel: 5, add: [{ type: "Quote", symbol: "SPX" }] });
    await c.waitFor((f) => f.type === "ERROR" && f.channel === 5);
    c.send({ type: "FEED_SETUP", channel: 9, acceptDataFormat: "XML" });
    c.send({ type: "CHANNEL_REQUEST", channel: 9, service: "DOM" });
    await c.waitFor((f) => f.type === "ERROR" && f.channel === 9 && String(f.message).includes("DOM"));
  });
});

describe("DXLink keepalive", () => {
  it("sends KEEPALIVE at half the advertised timeout and ends a silent client with ERROR TIMEOUT", async () => {
    const fast = await startSimulator({ keepaliveTimeoutSeconds: 0.4, publishIntervalMs: 40 });
    try {
      const c = await RawDxlink.open(fast.dxlinkUrl);
      const setup = await c.waitFor((f) => f.type === "SETUP");
      expect(setup.keepaliveTimeout).toBe(0.4);
      await c.waitFor((f) => f.type === "KEEPALIVE", 1000);
      const err = await c.waitFor((f) => f.type === "ERROR", 1500);
      expect(err).toMatchObject({ channel: 0, error: "TIMEOUT" });
      await c.closed;
    } finally {
      await fast.stop();
    }
  });

  it("keeps a client that sends KEEPALIVE", async () => {
    const fast = await startSimulator({ keepaliveTimeoutSeconds: 0.4, publishIntervalMs: 40 });
    try {
      const c = await RawDxlink.open(fast.dxlinkUrl);
      for (let i = 0; i < 6; i++) {
        c.send({ type: "KEEPALIVE", channel: 0 });
        await sleep(120);
      }
      expect(c.frames.some((f) => f.type === "ERROR")).toBe(false);
      expect(fast.stats().openSockets).toBe(1);
      c.close();
    } finally {
      await fast.stop();
    }
  });
});

function firstSpxwPut(s: RunningSimulator): string {
  const spot = s.market.spot("SPX");
  const strike = Math.round(spot / 5) * 5;
  const d = new Date(s.clock.now() + 30 * 86_400_000);
  const friday = new Date(d.getTime() + ((5 - d.getUTCDay() + 7) % 7) * 86_400_000);
  const yymmdd = friday.toISOString().slice(2, 10).replace(/-/g, "");
  return `.SPXW${yymmdd}P${strike}`;
}
