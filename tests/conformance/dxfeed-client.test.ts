import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  DXLinkConnectionState,
  DXLinkFeed,
  DXLinkWebSocketClient,
  FeedContract,
  FeedDataFormat,
  type FeedEventData,
} from "@dxfeed/dxlink-api";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { expectProbeQuotesSpx, nearMoneyPut, restJson, waitFor } from "./helpers";

// The dxfeed client uses the global WebSocket, which Node 20 lacks.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

let sim: RunningSimulator;

beforeAll(async () => {
  // The default simulator: it accepts the AUTH the official client sends right after SETUP and
  // names eventFields before the first COMPACT data of each type, as tastytrade does.
  sim = await startSimulator({
    seed: 7,
    publishIntervalMs: 50,
  });
});
afterAll(async () => {
  await sim.stop();
});

function collect(feed: DXLinkFeed<FeedContract.AUTO>): FeedEventData[] {
  const events: FeedEventData[] = [];
  feed.addEventListener((batch) => events.push(...batch));
  return events;
}

const seen = (events: FeedEventData[], type: string, symbol: string): boolean =>
  events.some((e) => e.eventType === type && e.eventSymbol === symbol && typeof e.eventSymbol === "string");

describe("@dxfeed/dxlink-api against the simulator", () => {
  it("authenticates, gets Quote for SPX and Quote + Greeks for an SPXW option, and reconnects after a 1012 close", async () => {
    const token = await restJson(sim, "POST", "/oauth/token", {
      grant_type: "refresh_token",
      refresh_token: "any-refresh",
      client_secret: "any-secret",
    });
    const auth = `Bearer ${String(token.access_token)}`;
    const quoteToken = (await restJson(sim, "GET", "/api-quote-tokens", undefined, auth)).data as Record<
      string,
      string
    >;
    const chain = await restJson(sim, "GET", "/option-chains/SPX/nested", undefined, auth);
    const option = nearMoneyPut(chain, "SPXW", 30, sim.market.spot("SPX"));

    const client = new DXLinkWebSocketClient();
    const errors: string[] = [];
    client.addErrorListener((e) => errors.push(`${e.type}: ${e.message}`));
    client.connect(String(quoteToken["dxlink-url"]));
    client.setAuthToken(String(quoteToken.token));
    const feed = new DXLinkFeed(client, FeedContract.AUTO);
    feed.configure({
      acceptAggregationPeriod: 0.1,
      acceptDataFormat: FeedDataFormat.COMPACT,
      acceptEventFields: {
        Quote: ["eventType", "eventSymbol", "bidPrice", "askPrice", "bidSize", "askSize"],
        Greeks: ["eventType", "eventSymbol", "volatility", "delta", "gamma", "theta", "rho", "vega"],
      },
    });
    const events = collect(feed);
    feed.addSubscriptions(
      { type: "Quote", symbol: "SPX" },
      { type: "Quote", symbol: option },
      { type: "Greeks", symbol: option },
    );
    try {
      await waitFor(
        () => seen(events, "Quote", "SPX") && seen(events, "Quote", option) && seen(events, "Greeks", option),
      );
      const greeks = events.find(
        (e) => e.eventType === "Greeks" && e.eventSymbol === option,
      ) as FeedEventData;
      const expected = sim.market.optionQuote(option);
      expect(Number(greeks.delta)).toBeLessThan(0);
      expect(Number(greeks.volatility)).toBeGreaterThan(0.05);
      expect(expected).not.toBeNull();
      const quote = events.find((e) => e.eventType === "Quote" && e.eventSymbol === option) as FeedEventData;
      expect(Number(quote.askPrice)).toBeGreaterThan(Number(quote.bidPrice));

      const states: DXLinkConnectionState[] = [];
      client.addConnectionStateChangeListener((s) => states.push(s));
      sim.faults.closeAll(1012, "SERVICE_RESTART");
      await waitFor(() => states.includes(DXLinkConnectionState.CONNECTING));
      events.length = 0;
      await waitFor(() => client.getConnectionState() === DXLinkConnectionState.CONNECTED, 5000);
      await waitFor(() => seen(events, "Quote", "SPX") && seen(events, "Greeks", option), 5000);
      expect(sim.stats().connections).toBe(2);
      expect(sim.stats().authorizations).toBe(2);
      expect(errors).toContain("UNKNOWN: SERVICE_RESTART");
    } finally {
      client.close();
    }
  });

  it("gets COMPACT data with the default fields when the client never configures the feed", async () => {
    const client = new DXLinkWebSocketClient();
    client.connect(sim.dxlinkUrl);
    client.setAuthToken(sim.issueQuoteToken().token);
    const feed = new DXLinkFeed(client, FeedContract.AUTO);
    const events = collect(feed);
    feed.addSubscriptions({ type: "Quote", symbol: "RUT" }, { type: "Summary", symbol: "RUT" });
    try {
      await waitFor(() => seen(events, "Quote", "RUT") && seen(events, "Summary", "RUT"));
      const q = events.find((e) => e.eventType === "Quote") as FeedEventData;
      expect(Math.abs(Number(q.bidPrice) - sim.market.spot("RUT"))).toBeLessThan(5);
      expect(q.bidSize).toBe("NaN");
    } finally {
      client.close();
    }
  });

  it("with the early-AUTH fault on, the official client gets the real ERROR and no data; the project's own client still streams", async () => {
    sim.faults.earlyAuth("drop");
    const client = new DXLinkWebSocketClient();
    const errors: string[] = [];
    client.addErrorListener((e) => errors.push(`${e.type}: ${e.message}`));
    try {
      client.connect(sim.dxlinkUrl);
      client.setAuthToken(sim.issueQuoteToken().token);
      const feed = new DXLinkFeed(client, FeedContract.AUTO);
      const events = collect(feed);
      feed.addSubscriptions({ type: "Quote", symbol: "SPX" });
      await waitFor(() => errors.length > 0);
      expect(errors[0]).toBe("UNAUTHORIZED: AuthException: Session not found: api");
      await new Promise((r) => setTimeout(r, 300));
      expect(events).toEqual([]);

      // Ours waits for AUTH_STATE before its AUTH (tastyware/tastytrade#338) and gets in.
      await expectProbeQuotesSpx(sim);
    } finally {
      client.close();
      sim.faults.earlyAuth("accept");
    }
  });
});
