import * as z from "zod/mini";
import "../validation/zod-english";
import { parseItem } from "../storage/parse-item";
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Clock } from "../time/clock";
import { storeCall } from "../storage/dynamo-batch";
import { CooldownStore, type StoredCooldown } from "./cooldown-store";

/** CooldownStore on DynamoDB, keyed by `symbol`. */
export class DynamoCooldownStore extends CooldownStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    clock: Clock,
  ) {
    super(clock);
  }

  protected async save(rec: StoredCooldown): Promise<void> {
    await storeCall(this.table, { symbol: rec.symbol }, () =>
      this.doc.send(new PutCommand({ TableName: this.table, Item: rec })),
    );
  }

  protected async load(symbol: string): Promise<StoredCooldown | null> {
    const res = await storeCall(this.table, { symbol }, () =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: { symbol }, ConsistentRead: true })),
    );
    return res.Item ? parseItem(storedCooldownSchema, res.Item, this.table, { symbol }) : null;
  }
}

const storedCooldownSchema: z.ZodMiniType<StoredCooldown> = z.looseObject({
  symbol: z.string(),
  until: z.number(),
  reason: z.string(),
  setAt: z.number(),
  expiresAt: z.number(),
});
