import * as z from "zod/mini";
import "../validation/zod-english";
import { DeleteCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Clock } from "../time/clock";
import { parseItem } from "../storage/parse-item";
import { putIfAbsent, storeCall } from "../storage/dynamo-batch";
import { AlertStore, type AlertRecord } from "./alert-store";

const STREAM = "ALERT";

/** AlertStore on DynamoDB: conditional put on `alertKey`; history via the `alerts-by-time` index. */
export class DynamoAlertStore extends AlertStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    clock: Clock,
  ) {
    super(clock);
  }

  async release(alertKey: string): Promise<void> {
    await storeCall(this.table, { alertKey }, () =>
      this.doc.send(new DeleteCommand({ TableName: this.table, Key: { alertKey } })),
    );
  }

  async recent(limit: number): Promise<AlertRecord[]> {
    const res = await storeCall(this.table, { alertStream: STREAM }, () =>
      this.doc.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: "alerts-by-time",
          KeyConditionExpression: "alertStream = :s",
          ExpressionAttributeValues: { ":s": STREAM },
          ScanIndexForward: false,
          Limit: limit,
        }),
      ),
    );
    return (res.Items ?? []).map((i) => fromItem(i, this.table));
  }

  protected insertIfAbsent(alert: AlertRecord, expiresAt: number): Promise<boolean> {
    return putIfAbsent(
      this.doc,
      this.table,
      { ...alert, alertStream: STREAM, expiresAt },
      { alertKey: alert.alertKey },
    );
  }

  protected async load(alertKey: string): Promise<AlertRecord | null> {
    const res = await storeCall(this.table, { alertKey }, () =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: { alertKey }, ConsistentRead: true })),
    );
    return res.Item ? fromItem(res.Item, this.table) : null;
  }
}

const alertRecordSchema: z.ZodMiniType<AlertRecord> = z.looseObject({
  alertKey: z.string(),
  positionId: z.string(),
  rule: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
  sentAt: z.number(),
});

function fromItem(item: Record<string, unknown>, table: string): AlertRecord {
  const { alertStream: _s, expiresAt: _e, ...rest } = item;
  return parseItem(alertRecordSchema, rest, table, { alertKey: item.alertKey });
}
