import { PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { DynamoAlertStore } from "@stratdeck/core/alerts";
import { DynamoSnapshotStore } from "@stratdeck/core/market-data";
import { DynamoPaperOrderStore } from "@stratdeck/core/ledger";
import { DynamoStatusStore } from "@stratdeck/core/status";
import { StoreError, type TableNames } from "@stratdeck/core/storage";
import { DynamoCooldownStore } from "@stratdeck/core/tasty";
import { FakeClock } from "@stratdeck/core/time";
import { engineTargets, freshTables } from "../support/engines";

const NOW = Date.parse("2026-03-02T16:00:00Z");

/** The read's rejection, asserted to be a malformed-item StoreError naming table, key and field. */
async function expectMalformed(
  read: Promise<unknown>,
  table: string,
  key: Record<string, unknown>,
  field: RegExp,
): Promise<void> {
  const err = await read.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  const e = err as StoreError;
  expect(e.kind).toBe("malformed");
  expect(e.table).toBe(table);
  expect(e.key).toEqual(key);
  expect(e.message).toContain(table);
  expect(e.message).toContain(JSON.stringify(key));
  expect(e.message).toMatch(field);
}

for (const target of engineTargets()) {
  const name = `Items read back are parsed: a malformed one is a StoreError naming table and key [${target.name}]`;
  if (!target.endpoint) {
    describe.skip(`${name} — SKIPPED: ${target.skipReason}`, () => undefined);
    continue;
  }
  const endpoint = target.endpoint;
  describe(name, () => {
    let doc: DynamoDBDocumentClient;
    let tables: TableNames;
    const clock = new FakeClock(NOW);
    const put = (table: string, item: Record<string, unknown>) =>
      doc.send(new PutCommand({ TableName: table, Item: item }));
    beforeAll(async () => {
      ({ doc, tables } = await freshTables(endpoint));
    });

    it("orders: a position with a text max loss, an order without legs", async () => {
      const store = new DynamoPaperOrderStore(doc, tables.orders);
      await put(tables.orders, {
        pk: "pos_bad",
        sk: "POSITION",
        positionId: "pos_bad",
        maxLossCents: "lots",
      });
      await expectMalformed(
        store.getPosition("pos_bad"),
        tables.orders,
        { pk: "pos_bad", sk: "POSITION" },
        /maxLossCents/,
      );
      await put(tables.orders, {
        pk: "pos_bad",
        sk: "ORDER#open",
        orderStream: "ORDER",
        orderId: "pos_bad:open",
        time: NOW,
      });
      await expectMalformed(
        store.getOrder("pos_bad:open"),
        tables.orders,
        { pk: "pos_bad", sk: "ORDER#open" },
        /legs/,
      );
      await expectMalformed(
        store.listRecentOrders(5),
        tables.orders,
        { pk: "pos_bad", sk: "ORDER#open" },
        /legs/,
      );
    });

    it("alerts: an alert without its rule", async () => {
      const store = new DynamoAlertStore(doc, tables.alerts, clock);
      await put(tables.alerts, {
        alertKey: "pos_1|dte",
        alertStream: "ALERT",
        positionId: "pos_1",
        message: "m",
        details: {},
        sentAt: NOW,
      });
      await expectMalformed(store.recent(5), tables.alerts, { alertKey: "pos_1|dte" }, /rule/);
    });

    it("snapshots, status, cooldowns: a missing time field", async () => {
      await put(tables.snapshots, { symbol: "SPX", bid: 1, eventTime: NOW });
      await expectMalformed(
        new DynamoSnapshotStore(doc, tables.snapshots, clock).get("SPX", { maxAgeMs: 60_000 }),
        tables.snapshots,
        { symbol: "SPX" },
        /writtenAt/,
      );
      await put(tables.status, { id: "stream", data: "up" });
      await expectMalformed(
        new DynamoStatusStore(doc, tables.status, clock).read("stream"),
        tables.status,
        { id: "stream" },
        /data/,
      );
      await put(tables.cooldowns, { symbol: "SPX", reason: "http-429", setAt: NOW, expiresAt: 1 });
      await expectMalformed(
        new DynamoCooldownStore(doc, tables.cooldowns, clock).active("SPX"),
        tables.cooldowns,
        { symbol: "SPX" },
        /until/,
      );
    });
  });
}
