import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoPaperOrderStore, tradeHistory, type HistoryReport } from "@stratdeck/core/ledger";
import { batchPutAll } from "@stratdeck/core/storage";
import { memoryLog } from "@stratdeck/core/log";
import { engineTargets, freshTables } from "../support/engines";

/**
 * An orders table as today's main (2026-12-06, before events) wrote it: written by that code's
 * store (open, close, settlement, a live 2-spread position, reservations, a pending order) plus
 * a pair of records from before fees; beside it, what that code read back from it.
 */
const FIXTURE = "tests/fixtures/ledger/orders-table-2026-12-06.json";
const items = JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown>[];
const before = JSON.parse(readFileSync(FIXTURE.replace(".json", ".reads.json"), "utf8")) as {
  history: HistoryReport;
  open: Record<string, unknown>[];
};

/** The history with only the fields (and key order) today's main wrote: new fields are additions. */
function asBefore(h: HistoryReport): unknown {
  const pick = (o: object, like: object): Record<string, unknown> =>
    Object.fromEntries(Object.keys(like).map((k) => [k, (o as Record<string, unknown>)[k]]));
  return {
    trades: h.trades.map((t, i) => {
      const old = before.history.trades[i] ?? t;
      const out = pick(t, old);
      if (t.settlement && old.settlement) out.settlement = pick(t.settlement, old.settlement);
      return out;
    }),
    totals: pick(h.totals, before.history.totals),
    equityCurve: h.equityCurve,
  };
}

for (const target of engineTargets()) {
  const run = target.endpoint ? describe : describe.skip;
  run(`existing data keeps working [${target.name}]`, () => {
    it("reads today's table twice: the same history byte for byte, nothing written, nothing lost", async () => {
      const { doc, tables } = await freshTables(target.endpoint!);
      await batchPutAll(doc, tables.orders, items, (i) => ({ pk: i.pk, sk: i.sk }));
      const store = new DynamoPaperOrderStore(doc, tables.orders);
      const first = JSON.stringify(await tradeHistory(store));
      const second = JSON.stringify(await tradeHistory(store));
      expect(second).toBe(first);
      expect(JSON.stringify(asBefore(JSON.parse(first) as HistoryReport))).toBe(
        JSON.stringify(before.history),
      );
      // Read, not migrated: the table holds exactly what it held.
      const after = (await doc.send(new ScanCommand({ TableName: tables.orders }))).Items ?? [];
      const keys = (xs: Record<string, unknown>[]) => xs.map((i) => `${String(i.pk)}|${String(i.sk)}`).sort();
      expect(keys(after)).toEqual(keys(items));
      // Every position and order is there; the open one still open, with its entry as one event.
      const open = await store.listOpenPositions();
      expect(open.map((p) => p.positionId)).toEqual(before.open.map((p) => p.positionId));
      const events = await store.eventsOf(open[0]!.positionId);
      expect(events).toMatchObject([
        { type: "fill", effect: "open", quantity: 1, netPrice: 1.45, feesCents: 358 },
      ]);
      const orders = items.filter((i) => String(i.sk).startsWith("ORDER#") && i.pk !== "PENDING");
      for (const o of orders) expect(await store.getOrder(String(o.orderId))).not.toBeNull();
      expect(await store.listPendingOrders()).toHaveLength(1);
    });

    it("logs once per listing (closed, open), at info, how many old records were read in place as events", async () => {
      const { doc, tables } = await freshTables(target.endpoint!);
      await batchPutAll(doc, tables.orders, items, (i) => ({ pk: i.pk, sk: i.sk }));
      const log = memoryLog();
      const store = new DynamoPaperOrderStore(doc, tables.orders).reportLegacyReads(log);
      await tradeHistory(store);
      await store.listOpenPositions();
      await tradeHistory(store);
      const ordersOf = (status: string) => {
        const ids = new Set(items.filter((i) => i.sk === "POSITION" && i.status === status).map((i) => i.pk));
        return { ids, records: items.filter((i) => String(i.sk).startsWith("ORDER#") && ids.has(i.pk)) };
      };
      const closed = ordersOf("closed");
      const open = ordersOf("open");
      expect(closed.ids.size).toBe(5);
      expect(log.lines.filter((l) => l.event === "ledger.legacy-read")).toMatchObject([
        { level: "info", fields: { listing: "closed", records: closed.records.length, positions: 5 } },
        { level: "info", fields: { listing: "open", records: open.records.length, positions: 1 } },
      ]);
      // A store over data written with events logs nothing.
      const fresh = memoryLog();
      const { doc: d2, tables: t2 } = await freshTables(target.endpoint!);
      await tradeHistory(new DynamoPaperOrderStore(d2, t2.orders).reportLegacyReads(fresh));
      expect(fresh.events("ledger.legacy-read")).toEqual([]);
    });

    it("an old open position closes through events: its claims are released and old trades stay", async () => {
      const { doc, tables } = await freshTables(target.endpoint!);
      await batchPutAll(doc, tables.orders, items, (i) => ({ pk: i.pk, sk: i.sk }));
      const store = new DynamoPaperOrderStore(doc, tables.orders);
      const [p] = await store.listOpenPositions();
      const id = p!.positionId;
      const held = p!.reservations ?? [];
      expect(held.length).toBeGreaterThan(0);
      const at = Date.parse("2026-12-06T15:00:00Z");
      const closed = await store.appendEvent({
        eventId: "fill|close-1",
        positionId: id,
        at,
        type: "fill",
        effect: "close",
        orderId: "close-1",
        orderQuantity: 1,
        quantity: 1,
        netPrice: -0.5,
        feesCents: 158,
        reason: "manual",
      });
      expect(closed.state).toMatchObject({
        status: "closed",
        grossCents: 9_500,
        netCents: 9_500 - 358 - 158,
      });
      for (const k of held.filter((k) => !k.startsWith("slot|"))) expect(await store.keyHolder(k)).toBeNull();
      const history = await tradeHistory(store);
      expect(history.totals.trades).toBe(before.history.totals.trades + 1);
      expect(history.trades[0]?.positionId).toBe(id);
      expect(JSON.stringify(history.trades.slice(1).map((t) => t.netCents))).toBe(
        JSON.stringify(before.history.trades.map((t) => t.netCents)),
      );
    });

    it("events stored as today's main writes them (EVENT#<id>, no slot) count; racing closes take slots after them", async () => {
      const { doc, tables } = await freshTables(target.endpoint!);
      const [open] = before.open as { positionId: string }[];
      const id = open!.positionId;
      const at = Date.parse("2026-12-06T15:00:00Z");
      // A second opening spread, as an event item written before sequence slots existed.
      const oldEvent = {
        eventId: "fill|B|1",
        positionId: id,
        at,
        type: "fill",
        effect: "open",
        orderId: "B",
        orderQuantity: 1,
        quantity: 1,
        netPrice: 1.5,
        feesCents: 179,
        reason: "entry",
      };
      const oldItem = {
        ...oldEvent,
        pk: id,
        sk: `EVENT#${oldEvent.eventId}`,
        orderStream: "EVENT",
        time: at,
      };
      await batchPutAll(doc, tables.orders, [...items, oldItem], (i) => ({ pk: i.pk, sk: i.sk }));
      const stores = [1, 2, 3].map(() => new DynamoPaperOrderStore(doc, tables.orders));
      expect(await stores[0]!.stateOf(id)).toMatchObject({ openQuantity: 2, openedQuantity: 2 });
      const racers = stores.map((s, i) =>
        s.appendEvent({
          ...oldEvent,
          eventId: `fill|C${i}|1`,
          effect: "close",
          orderId: `C${i}`,
          netPrice: -0.5,
          at: at + 1000,
        }),
      );
      const results = await Promise.allSettled(racers);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
      expect(
        results.filter((r) => r.status === "rejected").map((r) => (r.reason as { code?: string }).code),
      ).toEqual(["ledger-overfill"]);
      expect(await stores[1]!.stateOf(id)).toMatchObject({
        status: "closed",
        closedQuantity: 2,
        openQuantity: 0,
      });
      const keys = ((await doc.send(new ScanCommand({ TableName: tables.orders }))).Items ?? [])
        .filter((i) => i.pk === id && /^(EVENT|SEQ)#/.test(String(i.sk)))
        .map((i) => String(i.sk))
        .sort();
      // The old item stays as it was; the two closes took slots 1 and 2 (claim releases are EVENT#).
      expect(keys.filter((k) => !k.startsWith("EVENT#claim"))).toEqual([
        "EVENT#fill|B|1",
        "SEQ#0000000001",
        "SEQ#0000000002",
      ]);
    });
  });
}
