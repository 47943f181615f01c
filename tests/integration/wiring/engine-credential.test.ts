import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { CreateTableCommand, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { SignatureV4 } from "@smithy/signature-v4";

type SourceData = string | ArrayBuffer | ArrayBufferView;
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocumentClient, type RunningEngine } from "@stratdeck/core/storage";
import { startDynalite } from "../../../packages/cli/src/local/engines";
import { newEngineKey, newEngineSecret } from "@stratdeck/core/wiring";

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

/** SHA-256 (or HMAC-SHA256 with a secret) for @smithy/signature-v4, from node:crypto. */
class NodeSha256 {
  private readonly h: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.h = secret ? createHmac("sha256", Buffer.from(secret as Uint8Array)) : createHash("sha256");
  }
  update(data: SourceData): void {
    this.h.update(typeof data === "string" ? data : Buffer.from(data as Uint8Array));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.h.digest());
  }
}

describe("embedded engine verifies the request signature, not only the key id", () => {
  const key = newEngineKey();
  const secret = newEngineSecret();
  let engine: RunningEngine;
  beforeAll(async () => {
    engine = await startDynalite({ accessKeyId: key, secretAccessKey: secret });
  });
  afterAll(async () => engine.stop());

  it("refuses the right key id signed with another secret, and a signed body changed afterwards", async () => {
    const guess = createDocumentClient({
      endpoint: engine.endpoint,
      localAccessKeyId: key,
      localSecretAccessKey: "local",
      maxAttempts: 1,
    });
    const err = await guess.send(new ListTablesCommand({})).catch((e: unknown) => e);
    expect((err as Error).name).toBe("InvalidSignatureException");
    guess.destroy();

    const url = new URL(engine.endpoint);
    const signer = new SignatureV4({
      credentials: { accessKeyId: key, secretAccessKey: secret },
      region: "us-east-1",
      service: "dynamodb",
      sha256: NodeSha256,
    });
    const signed = await signer.sign({
      method: "POST",
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: "/",
      headers: {
        host: url.host,
        "content-type": "application/x-amz-json-1.0",
        "x-amz-target": "DynamoDB_20120810.ListTables",
      },
      body: "{}",
    });
    const send = (body: string): Promise<Response> =>
      fetch(engine.endpoint, { method: "POST", headers: signed.headers, body });
    const honest = await send("{}");
    expect(honest.status).toBe(200);
    const tampered = await send('{"Limit":1}');
    expect(tampered.status).toBe(403);
    expect(((await tampered.json()) as { __type: string }).__type).toContain("InvalidSignatureException");
  });

  it("serves the owner's signed requests, bodies intact", async () => {
    const owner = createDocumentClient({
      endpoint: engine.endpoint,
      localAccessKeyId: key,
      localSecretAccessKey: secret,
    });
    await owner.send(
      new CreateTableCommand({
        TableName: "sig-test",
        KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
        AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
        BillingMode: "PAY_PER_REQUEST",
      }),
    );
    await owner.send(new PutCommand({ TableName: "sig-test", Item: { id: "a", note: "é ✓".repeat(2000) } }));
    const got = await owner.send(new GetCommand({ TableName: "sig-test", Key: { id: "a" } }));
    expect(got.Item).toEqual({ id: "a", note: "é ✓".repeat(2000) });
    owner.destroy();
  });
});
