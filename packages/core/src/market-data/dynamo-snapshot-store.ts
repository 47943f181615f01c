import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Clock } from "../time/clock";
import { batchGetAll, batchPutAll } from "../storage/dynamo-batch";
import { parseItem } from "../storage/parse-item";
import { storedSnapshotSchema } from "./snapshot-schema";
import { SnapshotStore, type StoredSnapshot } from "./snapshot-store";

/** SnapshotStore on DynamoDB: BatchWriteItem / BatchGetItem keyed by `symbol`. */
export class DynamoSnapshotStore extends SnapshotStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    clock: Clock,
    ttlSeconds?: number,
  ) {
    super(clock, ttlSeconds);
  }

  protected async saveMany(records: readonly StoredSnapshot[]): Promise<void> {
    await batchPutAll(
      this.doc,
      this.table,
      records.map((r) => ({ ...r })),
      (i) => ({
        symbol: i.symbol,
      }),
    );
  }

  protected async loadMany(symbols: readonly string[]): Promise<Map<string, StoredSnapshot>> {
    const items = await batchGetAll(
      this.doc,
      this.table,
      symbols.map((symbol) => ({ symbol })),
    );
    return new Map(
      items.map((i) => {
        const s = parseItem(storedSnapshotSchema, i, this.table, { symbol: i.symbol });
        return [s.symbol, s];
      }),
    );
  }
}
