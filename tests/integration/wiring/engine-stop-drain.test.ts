import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { startDynalite } from "../../../packages/cli/src/local/engines";

const KEY = "sdstopdrainkey";

/** A ListTables request whose body is sent in two halves; resolves with the status and body. */
function slowListTables(endpoint: string): {
  finish(): void;
  reply: Promise<{ status: number; body: string }>;
} {
  const body = '{"Limit":10}';
  const req = request(`${endpoint}/`, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.0",
      "content-length": Buffer.byteLength(body),
      "x-amz-target": "DynamoDB_20120810.ListTables",
      "x-amz-date": "20261206T000000Z",
      authorization: `AWS4-HMAC-SHA256 Credential=${KEY}/20261206/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`,
    },
  });
  const reply = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on("response", (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
  });
  req.write(body.slice(0, 5));
  return { finish: () => req.end(body.slice(5)), reply };
}

describe("the embedded engine's stop", () => {
  it("lets a request already being handled finish before the store closes", async () => {
    const engine = await startDynalite({ accessKeyId: KEY, compactEveryMs: 0 });
    const slow = slowListTables(engine.endpoint);
    await new Promise((r) => setTimeout(r, 100));
    let stopped = false;
    const stopping = engine.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(stopped).toBe(false);
    slow.finish();
    const reply = await slow.reply;
    await stopping;
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ TableNames: [] });
  });
});
