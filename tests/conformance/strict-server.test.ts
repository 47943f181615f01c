import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLog } from "@stratdeck/core/log";
import { FakeClock, scaledClock, systemClock } from "@stratdeck/core/time";
import { SIM_ACCOUNT_NUMBER, startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { TASTY_API_VERSION, TastyRestClient, USER_AGENT } from "@stratdeck/core/tasty";
import { RawDxlink, rows } from "../integration/sim/raw-dxlink";
import { call, accessToken } from "../integration/sim/rest-client";
import { expectProbeQuotesSpx } from "./helpers";

/**
 * The simulator in its default (strict) mode behaves as tastytrade does on each point below, and
 * our clients cope. Each test names its source: tastyware/tastytrade issues and models (S6),
 * tastytrade's developer pages (S4/S5), the dxLink AsyncAPI specification (S2), the official JS
 * SDK @tastytrade/api (S7).
 */
let sim: RunningSimulator;
let token: string;
const sockets: RawDxlink[] = [];

/** A Tuesday, 11:00 New York: orders work (the NYSE session), the clock keeps running. */
const SESSION_TIME = Date.parse("2026-03-10T15:00:00Z");

beforeAll(async () => {
  sim = await startSimulator({
    seed: 21,
    publishIntervalMs: 40,
    clock: scaledClock(systemClock, 1, SESSION_TIME),
  });
  token = await accessToken(sim);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await sim.stop();
});

async function open(): Promise<RawDxlink> {
  const c = await RawDxlink.open(sim.dxlinkUrl);
  sockets.push(c);
  return c;
}

function restClient(headers?: Array<Record<string, string>>): TastyRestClient {
  const spy: typeof fetch = (input, init) => {
    headers?.push({ ...(init?.headers as Record<string, string>) });
    return fetch(input, init);
  };
  return new TastyRestClient({
    tasty: { clientSecret: "s", refreshToken: "r", isTest: false, apiUrl: sim.restUrl },
    clock: sim.clock,
    log: silentLog,
    fetch: spy,
  });
}

describe("DXLink, strict like tastytrade", () => {
  it("tastyware/tastytrade#339: with the early-AUTH fault on, an AUTH sent before AUTH_STATE gets the ERROR; our client waits (#338) and streams", async () => {
    sim.faults.earlyAuth("drop");
    const early = await open();
    early.setup();
    early.send({ type: "AUTH", channel: 0, token: sim.issueQuoteToken().token });
    expect(await early.waitFor((f) => f.type === "ERROR")).toMatchObject({
      error: "UNAUTHORIZED",
      message: "AuthException: Session not found: api",
    });
    await early.waitFor((f) => f.type === "AUTH_STATE");
    await new Promise((r) => setTimeout(r, 150));
    expect(early.frames.some((f) => f.state === "AUTHORIZED")).toBe(false);

    const before = sim.stats().authorizations;
    await expectProbeQuotesSpx(sim);
    expect(sim.stats().authorizations).toBe(before + 1);
    sim.faults.earlyAuth("accept");
  });

  it("tastytrade Streaming Market Data page / tastyware#190: FEED_CONFIG has no eventFields, rows follow the requested order", async () => {
    const c = await open();
    await c.authorize(sim.issueQuoteToken().token);
    const fields = ["eventSymbol", "askPrice", "bidPrice"];
    await c.openFeed(1, { acceptDataFormat: "COMPACT", acceptEventFields: { Quote: fields } });
    const config = c.frames.find((f) => f.type === "FEED_CONFIG");
    expect(config).not.toHaveProperty("eventFields");
    c.send({ type: "FEED_SUBSCRIPTION", channel: 1, add: [{ type: "Quote", symbol: "SPX" }] });
    const data = await c.waitFor((f) => f.type === "FEED_DATA");
    const [row] = rows(data, fields.length);
    expect(row?.[0]).toBe("SPX");
    expect(row?.[1] as number).toBeGreaterThan(row?.[2] as number);
  });

  it("tastyware/tastytrade#343 and #346: a channel switches to FULL mid-session and data keeps coming as objects", async () => {
    const c = await open();
    await c.authorize(sim.issueQuoteToken().token);
    await c.openFeed(1, {
      acceptDataFormat: "COMPACT",
      acceptEventFields: { Quote: ["eventSymbol", "bidPrice"] },
    });
    c.send({ type: "FEED_SUBSCRIPTION", channel: 1, add: [{ type: "Quote", symbol: "RUT" }] });
    await c.waitFor((f) => f.type === "FEED_DATA");
    const seen = c.frames.length;
    sim.faults.switchToFull();
    const config = await c.waitFor((f) => f.type === "FEED_CONFIG", 2000, seen);
    expect(config.dataFormat).toBe("FULL");
    sim.market.move("RUT", 0.01);
    const full = await c.waitFor((f) => f.type === "FEED_DATA", 3000, seen);
    const [event] = full.data as Array<Record<string, unknown>>;
    expect(event).toMatchObject({ eventType: "Quote", eventSymbol: "RUT" });
    expect(event?.bidPrice).toBeTypeOf("number");
  });

  it("dxLink AsyncAPI spec (dxFeed/dxLink asyncapi.yml, Candle): the field is VWAP; lower-case vwap is unknown (NaN)", async () => {
    const c = await open();
    await c.authorize(sim.issueQuoteToken().token);
    const fields = ["eventSymbol", "VWAP", "vwap", "close"];
    await c.openFeed(1, { acceptDataFormat: "COMPACT", acceptEventFields: { Candle: fields } });
    c.send({
      type: "FEED_SUBSCRIPTION",
      channel: 1,
      add: [{ type: "Candle", symbol: "SPX{=5m}", fromTime: sim.clock.now() - 3_600_000 }],
    });
    const data = await c.waitFor((f) => f.type === "FEED_DATA");
    const [row] = rows(data, fields.length);
    expect(row?.[1]).toBeTypeOf("number");
    expect(row?.[2]).toBe("NaN");
  });
});

describe("REST, strict like tastytrade", () => {
  it("tastytrade API docs (/api-quote-tokens needs a Bearer token): no Authorization header is a 401", async () => {
    const r = await call(sim, "GET", "/api-quote-tokens");
    expect(r.status).toBe(401);
    expect((r.json.error as { code: string }).code).toBe("unauthorized");
    expect((await call(sim, "GET", "/api-quote-tokens", { token })).status).toBe(200);
  });

  it("tastytrade docs (User-Agent <product>/<version> mandatory, malformed -> 401); RFC 9110 product tokens", async () => {
    for (const ua of ["(bot)", "/1.0", "stratdeck/"]) {
      const r = await call(sim, "GET", "/option-chains/SPX/nested", { token, userAgent: ua });
      expect({ ua, status: r.status }).toEqual({ ua, status: 401 });
    }
    // The official JS SDK's bare product (S7) and ours pass.
    for (const ua of ["tastytrade-sdk-js", USER_AGENT]) {
      expect((await call(sim, "GET", "/option-chains/SPX/nested", { token, userAgent: ua })).status).toBe(
        200,
      );
    }
  });

  it("tastyware order.py NewOrder: price goes with price-effect; a price without it is a 400 naming the field", async () => {
    const r = await call(sim, "POST", `/accounts/${SIM_ACCOUNT_NUMBER}/orders/dry-run`, {
      token,
      body: {
        "time-in-force": "Day",
        "order-type": "Limit",
        price: "1.00",
        legs: [
          {
            "instrument-type": "Equity Option",
            symbol: "SPXW  270115P05000000",
            quantity: 1,
            action: "Sell to Open",
          },
        ],
      },
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json.error)).toContain("price-effect");
  });

  it("@tastytrade/api (Accept-Version must match /^\\d{8}$/): our client pins Accept-Version, a malformed one is refused", async () => {
    const headers: Array<Record<string, string>> = [];
    await restClient(headers).getAccounts();
    expect(headers.length).toBeGreaterThan(0);
    expect(headers.every((h) => h["Accept-Version"] === TASTY_API_VERSION)).toBe(true);
    const bad = await fetch(`${sim.restUrl}/customers/me/accounts`, {
      headers: { authorization: `Bearer ${token}`, "user-agent": USER_AGENT, "accept-version": "v2" },
    });
    expect(bad.status).toBe(400);
  });

  it("tastytrade doc examples of /api-quote-tokens carry no expires-at: our client assumes 24 h", async () => {
    const bare = await startSimulator({ seed: 2, quoteTokenWithoutExpiry: true });
    try {
      const rest = new TastyRestClient({
        tasty: { clientSecret: "s", refreshToken: "r", isTest: false, apiUrl: bare.restUrl },
        clock: bare.clock,
        log: silentLog,
      });
      const raw = await call(bare, "GET", "/api-quote-tokens", { token: await accessToken(bare) });
      expect(raw.json.data).not.toHaveProperty("expires-at");
      const before = bare.clock.now();
      const grant = await rest.getQuoteToken();
      expect(grant.expiresAt - before).toBeGreaterThanOrEqual(86_400_000 - 1000);
      expect(grant.expiresAt - before).toBeLessThanOrEqual(86_400_000 + 5000);
    } finally {
      await bare.stop();
    }
  });

  it('tastyware market_data.py (Optional[Decimal] fields): market data never sends the string "NaN"', async () => {
    const chain = await restClient().getNestedChain("SPX");
    const occ = chain.roots.flatMap((r) =>
      r.expirations.slice(0, 2).flatMap((e) => e.strikes.slice(0, 20).map((s) => s.putOcc)),
    );
    const q = `/market-data/by-type?index=SPX,RUT&equity-option=${occ.map(encodeURIComponent).join(",")}`;
    const r = await call(sim, "GET", q, { token });
    expect(r.status).toBe(200);
    expect(r.text).not.toContain('"NaN"');
    const items = (r.json.data as { items: Array<Record<string, unknown>> }).items;
    for (const item of items)
      for (const [k, v] of Object.entries(item))
        if (["bid", "ask", "mid", "mark", "open", "close", "prev-close"].includes(k))
          expect(v === null || (typeof v === "string" && Number.isFinite(Number(v)))).toBe(true);
  });

  it("tastyware order.py PlacedOrder / PlacedOrderResponse: every required field of a dry-run reply is present", async () => {
    const chain = await restClient().getNestedChain("SPX");
    const exp = chain.roots.find((r) => r.root === "SPXW")!.expirations.find((e) => e.dte >= 7)!;
    const mid = Math.floor(exp.strikes.length / 2);
    const r = await call(sim, "POST", `/accounts/${SIM_ACCOUNT_NUMBER}/orders/dry-run`, {
      token,
      body: {
        "time-in-force": "Day",
        "order-type": "Limit",
        price: "1.00",
        "price-effect": "Credit",
        legs: [
          {
            "instrument-type": "Equity Option",
            symbol: exp.strikes[mid]!.putOcc,
            quantity: 1,
            action: "Sell to Open",
          },
          {
            "instrument-type": "Equity Option",
            symbol: exp.strikes[mid - 2]!.putOcc,
            quantity: 1,
            action: "Buy to Open",
          },
        ],
      },
    });
    expect(r.status).toBe(201);
    const data = r.json.data as Record<string, Record<string, unknown>>;
    const order = data.order!;
    for (const k of [
      "account-number",
      "time-in-force",
      "order-type",
      "underlying-symbol",
      "underlying-instrument-type",
      "status",
      "cancellable",
      "editable",
      "edited",
      "updated-at",
      "legs",
    ])
      expect(order, k).toHaveProperty(k);
    expect(order).not.toHaveProperty("id");
    expect(Number.isFinite(Date.parse(String(order["updated-at"])))).toBe(true);
    for (const k of [
      "change-in-margin-requirement",
      "change-in-buying-power",
      "current-buying-power",
      "new-buying-power",
      "isolated-order-margin-requirement",
      "is-spread",
      "impact",
      "effect",
    ])
      expect(data["buying-power-effect"], k).toHaveProperty(k);
    for (const k of [
      "regulatory-fees",
      "clearing-fees",
      "commission",
      "proprietary-index-option-fees",
      "total-fees",
    ])
      expect(data["fee-calculation"], k).toHaveProperty(k);
    expect(Array.isArray(data.warnings)).toBe(true);
  });

  it("tastyware order.py PlacedOrder/FillInfo and account.py CurrentPosition: a placed, filled order and the positions it leaves carry every required field", async () => {
    sim.market.setWalk(false);
    try {
      const chain = await restClient().getNestedChain("SPX");
      const exp = chain.roots.find((r) => r.root === "SPXW")!.expirations.find((e) => e.dte >= 7)!;
      const strike = exp.strikes[Math.floor(exp.strikes.length / 2)]!;
      const q = sim.market.optionQuote(strike.putStreamer)!;
      const placed = await call(sim, "POST", `/accounts/${SIM_ACCOUNT_NUMBER}/orders`, {
        token,
        body: {
          "time-in-force": "Day",
          "order-type": "Limit",
          price: q.ask.toFixed(2),
          "price-effect": "Debit",
          legs: [
            { "instrument-type": "Equity Option", symbol: strike.putOcc, quantity: 1, action: "Buy to Open" },
          ],
        },
      });
      expect(placed.status).toBe(201);
      const id = (placed.json.data as { order: { id: number } }).order.id;
      expect(Number.isInteger(id)).toBe(true);
      const got = await call(sim, "GET", `/accounts/${SIM_ACCOUNT_NUMBER}/orders/${id}`, { token });
      const order = got.json.data as Record<string, unknown> & {
        legs: Array<{ fills: Array<Record<string, unknown>> }>;
      };
      expect(order.status).toBe("Filled");
      for (const k of [
        "id",
        "received-at",
        "updated-at",
        "terminal-at",
        "account-number",
        "underlying-symbol",
      ])
        expect(order, k).toHaveProperty(k);
      const fill = order.legs[0]!.fills[0]!;
      for (const k of ["fill-id", "quantity", "fill-price", "filled-at"]) expect(fill, k).toHaveProperty(k);
      const positions = await call(sim, "GET", `/accounts/${SIM_ACCOUNT_NUMBER}/positions`, { token });
      const [p] = (positions.json.data as { items: Array<Record<string, unknown>> }).items;
      for (const k of [
        "account-number",
        "symbol",
        "instrument-type",
        "underlying-symbol",
        "quantity",
        "quantity-direction",
        "close-price",
        "average-open-price",
        "multiplier",
        "cost-effect",
        "is-suppressed",
        "is-frozen",
        "realized-day-gain",
        "realized-today",
        "created-at",
        "updated-at",
      ])
        expect(p, k).toHaveProperty(k);
      expect(p).toMatchObject({ symbol: strike.putOcc, "quantity-direction": "Long", quantity: "1.0" });
    } finally {
      sim.market.setWalk(true);
    }
  });

  it("issue 23: prices off the chain's tick-sizes, a zero price and an unpadded OCC symbol are refused, in a dry run too", async () => {
    const chain = await restClient().getNestedChain("SPX");
    const exp = chain.roots.find((r) => r.root === "SPXW")!.expirations.find((e) => e.dte >= 7)!;
    const mid = Math.floor(exp.strikes.length / 2);
    const spread = (price: string, short = exp.strikes[mid]!.putOcc) => ({
      "time-in-force": "Day",
      "order-type": "Limit",
      price,
      "price-effect": "Credit",
      legs: [
        { "instrument-type": "Equity Option", symbol: short, quantity: 1, action: "Sell to Open" },
        {
          "instrument-type": "Equity Option",
          symbol: exp.strikes[mid - 2]!.putOcc,
          quantity: 1,
          action: "Buy to Open",
        },
      ],
    });
    const dryRun = (body: unknown) =>
      call(sim, "POST", `/accounts/${SIM_ACCOUNT_NUMBER}/orders/dry-run`, { token, body });
    // SPXW tick-sizes: 0.05 below 3.00, 0.10 from 3.00 (the nested chain serves them).
    for (const price of ["1.03", "3.15", "2.99", "3.05"]) {
      const r = await dryRun(spread(price));
      expect({ price, status: r.status }).toEqual({ price, status: 422 });
      expect(JSON.stringify(r.json.error)).toContain("tick size");
    }
    for (const price of ["1.05", "2.95", "3.00", "3.10"])
      expect({ price, status: (await dryRun(spread(price))).status }).toEqual({ price, status: 201 });
    const zero = await dryRun(spread("0.00"));
    expect(zero.status).toBe(422);
    expect(JSON.stringify(zero.json.error)).toContain("greater than 0");
    const unpadded = exp.strikes[mid]!.putOcc.replace(/ /g, "");
    const bad = await dryRun(spread("1.05", unpadded));
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json.error)).toContain("legs.0.symbol");
  });

  it("OAuth access tokens go with Bearer: a raw token is 401, and chains and market data need a token too", async () => {
    const raw = await fetch(`${sim.restUrl}/customers/me/accounts`, {
      headers: { authorization: token, "user-agent": USER_AGENT },
    });
    expect(raw.status).toBe(401);
    for (const path of [
      "/option-chains/SPX/nested",
      "/option-chains/SPX",
      "/option-chains/SPX/compact",
      "/market-data/by-type?index=SPX",
      "/market-metrics?symbols=SPX",
      `/accounts/${SIM_ACCOUNT_NUMBER}/balances`,
    ]) {
      const r = await call(sim, "GET", path);
      expect({ path, status: r.status }).toEqual({ path, status: 401 });
      expect((await call(sim, "GET", path, { token })).status).toBe(200);
    }
  });

  it("tasty-go fixtures (tif_next_valid_sesssion): a Day order on a Saturday waits for Monday's session with the warning, then works", async () => {
    const clock = new FakeClock("2026-03-14T16:00:00Z");
    const weekend = await startSimulator({ seed: 4, clock });
    try {
      weekend.market.setWalk(false);
      const at = await accessToken(weekend);
      const rest = new TastyRestClient({
        tasty: { clientSecret: "s", refreshToken: "r", isTest: false, apiUrl: weekend.restUrl },
        clock,
        log: silentLog,
      });
      const exp = (await rest.getNestedChain("SPX")).roots
        .find((r) => r.root === "SPXW")!
        .expirations.find((e) => e.dte >= 7)!;
      const strike = exp.strikes[Math.floor(exp.strikes.length / 2)]!;
      const q = weekend.market.optionQuote(strike.putStreamer)!;
      const placed = await call(weekend, "POST", `/accounts/${SIM_ACCOUNT_NUMBER}/orders`, {
        token: at,
        body: {
          "time-in-force": "Day",
          "order-type": "Limit",
          price: (q.ask + 1).toFixed(1),
          "price-effect": "Debit",
          legs: [
            { "instrument-type": "Equity Option", symbol: strike.putOcc, quantity: 1, action: "Buy to Open" },
          ],
        },
      });
      expect(placed.status).toBe(201);
      const data = placed.json.data as { order: { id: number }; warnings: unknown[] };
      expect(data.warnings).toEqual([
        {
          code: "tif_next_valid_sesssion",
          message: "Your order will begin working during next valid session.",
        },
      ]);
      const path = `/accounts/${SIM_ACCOUNT_NUMBER}/orders/${data.order.id}`;
      clock.advance(3_600_000);
      const later = await call(weekend, "GET", path, { token: await accessToken(weekend) });
      expect((later.json.data as { status: string }).status).toBe("Received");
      clock.set(Date.parse("2026-03-16T14:31:00Z"));
      const monday = await call(weekend, "GET", path, { token: await accessToken(weekend) });
      expect((monday.json.data as { status: string }).status).toBe("Filled");
    } finally {
      await weekend.stop();
    }
  });
});
