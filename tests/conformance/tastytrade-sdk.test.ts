import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import TastytradeClient, { MarketDataSubscriptionType } from "@tastytrade/api";
import { scaledClock, systemClock } from "@stratdeck/core/time";
import { SIM_ACCOUNT_NUMBER, startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { nearMoneyPut, waitFor } from "./helpers";

// The SDK's quote streamer runs the dxfeed client, which uses the global WebSocket.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

/**
 * The official JS SDK (@tastytrade/api 7.0.2) against the default simulator, call by call as a
 * developer would use it. A failure here means the simulator drifted from what the SDK accepts.
 */
let sim: RunningSimulator;
let client: TastytradeClient;
type Row = Record<string, unknown>;

beforeAll(async () => {
  // A Tuesday, 11:00 New York, and running: orders work in the NYSE session.
  sim = await startSimulator({
    seed: 3,
    publishIntervalMs: 50,
    clock: scaledClock(systemClock, 1, Date.parse("2026-03-10T15:00:00Z")),
  });
  sim.market.setWalk(false);
  client = new TastytradeClient({
    baseUrl: sim.restUrl,
    accountStreamerUrl: "ws://127.0.0.1:9/unused",
    clientSecret: "sdk-secret",
    refreshToken: "sdk-refresh",
    oauthScopes: ["read", "trade"],
  });
});
afterAll(async () => {
  // QuoteStreamer.disconnect() never closes its socket; an UNAUTHORIZED close makes the dxfeed
  // client give up for good instead of reconnecting to a stopped server.
  sim.faults.expireQuoteTokens();
  await new Promise((r) => setTimeout(r, 300));
  await sim.stop();
});

async function spxwPut(dte = 30): Promise<{ occ: string; streamer: string }> {
  const chain = (await client.instrumentsService.getNestedOptionChain("SPX")) as unknown[];
  const streamer = nearMoneyPut(chain, "SPXW", dte, sim.market.spot("SPX"));
  const flat = (await client.instrumentsService.getOptionChain("SPX")) as Row[];
  const occ = flat.find((o) => o["streamer-symbol"] === streamer)?.symbol;
  if (typeof occ !== "string") throw new Error(`no OCC symbol for ${streamer}`);
  return { occ, streamer };
}

function order(occ: string, price: string, action = "Buy to Open"): Row {
  return {
    "time-in-force": "Day",
    "order-type": "Limit",
    price,
    "price-effect": action.startsWith("Buy") ? "Debit" : "Credit",
    legs: [{ "instrument-type": "Equity Option", symbol: occ, quantity: 1, action }],
  };
}

describe("@tastytrade/api SDK against the default simulator", () => {
  it("session and accounts: OAuth token, customer, accounts", async () => {
    const accounts = (await client.accountsAndCustomersService.getCustomerAccounts()) as Array<{
      account: { "account-number": string };
    }>;
    expect(accounts[0]?.account["account-number"]).toBe(SIM_ACCOUNT_NUMBER);
    expect(client.accessToken.token).toMatch(/^sim-at-/);
    const me = (await client.accountsAndCustomersService.getCustomerResource()) as Row;
    expect(me).toMatchObject({ id: "me", "is-foreign": false });
    expect(me.address).toMatchObject({ country: "USA" });
  });

  it("nested, flat and compact chains and a single option agree", async () => {
    const nested = (await client.instrumentsService.getNestedOptionChain("SPX")) as Row[];
    expect(nested.map((i) => i["root-symbol"]).sort()).toEqual(["SPX", "SPXW"]);
    const { occ, streamer } = await spxwPut();
    const compact = (await client.instrumentsService.getCompactOptionChain("SPX")) as Row[];
    const weekly = compact.find((i) => i["root-symbol"] === "SPXW" && i["expiration-type"] === "Weekly");
    const symbols = weekly?.symbols as string[];
    const streamers = weekly?.["streamer-symbols"] as string[];
    expect(symbols.length).toBe(streamers.length);
    expect(streamers[symbols.indexOf(occ)] ?? streamers[0]).toMatch(/^\.SPXW/);
    const single = (await client.instrumentsService.getSingleEquityOption(occ)) as Row;
    expect(single).toMatchObject({ symbol: occ, "streamer-symbol": streamer, "option-type": "P" });
  });

  it("market metrics and market data", async () => {
    const metrics = (await client.marketMetricsService.getMarketMetrics({ symbols: "SPX,RUT" })) as Row[];
    expect(metrics.map((m) => m.symbol)).toEqual(["SPX", "RUT"]);
    expect(Number(metrics[0]?.["implied-volatility-index-rank"])).toBeCloseTo(sim.market.ivRank("SPX"), 2);
    expect(metrics[0]).toHaveProperty("market-cap");
    // The SDK has no market-data service; its HTTP client serializes arrays as `index[]=SPX`.
    const res = (await client.httpClient.getData("/market-data/by-type", {}, { index: ["SPX", "RUT"] })) as {
      data: { data: { items: Row[] } };
    };
    const spx = res.data.data.items.find((i) => i.symbol === "SPX");
    expect(Math.abs(Number(spx?.mark) - sim.market.spot("SPX"))).toBeLessThan(10);
  });

  it("order dry run, placement, polling, live orders, order history, cancel, balances", async () => {
    const { occ, streamer } = await spxwPut(45);
    const q = sim.market.optionQuote(streamer)!;
    const acct = SIM_ACCOUNT_NUMBER;
    const dry = (await client.orderService.postOrderDryRun(acct, order(occ, "0.05"))) as Row;
    expect(dry).toHaveProperty("buying-power-effect");
    expect(dry).toHaveProperty("fee-calculation");
    expect(dry.order).not.toHaveProperty("id");
    const before = (await client.balancesAndPositionsService.getAccountBalanceValues(acct)) as Row;

    // A bid far below the market works and waits; then it is cancelled.
    const resting = ((await client.orderService.createOrder(acct, order(occ, "0.05"))) as { order: Row })
      .order;
    const polled = (await client.orderService.getOrder(acct, resting.id as number)) as Row;
    expect(polled.status).toBe("Live");
    const live = (await client.orderService.getLiveOrders(acct)) as Row[];
    expect(live.map((o) => o.id)).toContain(resting.id);
    const cancelled = (await client.orderService.cancelOrder(acct, resting.id as number)) as Row;
    expect(cancelled.status).toBe("Cancelled");

    // At the ask (rounded up to the tick) it fills; the balances follow.
    const ask = Math.ceil(q.ask / 0.1 - 1e-9) * 0.1;
    const filled = (
      (await client.orderService.createOrder(acct, order(occ, ask.toFixed(2)))) as { order: Row }
    ).order;
    await waitFor(() => sim.broker.openPositions().length > 0);
    expect(((await client.orderService.getOrder(acct, filled.id as number)) as Row).status).toBe("Filled");
    const history = (await client.orderService.getOrders(acct)) as Row[];
    expect(history.map((o) => o.id)).toEqual([filled.id, resting.id]);
    const after = (await client.balancesAndPositionsService.getAccountBalanceValues(acct)) as Row;
    expect(Number(after["cash-balance"])).toBeCloseTo(Number(before["cash-balance"]) - ask * 100, 2);
    expect(Number(after["derivative-buying-power"])).toBeLessThan(Number(before["derivative-buying-power"]));
    expect(Number(after["long-derivative-value"])).toBeGreaterThan(0);
  });

  it("streams Quote and Greeks through QuoteStreamer (no field lists: the default ones are announced)", async () => {
    const { streamer: option } = await spxwPut();
    const events: Row[] = [];
    client.quoteStreamer.addEventListener((batch) => events.push(...(batch as Row[])));
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
