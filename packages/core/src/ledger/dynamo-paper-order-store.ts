import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from "@aws-sdk/lib-dynamodb";
import { putIfAbsent, storeCall } from "../storage/dynamo-batch";
import { parseItem } from "../storage/parse-item";
import { orderRecordSchema, positionRecordSchema } from "./order-record-schema";
import { DynamoClaimStore } from "./dynamo-claim-store";
import type { OrderRecord, PositionRecord } from "./order-types";
import { PaperOrderStore } from "./paper-order-store";
import { pendingOrderSchema, type PendingOrder } from "./pending-order";
import type { LedgerEvent } from "./events/ledger-event";
import { ledgerEventSchema } from "./events/ledger-event-schema";
import type { PositionPartition } from "./position-projection";

const POSITION_SK = "POSITION";
const ORDER_STREAM = "ORDER";
/** Events and closed position records are in `orders-by-time` under their own streams. */
const EVENT_STREAM = "EVENT";
const CLOSED_STREAM = "CLOSED";
const EVENT_PREFIX = "EVENT#";
/** Checked events, one per sequence slot: `SEQ#0000000001`, … (padded so they sort by slot). */
const SEQ_PREFIX = "SEQ#";
const seqSk = (seq: number): string => `${SEQ_PREFIX}${String(seq).padStart(10, "0")}`;
const OPEN = "OPEN";

/** `ORDER#open`, `ORDER#close`, or `ORDER#close|<ref>` for one of several closing orders. */
const orderSk = (orderId: string): string => `ORDER#${orderId.slice(orderId.indexOf(":") + 1)}`;
/** Pending broker orders: one partition (`PENDING`), outside both indexes. */
const PENDING_PK = "PENDING";
const pendingKey = (id: string) => ({ pk: PENDING_PK, sk: `ORDER#${id}` });

/**
 * PaperOrderStore on one DynamoDB table: each position is a partition holding its orders
 * (`ORDER#open`, `ORDER#close`, `ORDER#close|<ref>` when it closed in several orders), its events and its `POSITION` record. Checked events (fills,
 * cancels, settlements) take the next sequence slot (`SEQ#<n>`, a put conditional on the slot being
 * free); an entry's own fill, claim changes and events written before slots are `EVENT#<eventId>`. Open
 * positions carry the sparse `openFlag` attribute indexed by `open-positions`; orders, events and
 * closed position records carry `orderStream` (`ORDER`, `EVENT`, `CLOSED`) and `time` for
 * `orders-by-time`.
 */
export class DynamoPaperOrderStore extends PaperOrderStore {
  /** Claims and the reservation book: `CAP#<key>` items of the same table (see DynamoClaimStore). */
  readonly claims: DynamoClaimStore;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {
    super();
    this.claims = new DynamoClaimStore(doc, table);
  }

  /** The position's partition in one query (record, orders and events), every page. */
  protected async readPartition(positionId: string): Promise<PositionPartition> {
    const items = await this.queryPages({
      KeyConditionExpression: "pk = :p",
      ExpressionAttributeValues: { ":p": positionId },
      ConsistentRead: true,
    });
    const part: PositionPartition = { position: null, orders: [], events: [], seq: 0 };
    for (const item of items) {
      const sk = String(item.sk);
      if (sk === POSITION_SK) part.position = this.toPosition(item);
      else if (sk.startsWith("ORDER#")) part.orders.push(this.toOrder(item));
      else if (sk.startsWith(EVENT_PREFIX)) part.events.push(this.toEvent(item));
      else if (sk.startsWith(SEQ_PREFIX)) {
        part.events.push(this.toEvent(item));
        part.seq = Math.max(part.seq, Number(sk.slice(SEQ_PREFIX.length)));
      }
    }
    part.orders.sort((a, b) => a.time - b.time);
    return part;
  }

  protected async listOpenRecords(): Promise<PositionRecord[]> {
    return (await this.queryAll("open-positions", "openFlag", OPEN, true)).map((i) => this.toPosition(i));
  }

  /** Closed records (`CLOSED` stream) and close orders (records from before it), through `orders-by-time`. */
  protected async closedPositionIds(since: number): Promise<string[]> {
    const closed = await this.queryAll("orders-by-time", "orderStream", CLOSED_STREAM, false, since);
    const orders = await this.queryAll("orders-by-time", "orderStream", ORDER_STREAM, false, since);
    const closes = orders.filter((o) => o.kind === "close");
    return [...new Set([...closed, ...closes].map((i) => String(i.positionId)))];
  }

  protected insertEvent(event: LedgerEvent): Promise<boolean> {
    return this.putNew({
      ...event,
      pk: event.positionId,
      sk: `${EVENT_PREFIX}${event.eventId}`,
      orderStream: EVENT_STREAM,
      time: event.at,
    });
  }

  protected insertEventAt(event: LedgerEvent, seq: number): Promise<boolean> {
    return this.putNew({
      ...event,
      pk: event.positionId,
      sk: seqSk(seq),
      orderStream: EVENT_STREAM,
      time: event.at,
    });
  }

  async listRecentOrders(limit: number): Promise<OrderRecord[]> {
    const res = await storeCall(this.table, { orderStream: ORDER_STREAM }, () =>
      this.doc.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: "orders-by-time",
          KeyConditionExpression: "orderStream = :s",
          ExpressionAttributeValues: { ":s": ORDER_STREAM },
          ScanIndexForward: false,
          Limit: limit,
        }),
      ),
    );
    return (res.Items ?? []).map((i) => this.toOrder(i));
  }

  async ordersOf(positionId: string): Promise<OrderRecord[]> {
    const res = await storeCall(this.table, { pk: positionId }, () =>
      this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: "pk = :p AND begins_with(sk, :o)",
          ExpressionAttributeValues: { ":p": positionId, ":o": "ORDER#" },
          ConsistentRead: true,
        }),
      ),
    );
    return (res.Items ?? []).map((i) => this.toOrder(i)).sort((a, b) => a.time - b.time);
  }

  async getOrder(orderId: string): Promise<OrderRecord | null> {
    const at = orderId.indexOf(":");
    const positionId = orderId.slice(0, Math.max(0, at));
    const kind = orderId.slice(at + 1).split("|")[0];
    if (!positionId || (kind !== "open" && kind !== "close")) return null;
    const key = { pk: positionId, sk: orderSk(orderId) };
    const res = await storeCall(this.table, key, () =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true })),
    );
    return res.Item ? this.toOrder(res.Item) : null;
  }

  protected insertOrder(order: OrderRecord): Promise<boolean> {
    return this.putNew({
      ...order,
      pk: order.positionId,
      sk: orderSk(order.orderId),
      orderStream: ORDER_STREAM,
    });
  }

  protected async insertPosition(position: PositionRecord): Promise<void> {
    await this.putNew({ ...position, pk: position.positionId, sk: POSITION_SK, openFlag: OPEN });
  }

  /** Puts an item unless its key exists; false when it did. */
  private putNew(item: Record<string, unknown> & { pk: string; sk: string }): Promise<boolean> {
    return putIfAbsent(this.doc, this.table, item, { pk: item.pk, sk: item.sk });
  }

  /** Overwrites a position record: open ones carry `openFlag`, closed ones `orderStream = CLOSED`. */
  protected async savePosition(position: PositionRecord): Promise<void> {
    const key = { pk: position.positionId, sk: POSITION_SK };
    const index =
      position.status === "open"
        ? { openFlag: OPEN }
        : { orderStream: CLOSED_STREAM, time: position.closedAt ?? position.openedAt };
    await storeCall(this.table, key, () =>
      this.doc.send(new PutCommand({ TableName: this.table, Item: { ...position, ...key, ...index } })),
    );
  }

  async savePendingOrder(order: PendingOrder): Promise<void> {
    const key = pendingKey(order.id);
    await storeCall(this.table, key, () =>
      this.doc.send(new PutCommand({ TableName: this.table, Item: { ...order, ...key } })),
    );
  }

  async listPendingOrders(): Promise<PendingOrder[]> {
    const res = await storeCall(this.table, { pk: PENDING_PK }, () =>
      this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: "pk = :p",
          ExpressionAttributeValues: { ":p": PENDING_PK },
          ConsistentRead: true,
        }),
      ),
    );
    return (res.Items ?? [])
      .map(({ pk, sk, ...rest }) => parseItem(pendingOrderSchema, rest, this.table, { pk, sk }))
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  async deletePendingOrder(id: string): Promise<void> {
    const key = pendingKey(id);
    await storeCall(this.table, key, () =>
      this.doc.send(new DeleteCommand({ TableName: this.table, Key: key })),
    );
  }

  /** Every item of one index partition; with `since`, only those whose `time` is at or after it. */
  private queryAll(
    index: string,
    attr: string,
    value: string,
    forward: boolean,
    since?: number,
  ): Promise<Record<string, unknown>[]> {
    const after = since !== undefined && since > 0;
    return this.queryPages({
      IndexName: index,
      KeyConditionExpression: `${attr} = :v${after ? " AND #t >= :since" : ""}`,
      ExpressionAttributeValues: { ":v": value, ...(after ? { ":since": since } : {}) },
      ...(after ? { ExpressionAttributeNames: { "#t": "time" } } : {}),
      ScanIndexForward: forward,
    });
  }

  /** Every page of one query. */
  private async queryPages(
    input: Omit<ConstructorParameters<typeof QueryCommand>[0], "TableName" | "ExclusiveStartKey">,
  ): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await storeCall(this.table, { index: input.IndexName ?? "table" }, () =>
        this.doc.send(new QueryCommand({ ...input, TableName: this.table, ExclusiveStartKey: start })),
      );
      out.push(...(res.Items ?? []));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /** A `POSITION` item, keys stripped, parsed (a malformed one names table and key). */
  private toPosition(item: Record<string, unknown>): PositionRecord {
    const { pk, sk, openFlag: _o, orderStream: _s, time: _t, ...rest } = item;
    return parseItem(positionRecordSchema, rest, this.table, { pk, sk });
  }

  /** An `EVENT#…` or `SEQ#…` item, keys stripped, parsed (a malformed one names table and key). */
  private toEvent(item: Record<string, unknown>): LedgerEvent {
    const { pk, sk, orderStream: _o, time: _t, ...rest } = item;
    return parseItem(ledgerEventSchema, rest, this.table, { pk, sk });
  }

  /** An `ORDER#…` item, keys stripped, parsed (a malformed one names table and key). */
  private toOrder(item: Record<string, unknown>): OrderRecord {
    const { pk, sk, orderStream: _o, ...rest } = item;
    return parseItem(orderRecordSchema, rest, this.table, { pk, sk });
  }
}
