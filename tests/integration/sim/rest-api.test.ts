import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { occSymbol, startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { FakeClock } from "@stratdeck/core/time";
import { accessToken, call, items } from "./rest-client";

let sim: RunningSimulator;
let clock: FakeClock;
let token: string;

beforeAll(async () => {
  clock = new FakeClock("2026-03-10T15:00:00Z");
  sim = await startSimulator({ clock, seed: 5, accessTokenTtlSeconds: 900 });
  sim.market.setWalk(false);
  token = await accessToken(sim);
});
afterAll(async () => {
  await sim.stop();
});

describe("REST auth", () => {
  it("answers 401 without a User-Agent, on every route", async () => {
    for (const path of ["/oauth/token", "/option-chains/SPX/nested", "/api-quote-tokens"]) {
      const r = await call(sim, path === "/oauth/token" ? "POST" : "GET", path, { userAgent: null, token });
      expect(r.status).toBe(401);
      expect(r.json).toEqual({
        error: { code: "unauthorized", message: expect.stringMatching(/User-Agent/) },
      });
    }
  });

  it("issues access tokens for any non-empty secret and refresh token, top-level and expiring", async () => {
    const r = await call(sim, "POST", "/oauth/token", {
      body: { grant_type: "refresh_token", refresh_token: "r", client_secret: "s", scope: "read trade" },
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ access_token: expect.any(String), expires_in: 900, token_type: "Bearer" });
    expect(sim.stats().accessTokensIssued).toBe(2);
  });

  it("rejects bad token requests with a clear error naming the field", async () => {
    const empty = await call(sim, "POST", "/oauth/token", {
      body: { grant_type: "refresh_token", refresh_token: "", client_secret: "s" },
    });
    expect(empty.status).toBe(401);
    expect(empty.json.error).toMatchObject({
      code: "invalid_credentials",
      message: expect.stringMatching(/refresh_token/),
    });
    const grant = await call(sim, "POST", "/oauth/token", {
      body: { grant_type: "password", refresh_token: "r", client_secret: "s" },
    });
    expect(grant.status).toBe(400);
    expect(JSON.stringify(grant.json.error)).toMatch(/grant_type/);
    const notJson = await call(sim, "POST", "/oauth/token", { rawBody: "{oops" });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error).toMatchObject({ code: "invalid_json" });
  });

  it("answers 401 invalid_session for an unknown token and after expiry", async () => {
    const bad = await call(sim, "GET", "/api-quote-tokens", { token: "forged" });
    expect(bad.status).toBe(401);
    expect(bad.json.error).toMatchObject({ code: "invalid_session" });
    const short = await accessToken(sim);
    expect((await call(sim, "GET", "/customers/me/accounts", { token: short })).status).toBe(200);
    clock.advance(900_000);
    const expired = await call(sim, "GET", "/customers/me/accounts", { token: short });
    expect(expired.status).toBe(401);
    expect(expired.json.error).toMatchObject({
      code: "invalid_session",
      message: expect.stringMatching(/expired/),
    });
    token = await accessToken(sim);
  });

  it("hands out quote tokens that point at this simulator", async () => {
    const r = await call(sim, "GET", "/api-quote-tokens", { token });
    const data = r.json.data as Record<string, string>;
    expect(r.json.context).toBe("/api-quote-tokens");
    expect(data).toMatchObject({ token: expect.any(String), "dxlink-url": sim.dxlinkUrl, level: "api" });
    expect(Date.parse(data["expires-at"] ?? "") - clock.now()).toBe(86_400_000);
  });

  it("answers unknown routes with 404 in the error envelope", async () => {
    const r = await call(sim, "GET", "/no/such/thing", { token });
    expect(r.status).toBe(404);
    expect(r.json.error).toMatchObject({ code: "not_found" });
  });
});

describe("GET /option-chains/{symbol}/nested", () => {
  it("lists SPX (AM monthlies, Regular) and SPXW (PM, Weekly) with tick sizes, OCC and streamer symbols", async () => {
    const r = await call(sim, "GET", "/option-chains/SPX/nested", { token });
    expect(r.status).toBe(200);
    expect(r.json.context).toBe("/option-chains/SPX/nested");
    const [spx, spxw] = items(r) as Array<
      Record<string, unknown> & {
        expirations: Array<{
          "settlement-type": string;
          "expiration-type": string;
          "expiration-date": string;
          "days-to-expiration": number;
          strikes: Array<Record<string, string>>;
        }>;
      }
    >;
    expect(spx).toMatchObject({
      "underlying-symbol": "SPX",
      "root-symbol": "SPX",
      "shares-per-contract": 100,
    });
    expect(spxw).toMatchObject({
      "root-symbol": "SPXW",
      "option-chain-type": "Standard",
      "tick-sizes": [{ value: "0.05", threshold: "3.0" }, { value: "0.1" }],
    });
    expect(new Set(spx?.expirations.map((e) => `${e["settlement-type"]}/${e["expiration-type"]}`))).toEqual(
      new Set(["AM/Regular"]),
    );
    expect(new Set(spxw?.expirations.map((e) => `${e["settlement-type"]}/${e["expiration-type"]}`))).toEqual(
      new Set(["PM/Weekly"]),
    );
    const apr = spx?.expirations.find((e) => String(e["expiration-date"]).startsWith("2026-04"));
    expect(apr).toMatchObject({ "expiration-date": "2026-04-17", "days-to-expiration": 38 });
    const e0 = spxw?.expirations[0] as {
      "expiration-date": string;
      "days-to-expiration": number;
      strikes: Array<Record<string, string>>;
    };
    expect(e0).toMatchObject({ "expiration-date": "2026-03-10", "days-to-expiration": 0 });
    const strike = e0.strikes.find((s) => s["strike-price"] === "5800.0");
    expect(strike).toEqual({
      "strike-price": "5800.0",
      call: "SPXW  260310C05800000",
      "call-streamer-symbol": ".SPXW260310C5800",
      put: "SPXW  260310P05800000",
      "put-streamer-symbol": ".SPXW260310P5800",
    });
    const near = e0.strikes
      .map((s) => Number(s["strike-price"]))
      .filter((k) => Math.abs(k - sim.market.spot("SPX")) < 100);
    expect(near.every((k, i) => i === 0 || k - (near[i - 1] ?? 0) === 5)).toBe(true);
  });

  it("serves the flat chain: one Equity Option item per contract", async () => {
    const flat = items(await call(sim, "GET", "/option-chains/XSP", { token }));
    const nested = items(await call(sim, "GET", "/option-chains/XSP/nested", { token }));
    const expirations = nested[0]?.expirations as Array<{ strikes: unknown[] }>;
    expect(flat).toHaveLength(expirations.reduce((n, e) => n + e.strikes.length * 2, 0));
    expect(flat[0]).toMatchObject({
      "instrument-type": "Equity Option",
      "underlying-symbol": "XSP",
      "root-symbol": "XSP",
      "settlement-type": "PM",
      "streamer-symbol": expect.stringMatching(/^\.XSP\d{6}[CP]\d/),
    });
  });

  it("lists XSP as one PM root and 404s an unknown underlying", async () => {
    const xsp = items(await call(sim, "GET", "/option-chains/XSP/nested", { token }));
    expect(xsp.map((i) => i["root-symbol"])).toEqual(["XSP"]);
    expect(xsp[0]?.["tick-sizes"]).toEqual([{ value: "0.01", threshold: "3.0" }, { value: "0.05" }]);
    const rut = items(await call(sim, "GET", "/option-chains/RUT/nested", { token }));
    expect(rut.map((i) => i["root-symbol"])).toEqual(["RUT", "RUTW"]);
    const nope = await call(sim, "GET", "/option-chains/ZZZ/nested", { token });
    expect(nope.status).toBe(404);
  });
});

describe("GET /market-data/by-type", () => {
  const put = occSymbol({ root: "SPXW", date: "2026-04-17", right: "P", strike: 5800 });

  it("accepts k=a,b, k[]=a&k[]=b and k=a&k=b, and returns decimals as strings", async () => {
    const styles = [
      `/market-data/by-type?index=SPX,RUT&equity-option=${encodeURIComponent(put)}`,
      `/market-data/by-type?index[]=SPX&index[]=RUT&equity-option[]=${encodeURIComponent(put)}`,
      `/market-data/by-type?index%5B%5D=SPX&index%5B%5D=RUT&equity-option=${encodeURIComponent(put)}`,
      `/market-data/by-type?index=SPX&index=RUT&equity-option=${encodeURIComponent(put)}`,
    ];
    for (const path of styles) {
      const r = await call(sim, "GET", path, { token });
      expect(r.status).toBe(200);
      expect(items(r).map((i) => i.symbol)).toEqual(["SPX", "RUT", put]);
    }
    const [spx, , opt] = items(await call(sim, "GET", styles[0] as string, { token }));
    expect(spx).toMatchObject({
      "instrument-type": "Index",
      bid: expect.any(String),
      mark: expect.any(String),
    });
    expect(Number(spx?.mark)).toBeCloseTo(sim.market.spot("SPX"), 2);
    const q = sim.market.optionQuote(".SPXW260417P5800");
    expect(opt).toMatchObject({
      "instrument-type": "Equity Option",
      bid: String(q?.bid),
      ask: String(q?.ask),
    });
  });

  it("refuses more than 100 symbols combined with a validation error", async () => {
    const idx = Array.from({ length: 60 }, () => "SPX").join(",");
    const opts = Array.from({ length: 41 }, () => encodeURIComponent(put)).join(",");
    const r = await call(sim, "GET", `/market-data/by-type?index=${idx}&equity-option=${opts}`, { token });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: "validation_error", message: expect.stringMatching(/100/) });
  });

  it("serves /market-data/Index/SPX style single lookups", async () => {
    const r = await call(sim, "GET", "/market-data/Index/SPX", { token });
    expect(r.status).toBe(200);
    expect((r.json.data as Record<string, unknown>).symbol).toBe("SPX");
    expect((await call(sim, "GET", "/market-data/Index/NOPE", { token })).status).toBe(404);
  });
});

describe("metrics, accounts, dry-run", () => {
  it("GET /market-metrics returns IV rank and friends as strings", async () => {
    const r = await call(sim, "GET", "/market-metrics?symbols=SPX,NDX,UNKNOWN", { token });
    const [spx, ndx] = items(r);
    expect(items(r)).toHaveLength(2);
    expect(spx).toMatchObject({
      symbol: "SPX",
      "implied-volatility-index-rank": expect.stringMatching(/^0\.\d+$|^[01]\.0$/),
      "implied-volatility-percentile": expect.any(String),
      "implied-volatility-index": expect.any(String),
    });
    expect(Number(spx?.["implied-volatility-index-rank"])).toBeCloseTo(sim.market.ivRank("SPX"), 3);
    expect(ndx?.symbol).toBe("NDX");
  });

  it("GET /customers/me/accounts lists the simulated account", async () => {
    const r = await call(sim, "GET", "/customers/me/accounts", { token });
    expect(items(r)[0]).toMatchObject({
      account: { "account-number": "5WT00001" },
      "authority-level": "owner",
    });
  });

  it("dry-runs a put credit spread: buying power = width − credit, fees per contract", async () => {
    const legs = [
      {
        "instrument-type": "Equity Option",
        symbol: "SPXW  260417P05800000",
        quantity: 2,
        action: "Sell to Open",
      },
      {
        "instrument-type": "Equity Option",
        symbol: "SPXW  260417P05790000",
        quantity: 2,
        action: "Buy to Open",
      },
    ];
    const r = await call(sim, "POST", "/accounts/5WT00001/orders/dry-run", {
      token,
      body: { "time-in-force": "Day", "order-type": "Limit", price: "1.25", "price-effect": "Credit", legs },
    });
    expect(r.status).toBe(201);
    const data = r.json.data as Record<string, Record<string, unknown>>;
    expect(data["buying-power-effect"]).toMatchObject({
      "change-in-buying-power": "1750.0",
      "change-in-buying-power-effect": "Debit",
      "is-spread": true,
    });
    // tastytrade's schedule (core's fee model): $1.00 × 4 to open, $0.10 × 4 clearing, ORF, TAF and
    // the SEC fee on the sold leg (rounded up to the cent), SPX $0.65 × 4.
    expect(data["fee-calculation"]).toMatchObject({
      commission: "4.0",
      "clearing-fees": "0.4",
      "regulatory-fees": "0.26",
      "proprietary-index-option-fees": "2.6",
      "total-fees": "7.26",
    });
    expect(data.order).toMatchObject({ "underlying-symbol": "SPX", size: 2, status: "Received" });
  });

  it("refuses a malformed order naming the field, and an unknown account", async () => {
    const bad = await call(sim, "POST", "/accounts/5WT00001/orders/dry-run", {
      token,
      body: {
        "time-in-force": "Day",
        "order-type": "Limit",
        legs: [{ symbol: "x", quantity: 1, action: "Sell" }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      code: "validation_error",
      message: expect.stringMatching(/legs\.0\./),
    });
    const other = await call(sim, "POST", "/accounts/NOPE/orders/dry-run", { token, body: {} });
    expect(other.status).toBe(404);
  });
});
