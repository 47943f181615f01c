import { PaperVenue, venuesOf } from "@stratdeck/core/venues";
import { describe, expect, it } from "vitest";
import { silentLog } from "@stratdeck/core/log";
import { closePosition, MemoryPaperOrderStore, type OrderRecord } from "@stratdeck/core/ledger";
import { FakeClock } from "@stratdeck/core/time";
import { FakeMarket, LONG, seed, SHORT, T0 } from "./fake-market";
import { testSettings } from "../../support/paper-settings";

const settings = testSettings({ fill: { model: "mid" } });

/** A store that crashes once between appending the close's fill event and its order record. */
class CrashOnceStore extends MemoryPaperOrderStore {
  crashes = 1;
  protected override async insertOrder(order: OrderRecord): Promise<boolean> {
    if (order.kind === "close" && this.crashes-- > 0) throw new Error("crash after the close event");
    return super.insertOrder(order);
  }
}

function setup(orders = new MemoryPaperOrderStore()) {
  const clock = new FakeClock(T0);
  const provider = new FakeMarket(clock).spot("SPX", 6050).quote(SHORT, 0.6, 0.7).quote(LONG, 0.35, 0.45);
  return {
    orders,
    provider,
    deps: {
      clock,
      log: silentLog,
      orders,
      provider,
      config: { tradingMode: "paper" as const, liveArmed: false },
      venues: venuesOf(new PaperVenue()),
    },
  };
}

describe("closePosition", () => {
  it("records the exit fill (BTC/STC with quotes) and the realised P&L", async () => {
    const { deps, orders } = setup();
    const id = await seed(orders, 1.45);
    const r = await closePosition(deps, id, { reason: "profit-target", settings });
    expect(r).toMatchObject({ status: "closed", realizedPnlCents: 12_000 });
    expect(await orders.getPosition(id)).toMatchObject({
      status: "closed",
      closedAt: T0,
      exitDebit: 0.25,
      realizedPnlCents: 12_000,
      closeReason: "profit-target",
    });
    const [, close] = await orders.ordersOf(id);
    expect(close).toMatchObject({
      kind: "close",
      side: "debit",
      price: 0.25,
      underlyingPrice: 6050,
      reason: "profit-target",
    });
    expect(close?.legs.map((l) => [l.action, l.bid, l.ask, l.fillPrice, l.quoteTime])).toEqual([
      ["BTC", 0.6, 0.7, 0.65, T0 - 200],
      ["STC", 0.35, 0.45, 0.4, T0 - 200],
    ]);
    expect(await orders.listOpenPositions()).toEqual([]);
    expect((await closePosition(deps, id, { settings })).status).toBe("already-closed");
  });

  it("refuses (writing nothing) on a stale quote, and reports unknown positions", async () => {
    const { deps, orders, provider } = setup();
    const id = await seed(orders);
    provider.quote(LONG, 0.35, 0.45, 26_000);
    const r = await closePosition(deps, id, { settings });
    expect(r).toMatchObject({ status: "refused", reasons: [{ code: "stale-quote" }] });
    expect((await orders.ordersOf(id)).map((o) => o.kind)).toEqual(["open"]);
    expect(await closePosition(deps, "pos_nope", { settings })).toEqual({
      status: "not-found",
      positionId: "pos_nope",
    });
  });

  it("a close repaired after a crash takes the logged order's figures, not the retry's", async () => {
    const orders = new CrashOnceStore();
    const { deps, provider } = setup(orders);
    const id = await seed(orders, 1.45);
    await expect(closePosition(deps, id, { reason: "profit-target", settings })).rejects.toThrow(/crash/);
    provider.quote(SHORT, 1.6, 1.7); // the retry sees another market: debit 1.25, not 0.25
    const r = await closePosition(deps, id, { settings });
    expect(r).toMatchObject({ status: "already-closed" });
    expect(await orders.getPosition(id)).toMatchObject({
      status: "closed",
      exitDebit: 0.25,
      realizedPnlCents: 12_000,
      closeReason: "profit-target",
    });
    expect(await orders.listOpenPositions()).toEqual([]);
    // The order log gets the close as the ledger recorded it (the listing above repaired it).
    expect(await orders.getOrder(`${id}:close`)).toMatchObject({
      price: 0.25,
      side: "debit",
      reason: "profit-target",
    });
  });
});
