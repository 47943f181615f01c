import { describe, expect, it, vi } from "vitest";
import type { Log } from "@stratdeck/core/log";
import { silentLog } from "@stratdeck/core/log";
import { enterAuto, MemoryPaperOrderStore, type EnterAutoDeps } from "@stratdeck/core/ledger";
import { TastyVenue, type LiveOrderGateway } from "@stratdeck/core/venues/tastytrade";
import { PaperVenue, venuesOf } from "@stratdeck/core/venues";
import { FakeClock } from "@stratdeck/core/time";
import {
  entryMarket,
  expectedEntryOrder,
  putSpreadIdea,
  SHORT,
  LONG,
  T0,
  type FakeMarket,
} from "./fake-market";
import { testSettings } from "../../support/paper-settings";

/** The documented defaults, fees on tastytrade's published schedule. */
const defaults = testSettings();

const SLOT = "2026-11-25T10:00";
const PAPER = { tradingMode: "paper", liveArmed: false } as const;

function setup(config: EnterAutoDeps["config"] = PAPER, live?: LiveOrderGateway) {
  const clock = new FakeClock(T0);
  const provider: FakeMarket = entryMarket(clock);
  const orders = new MemoryPaperOrderStore();
  const log = { ...silentLog, error: vi.fn(), warn: vi.fn(), info: vi.fn(), child: (): Log => log };
  const venues = live
    ? venuesOf(new TastyVenue({ orders, gateway: live, clock, log }), [new PaperVenue()])
    : venuesOf(new PaperVenue());
  const deps: EnterAutoDeps = { config, clock, log, orders, provider, venues };
  return { clock, provider, orders, log, deps };
}

const mid = testSettings({ fill: { model: "mid" } });

describe("enterAuto (paper)", () => {
  it("re-quotes, fills with the fill model and writes one order with every field", async () => {
    const { deps, orders } = setup();
    const r = await enterAuto(deps, [putSpreadIdea()], { slot: SLOT, settings: defaults });
    expect(r.decision).toEqual({ mode: "paper" });
    expect(r.outcomes).toMatchObject([{ status: "entered", credit: 1.35, maxLossCents: 236_500 }]);
    const [order] = await orders.listRecentOrders(10);
    expect(order).toMatchObject({ kind: "open", ...expectedEntryOrder(SLOT) });
    expect(order?.legs).toEqual([
      expect.objectContaining({
        streamerSymbol: SHORT,
        action: "STO",
        bid: 8.1,
        ask: 8.4,
        quoteTime: T0 - 200,
      }),
      expect.objectContaining({
        streamerSymbol: LONG,
        action: "BTO",
        bid: 6.7,
        ask: 6.9,
        quoteTime: T0 - 200,
      }),
    ]);
    expect(order?.legs[0]?.fillPrice).toBeCloseTo(8.19, 9);
    const [pos] = await orders.listOpenPositions();
    expect(pos).toMatchObject({
      entryCredit: 1.35,
      width: 25,
      maxProfitCents: 13_500,
      breakevens: [5698.65],
    });
  });

  it("writes nothing new when the same slot runs again, appends for a new slot", async () => {
    const { deps, orders, provider } = setup();
    await enterAuto(deps, [putSpreadIdea()], { slot: SLOT, settings: defaults });
    const quoteCalls = provider.calls.quotes;
    const again = await enterAuto(deps, [putSpreadIdea()], { slot: SLOT, settings: defaults });
    expect(again.outcomes[0]?.status).toBe("duplicate");
    expect(provider.calls.quotes).toBe(quoteCalls);
    // A new slot: the same strategy, underlying and expiration is already open (no duplicate exposure).
    const next = await enterAuto(deps, [putSpreadIdea()], { slot: "2026-11-25T10:30", settings: defaults });
    expect(next.outcomes[0]).toMatchObject({
      status: "refused",
      reasons: expect.arrayContaining([
        expect.objectContaining({
          code: "duplicate-exposure",
          message: expect.stringMatching(/already has short_put_spread_index_45d on SPX expiring/),
        }),
      ]),
    });
    expect(await orders.listRecentOrders(10)).toHaveLength(1);
  });

  it("skips advisory and untradable ideas and takes the rest by score", async () => {
    const { deps } = setup();
    const ideas = [
      putSpreadIdea({ id: "a", verdict: "advisory", reasons: ["pop 0.6 < 0.65"] }),
      putSpreadIdea({ id: "b", tradable: false }),
      putSpreadIdea({ id: "c", score: 1 }),
      putSpreadIdea({ id: "d", score: 2 }),
    ];
    const r = await enterAuto(deps, ideas, { slot: SLOT, settings: defaults });
    const by = Object.fromEntries(r.outcomes.map((o) => [o.ideaId, o]));
    expect(by.a).toMatchObject({ status: "skipped", reasons: [{ code: "verdict" }] });
    expect(by.b).toMatchObject({ status: "skipped", reasons: [{ code: "not-tradable" }] });
    expect(by.d?.status).toBe("entered");
    expect(by.c).toMatchObject({ status: "skipped", reasons: [{ code: "slot-taken" }] });
  });

  it.each([
    ["stale-quote", (m: FakeMarket) => m.quote(SHORT, 8.1, 8.4, 60_000)],
    ["no-quote", (m: FakeMarket) => m.drop(LONG)],
    ["spread-too-wide", (m: FakeMarket) => m.quote(SHORT, 6.0, 10.0)],
    ["ta-hint-price", (m: FakeMarket) => m.spot("SPX", 6000, "ta-hint")],
    ["credit-slipped", (m: FakeMarket) => m.quote(SHORT, 7.5, 7.7)],
  ])("refuses on %s, with the reason in the result and the log", async (code, tweak) => {
    const { deps, orders, provider, log } = setup();
    tweak(provider);
    const r = await enterAuto(deps, [putSpreadIdea()], { slot: SLOT, settings: defaults });
    expect(r.outcomes[0]?.status).toBe("refused");
    expect(r.outcomes[0]?.reasons.map((x) => x.code)).toContain(code);
    expect(log.warn).toHaveBeenCalledWith(
      "paper.entry.refused",
      expect.objectContaining({ reasons: r.outcomes[0]?.reasons }),
    );
    expect(await orders.listRecentOrders(10)).toEqual([]);
  });

  it("fills at mid when configured", async () => {
    const { deps } = setup();
    const r = await enterAuto(deps, [putSpreadIdea()], { slot: SLOT, settings: mid });
    expect(r.outcomes[0]?.credit).toBe(1.45);
  });
});

describe("enterAuto risk rules", () => {
  const other = (slot: string) => ({ slot, settings: mid });

  it("max open positions blocks an entry", async () => {
    const { deps } = setup();
    const settings = testSettings({ risk: { maxOpenPositions: 1 }, fill: { model: "mid" } });
    await enterAuto(deps, [putSpreadIdea()], other("2026-11-25T10:00"));
    const r = await enterAuto(deps, [putSpreadIdea({ underlying: "XSP" })], {
      slot: "2026-11-25T10:30",
      settings,
    });
    expect(r.outcomes[0]).toMatchObject({ status: "refused", reasons: [{ code: "max-open-positions" }] });
  });

  it("max per underlying blocks an entry", async () => {
    const { deps } = setup();
    const settings = testSettings({ risk: { maxPerUnderlying: 1 }, fill: { model: "mid" } });
    await enterAuto(deps, [putSpreadIdea()], other("2026-11-25T10:00"));
    const call = putSpreadIdea({ strategy: "short_call_spread_index_45d" });
    const r = await enterAuto(deps, [call], { slot: "2026-11-25T10:30", settings });
    expect(r.outcomes[0]).toMatchObject({ status: "refused", reasons: [{ code: "max-per-underlying" }] });
  });

  it("max total risk blocks an entry (checked against the filled max loss)", async () => {
    const { deps } = setup();
    const settings = testSettings({ risk: { maxTotalRiskCents: 235_499 }, fill: { model: "mid" } });
    const r = await enterAuto(deps, [putSpreadIdea({ maxLossCents: 1 })], { slot: SLOT, settings });
    expect(r.outcomes[0]).toMatchObject({ status: "refused", reasons: [{ code: "max-total-risk" }] });
    const ok = testSettings({ risk: { maxTotalRiskCents: 235_500 }, fill: { model: "mid" } });
    expect((await enterAuto(deps, [putSpreadIdea()], { slot: SLOT, settings: ok })).entered).toBe(1);
  });

  it("max entries per run blocks the next idea of the run", async () => {
    const { deps } = setup();
    const settings = testSettings({ risk: { maxEntriesPerSlot: 1 }, fill: { model: "mid" } });
    const r = await enterAuto(
      deps,
      [putSpreadIdea(), putSpreadIdea({ id: "x", underlying: "XSP", score: 0 })],
      { slot: SLOT, settings },
    );
    expect(r.outcomes.map((o) => o.status)).toEqual(["entered", "refused"]);
    expect(r.outcomes[1]?.reasons[0]?.code).toBe("max-entries-per-slot");
  });
});

describe("enterAuto trading guard", () => {
  const gateway = () => ({
    dryRun: vi.fn(async () => ({ ok: true, status: "Received", warnings: [] })),
    place: vi.fn(async () => ({ ok: true, orderId: "42", status: "Routed" })),
  });

  it("live without arming refuses every order with a logged error and writes nothing", async () => {
    const gw = gateway();
    const { deps, orders, log } = setup({ tradingMode: "live", liveArmed: false }, gw);
    const r = await enterAuto(deps, [putSpreadIdea()], { slot: SLOT, confirm: true, settings: defaults });
    expect(r.decision.mode).toBe("refused");
    expect(r.outcomes[0]).toMatchObject({ status: "refused", reasons: [{ code: "trading-refused" }] });
    expect(log.error).toHaveBeenCalledWith(
      "guard.refused",
      expect.objectContaining({ reason: expect.stringMatching(/STRATDECK_LIVE_ARMED/) }),
    );
    expect(gw.dryRun).not.toHaveBeenCalled();
    expect(gw.place).not.toHaveBeenCalled();
    expect(await orders.listRecentOrders(10)).toEqual([]);
  });

  it("armed without confirm goes to the dry-run endpoint and writes nothing", async () => {
    const gw = gateway();
    const { deps, orders } = setup({ tradingMode: "live", liveArmed: true }, gw);
    const r = await enterAuto(deps, [putSpreadIdea()], { slot: SLOT, settings: defaults });
    expect(r.decision.mode).toBe("live-dry-run");
    expect(r.outcomes[0]?.status).toBe("dry-run");
    expect(gw.dryRun).toHaveBeenCalledWith(
      expect.objectContaining({
        price: 1.35,
        priceEffect: "Credit",
        legs: [
          { occSymbol: "SPXW  270108P05700000", action: "STO", quantity: 1 },
          { occSymbol: "SPXW  270108P05675000", action: "BTO", quantity: 1 },
        ],
      }),
    );
    expect(gw.place).not.toHaveBeenCalled();
    expect(await orders.listRecentOrders(10)).toEqual([]);
  });

  it("dry runs count against the risk limits like entries would", async () => {
    const gw = gateway();
    const { deps } = setup({ tradingMode: "live", liveArmed: true }, gw);
    const settings = testSettings({ risk: { maxEntriesPerSlot: 1 } });
    const r = await enterAuto(
      deps,
      [putSpreadIdea(), putSpreadIdea({ id: "x", underlying: "XSP", score: 0 })],
      {
        slot: SLOT,
        settings,
      },
    );
    expect(r.outcomes.map((o) => o.status)).toEqual(["dry-run", "refused"]);
    expect(gw.dryRun).toHaveBeenCalledTimes(1);
  });

  it("armed and confirmed with a gateway that can only dry-run or place (cannot follow fills) places nothing", async () => {
    const gw = gateway();
    const { deps, orders } = setup({ tradingMode: "live", liveArmed: true }, gw);
    const r = await enterAuto(deps, [putSpreadIdea()], { slot: SLOT, confirm: true, settings: defaults });
    expect(r.outcomes[0]).toMatchObject({ status: "refused", reasons: [{ code: "no-live-gateway" }] });
    expect(gw.place).not.toHaveBeenCalled();
    expect(await orders.listRecentOrders(10)).toEqual([]);
  });

  it("armed without a gateway refuses", async () => {
    const { deps } = setup({ tradingMode: "live", liveArmed: true });
    const r = await enterAuto(deps, [putSpreadIdea()], { slot: SLOT, settings: defaults });
    expect(r.outcomes[0]).toMatchObject({ status: "refused", reasons: [{ code: "no-live-gateway" }] });
  });
});

describe("enterAuto slot cap", () => {
  it("a redelivered slot adds nothing even when the ranking changed", async () => {
    const { deps, orders } = setup();
    const settings = testSettings({ risk: { maxEntriesPerSlot: 1 }, fill: { model: "mid" } });
    const spx = putSpreadIdea({ score: 2 });
    const xsp = putSpreadIdea({ id: "x", underlying: "XSP", score: 1 });
    expect((await enterAuto(deps, [spx, xsp], { slot: SLOT, settings })).entered).toBe(1);
    const rerun = await enterAuto(deps, [{ ...spx, score: 0 }, xsp], { slot: SLOT, settings });
    expect(rerun.outcomes.map((o) => [o.underlying, o.status])).toEqual([
      ["XSP", "refused"],
      ["SPX", "duplicate"],
    ]);
    expect(rerun.outcomes[0]?.reasons[0]?.code).toBe("max-entries-per-slot");
    expect(await orders.listRecentOrders(10)).toHaveLength(1);
  });
});
