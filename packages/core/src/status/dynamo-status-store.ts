import * as z from "zod/mini";
import "../validation/zod-english";
import { parseItem } from "../storage/parse-item";
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Clock } from "../time/clock";
import { storeCall } from "../storage/dynamo-batch";
import { StatusStore, type StatusRecord } from "./status-store";

/** StatusStore on DynamoDB, keyed by `id`. */
export class DynamoStatusStore extends StatusStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    clock: Clock,
  ) {
    super(clock);
  }

  protected async save(rec: StatusRecord): Promise<void> {
    await storeCall(this.table, { id: rec.id }, () =>
      this.doc.send(new PutCommand({ TableName: this.table, Item: rec })),
    );
  }

  protected async load(id: string): Promise<StatusRecord | null> {
    const res = await storeCall(this.table, { id }, () =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: { id }, ConsistentRead: true })),
    );
    return res.Item ? parseItem(statusRecordSchema, res.Item, this.table, { id }) : null;
  }
}

const statusRecordSchema: z.ZodMiniType<StatusRecord> = z.looseObject({
  id: z.string(),
  data: z.record(z.string(), z.unknown()),
  updatedAt: z.number(),
});
