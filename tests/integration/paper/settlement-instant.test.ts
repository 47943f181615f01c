import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLog } from "@stratdeck/core/log";
import { runExitsJob, runSettleJob } from "@stratdeck/core/orchestrator";
import {
  MemoryPaperOrderStore,
  RecordingSettlementSource,
  SessionPrintSettlementSource,
  tradeHistory,
  type PositionRecord,
} from "@stratdeck/core/ledger";
import { MemoryAlertStore, MemoryNotifier } from "@stratdeck/core/alerts";
import { MemorySnapshotStore } from "@stratdeck/core/market-data";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { MemoryStatusStore } from "@stratdeck/core/status";
import { MemoryCooldownStore, TastyMarketDataProvider, TastyRestClient } from "@stratdeck/core/tasty";
import { FakeClock, sessionOn } from "@stratdeck/core/time";
import { loadStrategiesFile } from "@stratdeck/core/strategies";
import { join } from "node:path";

// Friday 2026-12-18: the December monthly (SPX, AM-settled) and an SPXW weekly (PM-settled).
const EXPIRY = "2026-12-18";
const FRIDAY = sessionOn(EXPIRY)!;
const MONDAY = sessionOn("2026-12-21")!;

describe("settlement at the exchange's instant, against the simulator's recorded prints", () => {
  let sim: RunningSimulator;
  const clock = new FakeClock(Date.parse("2026-11-25T15:00:00Z"));
  let rest: TastyRestClient;
  let recordedBy: RecordingSettlementSource | undefined;

  beforeAll(async () => {
    sim = await startSimulator({ clock, seed: 1 });
    rest = new TastyRestClient({
      tasty: { clientSecret: "sim", refreshToken: "sim", isTest: false, apiUrl: sim.restUrl },
      clock,
      log: silentLog,
      cooldowns: new MemoryCooldownStore(clock),
      timeoutMs: 3_000,
    });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  const market = () => sim.market as unknown as { spotAt(u: string, ms: number): number };

  /** Fresh deps: an empty order log and a fresh record of settlement values. */
  async function depsWith(position: Partial<PositionRecord> & Pick<PositionRecord, "root" | "settlement">) {
    const orders = new MemoryPaperOrderStore();
    const status = new MemoryStatusStore(clock);
    const settlement = new RecordingSettlementSource(new SessionPrintSettlementSource(rest), status);
    const strategies = await loadStrategiesFile(join(process.cwd(), "strategies.yaml"));
    const deps = {
      clock,
      log: silentLog,
      orders,
      settlement,
      status,
      alerts: new MemoryAlertStore(clock),
      notifier: new MemoryNotifier(),
      strategies,
      provider: new TastyMarketDataProvider({
        rest,
        snapshots: new MemorySnapshotStore(clock),
        clock,
        log: silentLog,
      }),
    };
    return { deps, positionId: await open(orders, position) };
  }

  /** A put spread 25 wide, credit 5.40 (the tests put its short strike 12.5–17.5 points in the money). */
  async function open(
    orders: MemoryPaperOrderStore,
    p: Partial<PositionRecord> & Pick<PositionRecord, "root" | "settlement">,
  ) {
    const short = p.legs?.[0]?.strike ?? 6000;
    const legs = [
      { side: "short" as const, strike: short },
      { side: "long" as const, strike: short - 25 },
    ].map((l) => ({
      occSymbol: `${p.root} ${l.strike}`,
      streamerSymbol: `.${p.root}261218P${l.strike}`,
      optionType: "P" as const,
      strike: l.strike,
      expiration: EXPIRY,
      side: l.side,
      ratio: 1,
      entryPrice: l.side === "short" ? 12 : 6.6,
    }));
    const res = await orders.open(
      {
        time: Date.parse("2026-11-25T15:00:00Z"),
        underlying: "SPX",
        strategy: "short_put_spread_index_45d",
        side: "credit",
        quantity: p.quantity ?? 1,
        price: 5.4,
        underlyingPrice: 6000,
        mode: "paper",
        legs: [],
        idempotencyKey: `k-${p.root}`,
        reason: "entry",
      },
      {
        strategy: "short_put_spread_index_45d",
        underlying: "SPX",
        root: p.root,
        settlement: p.settlement,
        expiration: EXPIRY,
        quantity: p.quantity ?? 1,
        multiplier: 100,
        mode: "paper",
        openedAt: Date.parse("2026-11-25T15:00:00Z"),
        entryCredit: 5.4,
        entryFeesCents: 392,
        width: 25,
        maxProfitCents: 54_000,
        maxLossCents: 196_000,
        breakevens: [short - 5.4],
        underlyingAtEntry: 6000,
        legs,
      },
    );
    return res.order.positionId;
  }

  /** Expected gross P&L of the spread at an index value, cents. */
  const grossAt = (short: number, index: number): number => {
    const debit = Math.min(25, Math.max(0, Math.round((short - index) * 100) / 100));
    return Math.round((5.4 - debit) * 100) * 100;
  };

  it("AM root by the 09:45 settle job: P&L from the opening value, not the 09:45 price", async () => {
    const open = market().spotAt("SPX", FRIDAY.openAt);
    const later = market().spotAt("SPX", FRIDAY.openAt + 15 * 60_000);
    expect(later).not.toBe(open);
    const short = Math.round(open / 5) * 5 + 15;
    const { deps, positionId } = await depsWith({
      root: "SPX",
      settlement: "AM",
      legs: [{ strike: short } as never],
    });
    clock.set(FRIDAY.openAt + 15 * 60_000);
    const r = await runSettleJob(deps, { job: "settle", slot: "2026-12-18T09:45", at: clock.now() });
    expect(r.settled).toEqual([
      expect.objectContaining({
        positionId,
        settlementPrice: open,
        settlementAt: FRIDAY.openAt,
        settlementSource: "rest:open",
        realizedPnlCents: grossAt(short, open),
      }),
    ]);
    expect(grossAt(short, open)).not.toBe(grossAt(short, later));
  });

  it("AM root: the open print is approximate; a later settle run replaces it with the published SOQ, once", async () => {
    const open = market().spotAt("SPX", FRIDAY.openAt);
    const short = Math.round(open / 5) * 5 + 15;
    const { deps, positionId } = await depsWith({
      root: "SPX",
      settlement: "AM",
      quantity: 2,
      legs: [{ strike: short } as never],
    });
    clock.set(FRIDAY.openAt + 15 * 60_000);
    const morning = await runSettleJob(deps, { job: "settle", slot: "2026-12-18T09:45", at: clock.now() });
    expect(morning.settled).toEqual([
      expect.objectContaining({ positionId, settlementSource: "rest:open", approximate: true }),
    ]);
    expect(morning.confirmed).toEqual([]); // the SOQ is not published yet
    const approx = (await deps.orders.getPosition(positionId))!;
    expect(approx).toMatchObject({ settlementApproximate: true, settlementPrice: open });

    clock.set(FRIDAY.closeAt - 10 * 60_000); // any run after the simulator published the SOQ (11:00)
    const set = (await rest.getMarketData({ index: ["SET"] })).items[0]!;
    const soq = set.close!;
    expect(set).toMatchObject({ closePriceType: "Final", summaryDate: EXPIRY });
    expect(soq).not.toBe(open);
    expect(Math.abs(soq - open) / open).toBeLessThan(0.0013);
    const after = await runSettleJob(deps, { job: "settle", slot: "2026-12-18T15:50", at: clock.now() });
    expect(after.confirmed).toEqual([
      expect.objectContaining({
        positionId,
        approximatePrice: open,
        settlementPrice: soq,
        settlementSource: "soq:SET",
      }),
    ]);
    const official = (await deps.orders.getPosition(positionId))!;
    expect(official).toMatchObject({
      status: "closed",
      settlementApproximate: false,
      settlementSource: "soq:SET",
      settlementPrice: soq,
      closedAt: approx.closedAt,
    });
    // The short put is in the money at both values: P&L moves by (SOQ − open) × 100 × 2 spreads.
    const delta = Math.round((soq - open) * 100) * 100 * 2;
    expect(official.realizedPnlCents! - approx.realizedPnlCents!).toBe(delta);
    expect(official.netPnlCents! - approx.netPnlCents!).toBe(delta);
    const history = await tradeHistory(deps.orders);
    expect(history.trades[0]).toMatchObject({
      positionId,
      netCents: official.netPnlCents,
      settlement: { price: soq, source: "soq:SET", approximate: false },
    });
    const events = await deps.orders.eventsOf(positionId);
    const again = await runSettleJob(deps, { job: "settle", slot: "2026-12-18T15:50", at: clock.now() });
    expect(again.confirmed).toEqual([]);
    expect(await deps.orders.eventsOf(positionId)).toEqual(events);
  });

  it("PM root by the settle job at 16:10 on the expiration day: the Final close", async () => {
    const close = market().spotAt("SPX", FRIDAY.closeAt);
    const short = Math.round(close / 5) * 5 + 15;
    const { deps, positionId } = await depsWith({
      root: "SPXW",
      settlement: "PM",
      legs: [{ strike: short } as never],
    });
    // Friday 15:55, the last exits run of the day: not due yet.
    clock.set(FRIDAY.closeAt - 5 * 60_000);
    expect((await runExitsJob(deps)).settled).toEqual([]);
    clock.set(FRIDAY.closeAt + 10 * 60_000);
    const r = await runSettleJob(deps, { job: "settle", slot: "2026-12-18T16:10", at: clock.now() });
    expect(r.settled).toEqual([
      expect.objectContaining({
        positionId,
        settlementPrice: close,
        settlementSource: "rest:close",
        realizedPnlCents: grossAt(short, close),
        netPnlCents: grossAt(short, close) - 392,
      }),
    ]);
    recordedBy = deps.settlement;
  });

  it("PM root first checked Monday 09:35: P&L from Friday's 16:00 close, not Monday's price", async () => {
    const close = market().spotAt("SPX", FRIDAY.closeAt);
    const monday = market().spotAt("SPX", MONDAY.openAt + 5 * 60_000);
    expect(monday).not.toBe(close);
    const short = Math.round(close / 5) * 5 + 15;
    const { deps, positionId } = await depsWith({
      root: "SPXW",
      settlement: "PM",
      legs: [{ strike: short } as never],
    });
    // Monday 09:35: the exits job settles it, at Friday's close (the snapshot's prev-close).
    clock.set(MONDAY.openAt + 5 * 60_000);
    const r = await runExitsJob(deps);
    expect(r.settled).toEqual([positionId]);
    const pos = (await deps.orders.getPosition(positionId))!;
    expect(pos).toMatchObject({
      status: "closed",
      closeReason: "expiry",
      settlementPrice: close,
      settlementAt: FRIDAY.closeAt,
      settlementSource: "rest:prev-close",
      realizedPnlCents: grossAt(short, close),
      feesCents: 392,
      netPnlCents: grossAt(short, close) - 392,
    });
    expect(pos.realizedPnlCents).not.toBe(grossAt(short, monday));
    // The settlement order: BTC/STC at intrinsic value in whole cents, adding up to its price.
    const [, settle] = await deps.orders.ordersOf(positionId);
    const net = settle!.legs.reduce(
      (sum, l) => sum + (l.action === "STC" ? 1 : -1) * Math.round(l.fillPrice * 100),
      0,
    );
    expect(net).toBe((settle!.side === "credit" ? 1 : -1) * Math.round(settle!.price * 100));
    expect(settle!.fees?.totalCents).toBe(0);
  });

  it("an AM value no longer in the snapshot and never recorded: awaiting settlement, never a later price", async () => {
    const { deps, positionId } = await depsWith({
      root: "SPX",
      settlement: "AM",
      legs: [{ strike: 6000 } as never],
    });
    // Tuesday: the open is Tuesday's and the SOQ's prev-close Monday's (Monday still had Friday's).
    clock.set(sessionOn("2026-12-22")!.openAt + 20 * 60_000);
    const r = await runSettleJob(deps, { job: "settle", slot: "2026-12-22T09:50", at: clock.now() });
    expect(r.settled).toEqual([]);
    expect(r.awaiting).toEqual([
      expect.objectContaining({ positionId, status: "awaiting settlement", settlementAt: FRIDAY.openAt }),
    ]);
    expect((await deps.orders.getPosition(positionId))?.status).toBe("open");
  });

  it("the recorded close is still known on Tuesday, when the snapshot's prev-close is Monday's", async () => {
    const close = market().spotAt("SPX", FRIDAY.closeAt);
    const deps = { settlement: recordedBy! };
    clock.set(sessionOn("2026-12-22")!.openAt + 60 * 60_000);
    const again = await deps.settlement.settlementPrice({
      underlying: "SPX",
      root: "SPXW",
      expiration: EXPIRY,
      settlement: "PM",
      at: FRIDAY.closeAt,
    });
    expect(again).toMatchObject({ price: close, source: "rest:close" });
    const fresh = new SessionPrintSettlementSource(rest);
    expect(
      await fresh.settlementPrice({
        underlying: "SPX",
        root: "SPXW",
        expiration: EXPIRY,
        settlement: "PM",
        at: FRIDAY.closeAt,
      }),
    ).toBeNull();
  });
});
