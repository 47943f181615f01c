import { PaperVenue, venuesOf } from "@stratdeck/core/venues";
import { describe, expect, it } from "vitest";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoAlertStore, MemoryNotifier } from "@stratdeck/core/alerts";
import { silentLog } from "@stratdeck/core/log";
import {
  checkExits,
  closePosition,
  DynamoPaperOrderStore,
  enterAuto,
  positionIdFor,
} from "@stratdeck/core/ledger";
import { FakeClock } from "@stratdeck/core/time";
import { engineTargets, freshTables } from "../../support/engines";
import {
  entryMarket,
  expectedEntryOrder,
  LONG,
  putSpreadIdea,
  SHORT,
  T0,
} from "../../unit/ledger/fake-market";
import { testSettings } from "../../support/paper-settings";

/** The documented defaults, fees on tastytrade's published schedule. */
const defaults = testSettings();

const PAPER = { tradingMode: "paper", liveArmed: false } as const;
const SLOT = "2026-11-25T10:00";
const KEY = `short_put_spread_index_45d|SPX|${SLOT}`;

async function setup(endpoint: string) {
  const { doc, tables } = await freshTables(endpoint);
  const clock = new FakeClock(T0);
  const orders = new DynamoPaperOrderStore(doc, tables.orders);
  const provider = entryMarket(clock);
  return {
    doc,
    tables,
    clock,
    orders,
    provider,
    deps: { config: PAPER, clock, log: silentLog, orders, provider, venues: venuesOf(new PaperVenue()) },
  };
}

for (const target of engineTargets()) {
  const endpoint = target.endpoint;
  const suite = endpoint ? describe : describe.skip;
  suite(`paper engine on ${target.name}${endpoint ? "" : ` — SKIPPED: ${target.skipReason}`}`, () => {
    it("enterAuto writes exactly one row with the expected fields", async () => {
      const { deps, doc, tables, orders } = await setup(endpoint!);
      const r = await enterAuto(deps, [putSpreadIdea()], { slot: SLOT, settings: defaults });
      expect(r.entered).toBe(1);
      const positionId = positionIdFor(KEY);
      const raw = await doc.send(
        new GetCommand({ TableName: tables.orders, Key: { pk: positionId, sk: "ORDER#open" } }),
      );
      expect(raw.Item).toMatchObject({
        ...expectedEntryOrder(SLOT),
        legs: [
          {
            streamerSymbol: SHORT,
            action: "STO",
            bid: 8.1,
            ask: 8.4,
            fillPrice: 8.19,
            quoteTime: T0 - 200,
            quoteSource: "stream",
          },
          {
            streamerSymbol: LONG,
            action: "BTO",
            bid: 6.7,
            ask: 6.9,
            fillPrice: 6.84,
            quoteTime: T0 - 200,
            quoteSource: "stream",
          },
        ],
      });
      expect(await orders.listRecentOrders(50)).toHaveLength(1);
    });

    it("repeated runs append other trades; a rerun of the same slot writes nothing new", async () => {
      const { deps, clock, orders } = await setup(endpoint!);
      await enterAuto(deps, [putSpreadIdea()], { slot: SLOT, settings: defaults });
      expect(
        (await enterAuto(deps, [putSpreadIdea()], { slot: SLOT, settings: defaults })).outcomes[0]?.status,
      ).toBe("duplicate");
      clock.advance(30 * 60_000);
      deps.provider.quote(SHORT, 8.1, 8.4).quote(LONG, 6.7, 6.9).spot("SPX", 6012);
      // The same trade in a new slot is duplicate exposure; another strategy on SPX is entered.
      const again = await enterAuto(deps, [putSpreadIdea()], {
        slot: "2026-11-25T10:30",
        settings: defaults,
      });
      expect(again.outcomes[0]).toMatchObject({
        status: "refused",
        reasons: expect.arrayContaining([expect.objectContaining({ code: "duplicate-exposure" })]),
      });
      const call = putSpreadIdea({ strategy: "short_call_spread_index_45d" });
      expect((await enterAuto(deps, [call], { slot: "2026-11-25T10:30", settings: defaults })).entered).toBe(
        1,
      );
      const recent = await orders.listRecentOrders(50);
      expect(recent.map((o) => o.idempotencyKey)).toEqual([
        "short_call_spread_index_45d|SPX|2026-11-25T10:30",
        KEY,
      ]);
    });

    it("10 concurrent enterAuto calls for the same slot write once", async () => {
      const { deps, orders } = await setup(endpoint!);
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          enterAuto(deps, [putSpreadIdea()], { slot: SLOT, settings: defaults }),
        ),
      );
      const statuses = results.map((r) => r.outcomes[0]?.status);
      expect(statuses.filter((s) => s === "entered")).toHaveLength(1);
      expect(statuses.filter((s) => s === "duplicate")).toHaveLength(9);
      expect(await orders.listRecentOrders(50)).toHaveLength(1);
      expect(await orders.listOpenPositions()).toHaveLength(1);
    });

    it("alerts once across runs, then closes with the realised P&L", async () => {
      const { deps, doc, tables, clock, orders, provider } = await setup(endpoint!);
      await enterAuto(deps, [putSpreadIdea()], { slot: SLOT, settings: defaults });
      clock.advance(86_400_000);
      provider.spot("SPX", 6100).quote(SHORT, 0.6, 0.7).quote(LONG, 0.3, 0.4);
      const alerts = new DynamoAlertStore(doc, tables.alerts, clock);
      const notifier = new MemoryNotifier();
      const exitDeps = { ...deps, alerts, notifier };
      const mid = testSettings({ fill: { model: "mid" } });
      for (let run = 0; run < 3; run++) await checkExits(exitDeps, { settings: mid });
      expect(notifier.sent.map((m) => m.attributes?.rule)).toEqual(["profit-target"]);
      const positionId = positionIdFor(KEY);
      const closed = await closePosition(deps, positionId, { reason: "profit-target", settings: mid });
      expect(closed).toMatchObject({ status: "closed", realizedPnlCents: 10_500 });
      expect(await orders.listOpenPositions()).toEqual([]);
      expect((await orders.ordersOf(positionId)).map((o) => o.kind)).toEqual(["open", "close"]);
    });
  });
}
