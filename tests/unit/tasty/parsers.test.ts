import { describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import {
  TastyApiError,
  accessTokenResponse,
  accountsResponse,
  dryRunResponse,
  marketDataResponse,
  marketMetricsResponse,
  nestedChainResponse,
  parseBody,
  quoteTokenResponse,
  toDryRunResult,
  toMarketMetrics,
  toOptionChain,
  toQuoteTokenGrant,
  toRestQuote,
  toTastyAccount,
  restQuotePrice,
} from "@stratdeck/core/tasty";
import { FIXTURES } from "./fixtures";

function malformed(schema: z.core.$ZodType, body: unknown, endpoint = "GET /x"): TastyApiError {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  try {
    parseBody(schema, text, endpoint);
  } catch (err) {
    expect(err).toBeInstanceOf(TastyApiError);
    expect((err as TastyApiError).kind).toBe("malformed");
    return err as TastyApiError;
  }
  throw new Error("expected a malformed error");
}

/** Parses a well-formed fixture body (endpoint name irrelevant). */
function parsed<S extends z.core.$ZodType>(schema: S, body: unknown): z.output<S> {
  return parseBody(schema, JSON.stringify(body), "x");
}

/** The first item of a well-formed list-envelope body. */
function firstItem<T>(schema: z.core.$ZodType<{ data: { items: T[] } }>, body: unknown): T {
  return parsed(schema, body).data.items[0]!;
}

const ENDPOINTS: Array<[string, z.core.$ZodType]> = [
  ["POST /oauth/token", accessTokenResponse],
  ["GET /api-quote-tokens", quoteTokenResponse],
  ["GET /option-chains/SPX/nested", nestedChainResponse],
  ["GET /market-data/by-type", marketDataResponse],
  ["GET /market-metrics", marketMetricsResponse],
  ["GET /customers/me/accounts", accountsResponse],
  ["POST /accounts/5WT00001/orders/dry-run", dryRunResponse],
];

describe("every endpoint parser refuses bad bodies with a malformed error naming endpoint and field", () => {
  for (const [endpoint, schema] of ENDPOINTS) {
    it(`${endpoint}: HTML instead of JSON`, () => {
      const e = malformed(schema, "<html><body>502 Bad Gateway</body></html>", endpoint);
      expect(e.message).toContain(endpoint);
      expect(e.message).toContain("not JSON");
      expect(e.field).toBe("(body)");
    });
    it(`${endpoint}: truncated JSON`, () => {
      expect(malformed(schema, '{"data":{"items":[', endpoint).message).toContain("not JSON");
    });
    it(`${endpoint}: JSON of the wrong shape`, () => {
      const e = malformed(schema, { unexpected: true }, endpoint);
      expect(e.message).toContain(endpoint);
      expect(e.field).toMatch(/^(data|access_token)/);
    });
  }
});

describe("oauth token", () => {
  it("reads access_token and expires_in (seconds)", () => {
    expect(parsed(accessTokenResponse, FIXTURES.token)).toMatchObject({
      access_token: "at-fixture-0001",
      expires_in: 900,
    });
  });
  it("defaults a missing or null expires_in to 900 s (tastyware session.py: 15-minute access tokens)", () => {
    expect(parsed(accessTokenResponse, { access_token: "x" }).expires_in).toBe(900);
    expect(parsed(accessTokenResponse, { access_token: "x", expires_in: null }).expires_in).toBe(900);
  });
  it("names a non-positive expires_in", () => {
    expect(malformed(accessTokenResponse, { access_token: "x", expires_in: 0 }).field).toBe("expires_in");
  });
});

describe("quote token", () => {
  it("maps to a grant with expiry in ms", () => {
    const g = toQuoteTokenGrant(parsed(quoteTokenResponse, FIXTURES.quoteToken), 0);
    expect(g).toEqual({
      token: "qt-fixture-0001",
      dxlinkUrl: "wss://tasty-openapi-ws.dxfeed.com/realtime",
      level: "api",
      expiresAt: Date.parse("2025-06-02T13:00:00.000Z"),
    });
  });
  it("defaults the expiry to 24 h when absent", () => {
    const body = { data: { token: "qt", "dxlink-url": "ws://127.0.0.1:1/realtime" } };
    expect(toQuoteTokenGrant(parsed(quoteTokenResponse, body), 1000).expiresAt).toBe(1000 + 86_400_000);
  });
  it("names a bad dxlink-url", () => {
    expect(malformed(quoteTokenResponse, { data: { token: "t", "dxlink-url": 5 } }).field).toBe(
      "data.dxlink-url",
    );
  });
});

describe("nested chain", () => {
  const body = parsed(nestedChainResponse, FIXTURES.chain);
  const chain = toOptionChain("SPX", body, "2025-12-07", 123);
  it("maps roots, tick sizes (threshold ascending, unbounded last), settlement and symbols", () => {
    const root = chain.roots[0]!;
    expect(root.root).toBe("SPXW");
    expect(root.tickSizes).toEqual([{ value: 0.05, threshold: 3 }, { value: 0.1 }]);
    expect(root.expirations).toHaveLength(1); // 2025-12-01 is before today
    const exp = root.expirations[0]!;
    expect(exp).toMatchObject({ date: "2025-12-19", dte: 12, settlement: "PM", expirationType: "Weekly" });
    expect(exp.strikes.map((s) => s.strike)).toEqual([5800, 5810]);
    expect(exp.strikes[0]).toEqual({
      strike: 5800,
      callOcc: "SPXW  251219C05800000",
      callStreamer: ".SPXW251219C5800",
      putOcc: "SPXW  251219P05800000",
      putStreamer: ".SPXW251219P5800",
    });
    expect(chain.fetchedAt).toBe(123);
  });
  it("names a non-decimal strike", () => {
    const bad = structuredClone(FIXTURES.chain) as unknown as {
      data: { items: Array<{ expirations: Array<{ strikes: Array<Record<string, unknown>> }> }> };
    };
    bad.data.items[0]!.expirations[0]!.strikes[0]!["strike-price"] = "abc";
    const e = malformed(nestedChainResponse, bad, "GET /option-chains/SPX/nested");
    expect(e.field).toBe("data.items[0].expirations[0].strikes[0].strike-price");
    expect(e.message).toContain('expected a decimal, got "abc"');
  });
  it("skips only the expiration with an unknown settlement type, saying why", () => {
    const odd = structuredClone(FIXTURES.chain) as unknown as {
      data: { items: Array<{ "root-symbol": string; expirations: Array<Record<string, unknown>> }> };
    };
    const item = odd.data.items[0]!;
    const kept = item.expirations.length - 1;
    const date = item.expirations[0]!["expiration-date"];
    item.expirations[0]!["settlement-type"] = "XX";
    const chain = toOptionChain("SPX", parsed(nestedChainResponse, odd), "2025-01-01", 0);
    expect(chain.roots[0]?.expirations).toHaveLength(kept);
    expect(chain.skipped).toEqual([
      { root: item["root-symbol"], date, reason: 'unknown settlement-type "XX" (expected AM or PM)' },
    ]);
  });
  it("names a missing settlement type", () => {
    const bad = structuredClone(FIXTURES.chain) as unknown as {
      data: { items: Array<{ expirations: Array<Record<string, unknown>> }> };
    };
    delete bad.data.items[0]!.expirations[0]!["settlement-type"];
    expect(malformed(nestedChainResponse, bad).field).toBe("data.items[0].expirations[0].settlement-type");
  });
});

describe("market data", () => {
  it("parses decimal strings into USD numbers and picks the mark", () => {
    const q = toRestQuote(firstItem(marketDataResponse, FIXTURES.marketData));
    expect(q).toMatchObject({
      symbol: "SPX",
      bid: 5998.1,
      ask: 6001.2,
      mark: 5999.65,
      prevClose: 5950.4,
      halted: false,
    });
    expect(q.updatedAt).toBe(Date.parse("2025-06-02T20:15:00.123Z"));
    expect(restQuotePrice(q)).toBe(5999.65);
  });
  it("treats null / NaN prices as absent and falls back to the bid/ask midpoint", () => {
    const body = { data: { items: [{ symbol: "SPX", bid: "10", ask: "12", mark: null, mid: "NaN" }] } };
    const q = toRestQuote(firstItem(marketDataResponse, body));
    expect(q.mark).toBeUndefined();
    expect(restQuotePrice(q)).toBe(11);
  });
  it("names a garbage price", () => {
    const e = malformed(marketDataResponse, { data: { items: [{ symbol: "SPX", bid: "12,5" }] } });
    expect(e.field).toBe("data.items[0].bid");
  });
});

describe("market metrics", () => {
  it("reads the live implied-volatility-index-rank family (fractions)", () => {
    const m = toMarketMetrics(firstItem(marketMetricsResponse, FIXTURES.metricsLive));
    expect(m).toEqual({
      symbol: "SPX",
      ivRank: 0.0223,
      ivPercentile: 0.0312,
      ivIndex: 0.2237,
      updatedAt: Date.parse("2025-06-02T20:00:00Z"),
    });
  });
  it("also reads the OpenAPI implied-volatility-rank name", () => {
    const m = toMarketMetrics(firstItem(marketMetricsResponse, FIXTURES.metricsSpec));
    expect(m).toMatchObject({ ivRank: 0.41, ivPercentile: 0.5 });
  });
  it("validates IV rank as a fraction at the wire: a percent is converted, nonsense names the field", () => {
    const parse = (rank: unknown) =>
      toMarketMetrics(
        firstItem(marketMetricsResponse, {
          data: { items: [{ symbol: "SPX", "implied-volatility-index-rank": rank }] },
        }),
      ).ivRank;
    expect(parse("0.453")).toBe(0.453);
    expect(parse("45.3")).toBe(0.453); // a percent
    expect(parse(100)).toBe(1);
    expect(parse("1")).toBe(1);
    for (const bad of ["150", "-0.2"]) {
      expect(
        malformed(marketMetricsResponse, {
          data: { items: [{ symbol: "SPX", "implied-volatility-index-rank": bad }] },
        }),
      ).toMatchObject({ field: "data.items[0].implied-volatility-index-rank" });
    }
    expect(
      malformed(marketMetricsResponse, {
        data: { items: [{ symbol: "SPX", "implied-volatility-percentile": "250" }] },
      }).field,
    ).toBe("data.items[0].implied-volatility-percentile");
  });
  it("names a bad rank", () => {
    expect(
      malformed(marketMetricsResponse, {
        data: { items: [{ symbol: "SPX", "implied-volatility-index-rank": true }] },
      }).field,
    ).toBe("data.items[0].implied-volatility-index-rank");
  });
});

describe("accounts and dry run", () => {
  it("maps accounts", () => {
    const a = toTastyAccount(firstItem(accountsResponse, FIXTURES.accounts));
    expect(a).toEqual({
      accountNumber: "5WT00001",
      nickname: "main",
      accountType: "Individual",
      marginOrCash: "Margin",
      isClosed: false,
      authority: "owner",
    });
  });
  it("maps a dry run into signed cents (debit negative)", () => {
    const r = toDryRunResult(parsed(dryRunResponse, FIXTURES.dryRun));
    expect(r).toEqual({
      status: "Received",
      buyingPowerChangeCents: -87_500,
      marginChangeCents: -87_500,
      feesCents: -354,
      warnings: [],
      errors: [],
    });
  });
  it("reads null warnings and errors as empty (tastyware order.py: Optional[list[Message]])", () => {
    const body = structuredClone(FIXTURES.dryRun) as unknown as { data: Record<string, unknown> };
    body.data.warnings = null;
    body.data.errors = null;
    const r = toDryRunResult(parsed(dryRunResponse, body));
    expect(r.warnings).toEqual([]);
    expect(r.errors).toEqual([]);
  });
  it("keeps preflight errors and numeric codes as strings", () => {
    const body = structuredClone(FIXTURES.dryRun) as unknown as { data: Record<string, unknown> };
    body.data.errors = [{ code: 4012, message: "Insufficient buying power", "preflight-id": "p1" }];
    expect(toDryRunResult(parsed(dryRunResponse, body)).errors).toEqual([
      { code: "4012", message: "Insufficient buying power" },
    ]);
  });
  it("names a dry run without an order", () => {
    expect(malformed(dryRunResponse, { data: { warnings: [] } }).field).toBe("data.order");
  });
  it("names an account without a number", () => {
    expect(malformed(accountsResponse, { data: { items: [{ account: {} }] } }).field).toBe(
      "data.items[0].account.account-number",
    );
  });
});
