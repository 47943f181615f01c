import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as DynamoModule from "@aws-sdk/client-dynamodb";
import type * as SnsModule from "@aws-sdk/client-sns";

/** Every SDK client our code constructs, with the endpoint it was given (undefined = real AWS). */
const constructed = vi.hoisted(() => [] as Array<{ client: string; endpoint: unknown }>);

vi.mock("@aws-sdk/client-dynamodb", async (importOriginal) => {
  const orig = await importOriginal<typeof DynamoModule>();
  class RecordingDynamoDBClient extends orig.DynamoDBClient {
    constructor(...args: ConstructorParameters<typeof orig.DynamoDBClient>) {
      super(...args);
      constructed.push({ client: "DynamoDBClient", endpoint: args[0]?.endpoint });
    }
  }
  return { ...orig, DynamoDBClient: RecordingDynamoDBClient };
});
vi.mock("@aws-sdk/client-sns", async (importOriginal) => {
  const orig = await importOriginal<typeof SnsModule>();
  class RecordingSNSClient extends orig.SNSClient {
    constructor(...args: ConstructorParameters<typeof orig.SNSClient>) {
      super(...args);
      constructed.push({ client: "SNSClient", endpoint: args[0]?.endpoint });
    }
  }
  return { ...orig, SNSClient: RecordingSNSClient };
});

const { validateConfig } = await import("@stratdeck/core/config");
const { silentLog } = await import("@stratdeck/core/log");
const { startSimulator } = await import("@stratdeck/sim");
const { startDynalite } = await import("../../../packages/cli/src/local/engines");
const { buildDeps, AwsCredentialsMissingError } = await import("@stratdeck/core/wiring");

describe("storage follows an explicit choice", () => {
  const stateDir = mkdtempSync(join(tmpdir(), "stratdeck-storage-"));
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 4 });
  });
  afterAll(async () => {
    await sim.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it("live data mode with no AWS configuration uses the embedded engine and never constructs a real-AWS client", async () => {
    const r = validateConfig({
      STRATDECK_DATA_MODE: "live",
      STRATDECK_STATE_DIR: stateDir,
      TASTY_CLIENT_SECRET: "client-secret-x",
      TASTY_REFRESH_TOKEN: "refresh-token-x",
      TASTY_API_URL: sim.restUrl,
      STRATDECK_ALERT_TOPIC_ARN: "arn:aws:sns:us-east-1:123456789012:alerts",
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.config.storage).toBe("local");
    constructed.length = 0;
    const deps = await buildDeps(r.config, { log: silentLog, embeddedEngine: (o) => startDynalite(o) });
    try {
      expect(deps.endpoints.storage).toBe("embedded");
      expect(deps.endpoints.stateDir).toBe(stateDir);
      // The ideas path reads and writes the store: it works against the embedded engine.
      await deps.status.beat("probe", { ok: true });
      expect((await deps.status.read("probe"))?.data).toEqual({ ok: true });
    } finally {
      await deps.close();
    }
    const dynamo = constructed.filter((c) => c.client === "DynamoDBClient");
    expect(dynamo.length).toBeGreaterThan(0);
    for (const c of dynamo) expect(String(c.endpoint)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The alert topic is an explicit AWS choice of its own (SNS); no DynamoDB client went to AWS.
    expect(constructed.filter((c) => c.client === "DynamoDBClient" && c.endpoint === undefined)).toEqual([]);
  }, 60_000);

  it("AWS storage chosen without credentials fails once, naming what to set", async () => {
    const saved = { ...process.env };
    for (const k of Object.keys(process.env)) if (k.startsWith("AWS_")) delete process.env[k];
    Object.assign(process.env, {
      AWS_SHARED_CREDENTIALS_FILE: join(stateDir, "none-credentials"),
      AWS_CONFIG_FILE: join(stateDir, "none-config"),
      AWS_EC2_METADATA_DISABLED: "true",
    });
    try {
      const r = validateConfig({
        STRATDECK_STORAGE: "aws",
        STRATDECK_STATE_DIR: stateDir,
        TASTY_API_URL: sim.restUrl,
      });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      const err = await buildDeps(r.config, {
        log: silentLog,
        embeddedEngine: (o) => startDynalite(o),
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AwsCredentialsMissingError);
      expect((err as Error).message).toMatch(/AWS_PROFILE/);
      expect((err as Error).message).toMatch(/AWS_ACCESS_KEY_ID/);
      expect((err as Error).message).toMatch(/STRATDECK_STORAGE/);
    } finally {
      process.env = saved;
    }
  }, 30_000);

  it("STRATDECK_STORAGE is validated, and Lambda/ECS default to AWS", () => {
    const bad = validateConfig({ STRATDECK_STORAGE: "cloud" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.message).toMatch(/STRATDECK_STORAGE must be one of local, aws/);
    const lambda = validateConfig({ AWS_LAMBDA_FUNCTION_NAME: "fn" });
    expect(lambda.ok && lambda.config.storage).toBe("aws");
    const ecs = validateConfig({ ECS_CONTAINER_METADATA_URI_V4: "http://169.254.170.2/v4/x" });
    expect(ecs.ok && ecs.config.storage).toBe("aws");
    const laptop = validateConfig({});
    expect(laptop.ok && laptop.config.storage).toBe("local");
  });
});
