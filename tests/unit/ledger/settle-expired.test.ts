import { describe, expect, it } from "vitest";
import { MemoryAlertStore, MemoryNotifier } from "@stratdeck/core/alerts";
import { silentLog } from "@stratdeck/core/log";
import {
  MemoryPaperOrderStore,
  settleExpired,
  settlementMoment,
  type SettlementPriceSource,
  type SettlementRequest,
} from "@stratdeck/core/ledger";
import { FakeClock } from "@stratdeck/core/time";
import { seed, T0 } from "./fake-market";

/** An AM root (SPX monthly, expiring 2026-12-18 at the open) and a PM root (SPXW, 2026-12-18 close). */
async function setup(settle: (r: SettlementRequest) => number | null) {
  const clock = new FakeClock(T0);
  const orders = new MemoryPaperOrderStore();
  const asked: SettlementRequest[] = [];
  const settlement: SettlementPriceSource = {
    async settlementPrice(r) {
      asked.push(r);
      const price = settle(r);
      return price === null
        ? null
        : { price, source: r.settlement === "AM" ? "soq" : "close", asOf: r.at, approximate: false };
    },
  };
  const alerts = new MemoryAlertStore(clock);
  const notifier = new MemoryNotifier();
  const ids: Record<"AM" | "PM", string> = { AM: "", PM: "" };
  for (const s of ["AM", "PM"] as const) {
    const root = s === "AM" ? "SPX" : "SPXW";
    ids[s] = await seed(orders, 1.5, "2026-12-18", { root, settlement: s, idempotencyKey: `k-${s}` });
  }
  return {
    clock,
    orders,
    asked,
    ids,
    notifier,
    deps: { clock, log: silentLog, orders, settlement, alerts, notifier },
  };
}

describe("settleExpired", () => {
  it("settles the AM root at the open and the PM root at the close, at intrinsic value", async () => {
    const { clock, deps, orders, ids, asked, notifier } = await setup((r) =>
      r.settlement === "AM" ? 5690 : 5710,
    );
    clock.set("2026-12-18T14:00:00Z"); // 09:00 New York: nothing has settled yet
    expect(await settleExpired(deps)).toEqual({ settled: [], awaiting: [] });
    clock.set("2026-12-18T14:30:00Z"); // 09:30: the AM root settles on the opening print
    const am = await settleExpired(deps);
    expect(am.settled).toEqual([
      {
        positionId: ids.AM,
        settlementPrice: 5690,
        settlementAt: settlementMoment("2026-12-18", "AM"),
        settlementSource: "soq",
        approximate: false,
        exitDebit: 10,
        realizedPnlCents: -85_000,
        feesCents: 0,
        netPnlCents: -85_000,
      },
    ]);
    expect(asked[0]).toMatchObject({
      root: "SPX",
      settlement: "AM",
      at: settlementMoment("2026-12-18", "AM"),
    });
    expect((await orders.ordersOf(ids.AM))[1]).toMatchObject({
      reason: "expiry",
      price: 10,
      underlyingPrice: 5690,
      underlyingSource: "settlement:soq",
      legs: [
        expect.objectContaining({ action: "BTC", fillPrice: 10 }),
        expect.objectContaining({ action: "STC", fillPrice: 0 }),
      ],
    });
    expect((await orders.getPosition(ids.PM))?.status).toBe("open");
    clock.set("2026-12-18T21:00:00Z"); // 16:00: the PM root settles at the close, out of the money
    const pm = await settleExpired(deps);
    expect(pm.settled).toEqual([
      {
        positionId: ids.PM,
        settlementPrice: 5710,
        settlementAt: settlementMoment("2026-12-18", "PM"),
        settlementSource: "close",
        approximate: false,
        exitDebit: 0,
        realizedPnlCents: 15_000,
        feesCents: 0,
        netPnlCents: 15_000,
      },
    ]);
    expect(await orders.listOpenPositions()).toEqual([]);
    expect(notifier.sent.map((m) => m.attributes?.rule)).toEqual(["expired", "expired"]);
  });

  it("waits while the settlement price is unknown", async () => {
    const { clock, deps, ids } = await setup(() => null);
    clock.set("2026-12-19T15:00:00Z");
    const r = await settleExpired(deps);
    expect(r.awaiting.map((a) => a.positionId).sort()).toEqual([ids.AM, ids.PM].sort());
    expect(r.awaiting.every((a) => a.status === "awaiting settlement")).toBe(true);
    expect(r.settled).toEqual([]);
  });
});
