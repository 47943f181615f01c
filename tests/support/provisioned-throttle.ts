import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

type WriteRequest = { PutRequest?: { Item?: Record<string, unknown> } };
type BatchInput = { RequestItems?: Record<string, WriteRequest[]> };
type BatchOutput = { UnprocessedItems?: Record<string, WriteRequest[]> };

/** What the throttle did, for the test to check it really throttled. */
export interface ThrottleStats {
  /** BatchWriteItem calls seen for the metered table. */
  batches: number;
  /** Items handed back in UnprocessedItems. */
  unprocessed: number;
  /** Calls refused whole with ProvisionedThroughputExceededException. */
  refused: number;
  /** Items written through. */
  written: number;
}

/** The fault switch: a provisioned table's write capacity, metered on one client. */
export interface ProvisionedThrottle {
  stats: ThrottleStats;
  /** Off: every write goes through unmetered. */
  set(on: boolean): void;
}

/**
 * Meters BatchWriteItem on `table` as DynamoDB meters a provisioned table: a bucket of write
 * capacity units refilled at `wcuPerSecond` and holding at most `burstUnits` (DynamoDB banks up to
 * 300 s of unused capacity), one unit per item of up to 1 KB. Items beyond the bucket come back in
 * `UnprocessedItems`; a call of which none fit is refused with ProvisionedThroughputExceededException
 * (HTTP 400), as BatchWriteItem does. Installed as a middleware before serialization and signing, so
 * the engine behind (dynalite) sees only the items let through.
 */
export function throttleBatchWrites(
  doc: DynamoDBDocumentClient,
  table: string,
  capacity: { wcuPerSecond: number; burstUnits: number },
  now: () => number = () => performance.now(),
): ProvisionedThrottle {
  const stats: ThrottleStats = { batches: 0, unprocessed: 0, refused: 0, written: 0 };
  let on = true;
  let tokens = capacity.burstUnits;
  let refilledAt = now();
  const units = (w: WriteRequest) =>
    Math.max(1, Math.ceil(JSON.stringify(w.PutRequest?.Item ?? {}).length / 1024));
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as BatchInput;
      const requests = input.RequestItems?.[table];
      if (!on || !String(context.commandName).startsWith("BatchWrite") || !requests) return next(args);
      stats.batches++;
      const t = now();
      tokens = Math.min(capacity.burstUnits, tokens + ((t - refilledAt) / 1000) * capacity.wcuPerSecond);
      refilledAt = t;
      let fit = 0;
      while (fit < requests.length && tokens >= units(requests[fit]!)) tokens -= units(requests[fit++]!);
      if (fit === 0) {
        stats.refused++;
        throw Object.assign(
          new Error("The level of configured provisioned throughput for the table was exceeded."),
          {
            name: "ProvisionedThroughputExceededException",
            $fault: "client",
            $metadata: { httpStatusCode: 400 },
          },
        );
      }
      const rest = requests.slice(fit);
      stats.written += fit;
      stats.unprocessed += rest.length;
      const result = await next({
        ...args,
        input: { ...input, RequestItems: { ...input.RequestItems, [table]: requests.slice(0, fit) } },
      });
      if (rest.length > 0) {
        const output = result.output as BatchOutput;
        output.UnprocessedItems = {
          ...output.UnprocessedItems,
          [table]: [...(output.UnprocessedItems?.[table] ?? []), ...rest],
        };
      }
      return result;
    },
    { step: "serialize", priority: "high", name: "provisionedThrottle" },
  );
  return { stats, set: (v) => (on = v) };
}
