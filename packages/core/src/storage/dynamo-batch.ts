import {
  BatchGetCommand,
  BatchWriteCommand,
  PutCommand,
  type DynamoDBDocumentClient,
} from "@aws-sdk/lib-dynamodb";
import { backoffDelay, DEFAULT_RETRY, retryThrottled, type RetryPolicy } from "./retry";
import { StoreError, toStoreError } from "./store-error";

type Item = Record<string, unknown>;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Writes items with BatchWriteItem in chunks of 25, re-sending UnprocessedItems with backoff until
 * all are written. A throttled table that takes some items on each call is waited out (each call
 * is progress: the backoff starts again from its first delay); only calls that write nothing count
 * towards the policy's attempts, after which a throttled StoreError names how many are left.
 * Giving up on progress would leave a burst larger than the capacity re-sent whole by the caller,
 * so it would never catch up.
 */
export async function batchPutAll(
  doc: DynamoDBDocumentClient,
  table: string,
  items: readonly Item[],
  keyOf: (item: Item) => Record<string, unknown>,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let pending = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    // Consecutive calls that wrote nothing.
    let stalled = 0;
    for (let call = 0; pending.length > 0; call++) {
      if (stalled >= policy.attempts) {
        throw new StoreError(
          "throttled",
          table,
          keyOf(pending[0]?.PutRequest.Item ?? {}),
          `${pending.length} items left unprocessed`,
        );
      }
      if (call > 0) await sleep(backoffDelay(Math.max(0, stalled - 1), policy));
      const req = pending;
      const res = await retryThrottled(async () => {
        try {
          return await doc.send(new BatchWriteCommand({ RequestItems: { [table]: req } }));
        } catch (err) {
          throw toStoreError(err, table, keyOf(req[0]?.PutRequest.Item ?? {}));
        }
      }, policy);
      pending = (res.UnprocessedItems?.[table] ?? []).flatMap((w) =>
        w.PutRequest?.Item ? [{ PutRequest: { Item: w.PutRequest.Item } }] : [],
      );
      stalled = pending.length < req.length ? 0 : stalled + 1;
    }
  }
}

/** Reads items by key with BatchGetItem in chunks of 100, retrying UnprocessedKeys. */
export async function batchGetAll(
  doc: DynamoDBDocumentClient,
  table: string,
  keys: readonly Record<string, unknown>[],
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<Item[]> {
  const out: Item[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending = keys.slice(i, i + 100);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= policy.attempts)
        throw new StoreError("throttled", table, pending[0], "keys left unprocessed");
      if (attempt > 0) await sleep(backoffDelay(attempt - 1, policy));
      const req = pending;
      const res = await retryThrottled(async () => {
        try {
          return await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: [...req] } } }));
        } catch (err) {
          throw toStoreError(err, table, req[0]);
        }
      }, policy);
      out.push(...((res.Responses?.[table] ?? []) as Item[]));
      pending = (res.UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return out;
}

/** Runs one DocumentClient call with throttling retry and StoreError wrapping. */
export function storeCall<T>(
  table: string,
  key: Record<string, unknown> | undefined,
  op: () => Promise<T>,
): Promise<T> {
  return retryThrottled(async () => {
    try {
      return await op();
    } catch (err) {
      throw toStoreError(err, table, key);
    }
  });
}

/**
 * Puts an item only when no item with its key exists (a conditional write, never an overwrite).
 * True when written, false when the key was taken. `key` names the item's key attributes.
 */
export async function putIfAbsent(
  doc: DynamoDBDocumentClient,
  table: string,
  item: Record<string, unknown>,
  key: Record<string, unknown>,
): Promise<boolean> {
  const hashKey = Object.keys(key)[0];
  if (hashKey === undefined) throw new Error(`putIfAbsent on ${table}: empty key`);
  try {
    await storeCall(table, key, () =>
      doc.send(
        new PutCommand({
          TableName: table,
          Item: item,
          ConditionExpression: `attribute_not_exists(${hashKey})`,
        }),
      ),
    );
    return true;
  } catch (err) {
    if (err instanceof StoreError && err.kind === "conflict") return false;
    throw err;
  }
}
