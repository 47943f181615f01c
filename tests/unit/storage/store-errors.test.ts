import { describe, expect, it } from "vitest";
import { retryThrottled, StoreError, toStoreError, createDocumentClient } from "@stratdeck/core/storage";
import { DynamoSnapshotStore } from "@stratdeck/core/market-data";
import { FakeClock } from "@stratdeck/core/time";

describe("storage errors", () => {
  it("classifies SDK errors into typed StoreErrors naming table and key", () => {
    const e = toStoreError(
      Object.assign(new Error("slow down"), { name: "ProvisionedThroughputExceededException" }),
      "stratdeck-orders",
      { pk: "pos_1" },
    );
    expect(e).toBeInstanceOf(StoreError);
    expect(e.kind).toBe("throttled");
    expect(e.message).toBe(
      'stratdeck-orders {"pk":"pos_1"}: ProvisionedThroughputExceededException: slow down',
    );
    expect(
      toStoreError(Object.assign(new Error("x"), { name: "ConditionalCheckFailedException" }), "t").kind,
    ).toBe("conflict");
    expect(toStoreError(Object.assign(new Error("x"), { code: "ECONNREFUSED" }), "t").kind).toBe(
      "unavailable",
    );
  });

  it("retries throttling with backoff and then succeeds", async () => {
    let calls = 0;
    const delays: number[] = [];
    const result = await retryThrottled(
      async () => {
        calls++;
        if (calls < 3) throw new StoreError("throttled", "t", undefined, "throttled");
        return "ok";
      },
      { attempts: 5, baseDelayMs: 10, maxDelayMs: 100 },
      async (ms) => void delays.push(ms),
    );
    expect(result).toBe("ok");
    expect(calls).toBe(3);
    expect(delays).toHaveLength(2);
  });

  it("gives up after the policy's attempts and does not retry other errors", async () => {
    let calls = 0;
    await expect(
      retryThrottled(
        async () => {
          calls++;
          throw new StoreError("throttled", "t", undefined, "throttled");
        },
        { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
        async () => undefined,
      ),
    ).rejects.toThrow(/throttled/);
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      retryThrottled(async () => {
        calls++;
        throw new StoreError("conflict", "t", undefined, "c");
      }),
    ).rejects.toThrow();
    expect(calls).toBe(1);
  });

  it("surfaces an unreachable engine as an 'unavailable' StoreError naming the table", async () => {
    const doc = createDocumentClient({
      endpoint: "http://127.0.0.1:9",
      maxAttempts: 1,
      requestTimeoutMs: 500,
    });
    const store = new DynamoSnapshotStore(doc, "stratdeck-snapshots", new FakeClock(0));
    const err = await store.get("SPX", { maxAgeMs: 1000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).kind).toBe("unavailable");
    expect((err as StoreError).table).toBe("stratdeck-snapshots");
  });
});
