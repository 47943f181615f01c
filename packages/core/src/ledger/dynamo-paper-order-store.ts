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

const POSITION_SK = "POSITION";
const ORDER_STREAM = "ORDER";
const OPEN = "OPEN";

const orderSk = (kind: OrderRecord["kind"]): string => `ORDER#${kind}`;
/** Pending broker orders: one partition (`PENDING`), outside both indexes. */
const PENDING_PK = "PENDING";
const pendingKey = (id: string) => ({ pk: PENDING_PK, sk: `ORDER#${id}` });

/**
 * PaperOrderStore on one DynamoDB table: each position is a partition holding its orders
 * (`ORDER#open`, `ORDER#close`) and its `POSITION` record. Open positions carry the sparse
 * `openFlag` attribute indexed by `open-positions`; all orders carry `orderStream` for
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

  async getPosition(positionId: string): Promise<PositionRecord | null> {
    const key = { pk: positionId, sk: POSITION_SK };
    const res = await storeCall(this.table, key, () =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true })),
    );
    return res.Item ? this.toPosition(res.Item) : null;
  }

  async listOpenPositions(): Promise<PositionRecord[]> {
    return (await this.queryAll("open-positions", "openFlag", OPEN, true)).map((i) => this.toPosition(i));
  }

  /** Close orders through `orders-by-time` (never a scan), then each position by key. */
  async listClosedPositions(): Promise<PositionRecord[]> {
    const closes = (await this.queryAll("orders-by-time", "orderStream", ORDER_STREAM, false)).filter(
      (o) => o.kind === "close",
    );
    const out: PositionRecord[] = [];
    for (const o of closes) {
      const p = await this.getPosition(String(o.positionId));
      if (p?.status === "closed") out.push(p);
    }
    return out;
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
    const [positionId, kind] = orderId.split(":");
    if (!positionId || (kind !== "open" && kind !== "close")) return null;
    const key = { pk: positionId, sk: orderSk(kind) };
    const res = await storeCall(this.table, key, () =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true })),
    );
    return res.Item ? this.toOrder(res.Item) : null;
  }

  protected insertOrder(order: OrderRecord): Promise<boolean> {
    return this.putNew({
      ...order,
      pk: order.positionId,
      sk: orderSk(order.kind),
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

  protected async markClosed(position: PositionRecord): Promise<void> {
    const key = { pk: position.positionId, sk: POSITION_SK };
    // Overwrite without `openFlag`, which removes the position from the sparse open index.
    await storeCall(this.table, key, () =>
      this.doc.send(new PutCommand({ TableName: this.table, Item: { ...position, ...key } })),
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

  private async queryAll(
    index: string,
    attr: string,
    value: string,
    forward: boolean,
  ): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await storeCall(this.table, { [attr]: value }, () =>
        this.doc.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: index,
            KeyConditionExpression: `${attr} = :v`,
            ExpressionAttributeValues: { ":v": value },
            ScanIndexForward: forward,
            ExclusiveStartKey: start,
          }),
        ),
      );
      out.push(...(res.Items ?? []));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /** A `POSITION` item, keys stripped, parsed (a malformed one names table and key). */
  private toPosition(item: Record<string, unknown>): PositionRecord {
    const { pk, sk, openFlag: _o, ...rest } = item;
    return parseItem(positionRecordSchema, rest, this.table, { pk, sk });
  }

  /** An `ORDER#…` item, keys stripped, parsed (a malformed one names table and key). */
  private toOrder(item: Record<string, unknown>): OrderRecord {
    const { pk, sk, orderStream: _o, ...rest } = item;
    return parseItem(orderRecordSchema, rest, this.table, { pk, sk });
  }
}
