import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import TastytradeClient, { MarketDataSubscriptionType } from "@tastytrade/api";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { nearMoneyPut, waitFor } from "./helpers";

// The SDK's quote streamer runs the dxfeed client, which uses the global WebSocket.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

let sim: RunningSimulator;

beforeAll(async () => {
  // The official clients send AUTH right after SETUP (the real server usually tolerates it,
  // tastyware/tastytrade#339) and the official feed needs FEED_CONFIG eventFields to decode COMPACT.
  sim = await startSimulator({
    seed: 3,
    publishIntervalMs: 50,
  });
});
afterAll(async () => {
  // QuoteStreamer.disconnect() never closes its socket; an UNAUTHORIZED close makes the dxfeed
  // client give up for good instead of reconnecting to a stopped server.
  sim.faults.expireQuoteTokens();
  await new Promise((r) => setTimeout(r, 300));
  await sim.stop();
});

describe("@tastytrade/api SDK against the simulator", () => {
  it("authenticates, fetches accounts, a quote token and the nested chain, and streams Quote and Greeks", async () => {
    const client = new TastytradeClient({
      baseUrl: sim.restUrl,
      accountStreamerUrl: "ws://127.0.0.1:9/unused",
      clientSecret: "sdk-secret",
      refreshToken: "sdk-refresh",
      oauthScopes: ["read", "trade"],
    });
    const accounts = (await client.accountsAndCustomersService.getCustomerAccounts()) as Array<{
      account: { "account-number": string };
    }>;
    expect(accounts[0]?.account["account-number"]).toMatch(/\w+/);
    expect(client.accessToken.token).toMatch(/^sim-at-/);

    const quoteToken = (await client.accountsAndCustomersService.getApiQuoteToken()) as Record<
      string,
      string
    >;
    expect(quoteToken["dxlink-url"]).toBe(sim.dxlinkUrl);
    expect(quoteToken.level).toBe("api");

    const chain = (await client.instrumentsService.getNestedOptionChain("SPX")) as unknown[];
    const roots = (chain as Array<{ "root-symbol": string }>).map((i) => i["root-symbol"]).sort();
    expect(roots).toEqual(["SPX", "SPXW"]);
    const option = nearMoneyPut(chain, "SPXW", 30, sim.market.spot("SPX"));

    const metrics = (await client.marketMetricsService.getMarketMetrics({
      symbols: ["SPX", "RUT"],
    })) as Array<Record<string, string>>;
    expect(metrics.map((m) => m.symbol)).toEqual(["SPX", "RUT"]);
    expect(Number(metrics[0]?.["implied-volatility-index-rank"])).toBeCloseTo(sim.market.ivRank("SPX"), 2);

    const events: Array<Record<string, unknown>> = [];
    client.quoteStreamer.addEventListener((batch) =>
      events.push(...(batch as Array<Record<string, unknown>>)),
    );
    await client.quoteStreamer.connect();
    client.quoteStreamer.subscribe(
      ["SPX", option],
      [MarketDataSubscriptionType.Quote, MarketDataSubscriptionType.Greeks],
    );
    const seen = (type: string, symbol: string): boolean =>
      events.some((e) => e.eventType === type && e.eventSymbol === symbol);
    await waitFor(() => seen("Quote", "SPX") && seen("Quote", option) && seen("Greeks", option), 5000);

    const greeks = events.find((e) => e.eventType === "Greeks" && e.eventSymbol === option) as Record<
      string,
      number
    >;
    expect(greeks.delta).toBeLessThan(0);
    expect(greeks.delta).toBeGreaterThan(-1);
    expect(greeks.volatility).toBeGreaterThan(0.05);
    const spx = events.find((e) => e.eventType === "Quote" && e.eventSymbol === "SPX") as Record<
      string,
      number
    >;
    expect(Math.abs(Number(spx.bidPrice) - sim.market.spot("SPX"))).toBeLessThan(10);
    client.quoteStreamer.disconnect();
  });
});
