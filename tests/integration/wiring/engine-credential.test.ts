import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocumentClient, type RunningEngine } from "@stratdeck/core/storage";
import { startDynalite } from "../../../packages/cli/src/local/engines";
import { newEngineKey } from "@stratdeck/core/wiring";

describe("embedded engine is not an open door", () => {
  const key = newEngineKey();
  let engine: RunningEngine;
  beforeAll(async () => {
    engine = await startDynalite({ accessKeyId: key });
  });
  afterAll(async () => engine.stop());

  it("listens on loopback and refuses any other access key", async () => {
    expect(engine.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const stranger = createDocumentClient({
      endpoint: engine.endpoint,
      localAccessKeyId: "local",
      maxAttempts: 1,
    });
    const err = await stranger.send(new ListTablesCommand({})).catch((e: unknown) => e);
    expect((err as Error).name).toBe("UnrecognizedClientException");
    const owner = createDocumentClient({ endpoint: engine.endpoint, localAccessKeyId: key });
    const ok = await owner.send(new ListTablesCommand({}));
    expect(ok.TableNames).toEqual([]);
    stranger.destroy();
    owner.destroy();
  });
});
