import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLog, sdkLogger, type MemoryLogLine } from "@stratdeck/core/log";
import { createDocumentClient } from "@stratdeck/core/storage";

describe("SDK clients log through the project logger", () => {
  let server: Server;
  let endpoint: string;
  beforeAll(async () => {
    // Answers after 600 ms: past the client's 200 ms request timeout, which the SDK only warns about.
    server = createServer((_req, res) =>
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/x-amz-json-1.0" });
        res.end(JSON.stringify({ TableNames: [] }));
      }, 600),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("a @smithy/node-http-handler warning arrives as a structured aws-sdk.warn event, not console text", async () => {
    const lines: MemoryLogLine[] = [];
    const doc = createDocumentClient({
      endpoint,
      requestTimeoutMs: 200,
      maxAttempts: 1,
      logger: sdkLogger(memoryLog(lines)),
    });
    const warned: unknown[] = [];
    const original = console.warn;
    console.warn = (...a: unknown[]) => warned.push(a);
    try {
      await doc.send(new ListTablesCommand({}));
    } finally {
      console.warn = original;
      doc.destroy();
    }
    expect(warned).toEqual([]);
    const warn = lines.find((l) => l.event === "aws-sdk.warn");
    expect(warn?.level).toBe("warn");
    expect(String(warn?.fields.detail)).toContain("@smithy/node-http-handler");
    expect(String(warn?.fields.detail)).toContain("requestTimeout");
  });
});
