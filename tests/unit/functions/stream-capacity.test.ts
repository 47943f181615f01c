import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLog } from "@stratdeck/core/log";
import {
  streamCapacityFallback,
  type StreamCapacity,
  type StreamCapacityProvider,
} from "@stratdeck/core/orchestrator";
import { EcsStreamCapacity } from "../../../packages/functions/src/shared/ecs-capacity";

/** A stand-in ECS service (ECS is mocked, as the brief allows). */
class FakeCapacity implements StreamCapacity {
  calls: StreamCapacityProvider[] = [];
  constructor(public provider: StreamCapacityProvider) {}
  async current() {
    return this.provider;
  }
  async use(p: StreamCapacityProvider) {
    this.calls.push(p);
    this.provider = p;
  }
}

const IN_SESSION = Date.parse("2026-12-01T16:00:00Z"); // 11:00 New York
const BEFORE_OPEN = Date.parse("2026-12-02T14:00:00Z"); // 09:00 the next day
const AFTER_CLOSE = Date.parse("2026-12-01T21:10:00Z");

describe("Spot with an on-demand fallback", () => {
  it("moves to on-demand when the task is down in a session, back to Spot before the next open", async () => {
    const capacity = new FakeCapacity("FARGATE_SPOT");
    const deps = { capacity, log: memoryLog() };
    expect(await streamCapacityFallback(deps, IN_SESSION, false, true)).toBe("none");
    expect(await streamCapacityFallback(deps, IN_SESSION, true, true)).toBe("on-demand");
    expect(await streamCapacityFallback(deps, IN_SESSION, true, true)).toBe("none"); // already on-demand
    expect(await streamCapacityFallback(deps, AFTER_CLOSE, false, false)).toBe("none");
    expect(await streamCapacityFallback(deps, BEFORE_OPEN, false, false)).toBe("spot-restored");
    expect(capacity.calls).toEqual(["FARGATE", "FARGATE_SPOT"]);
  });

  it("reports a failed switch without throwing, and does nothing without the port", async () => {
    const broken: StreamCapacity = {
      current: async () => "FARGATE_SPOT",
      use: async () => {
        throw new Error("AccessDenied");
      },
    };
    const log = memoryLog();
    expect(await streamCapacityFallback({ capacity: broken, log }, IN_SESSION, true, true)).toBe("failed");
    expect(log.events("stream.capacity")).toHaveLength(1);
    expect(await streamCapacityFallback({ log }, IN_SESSION, true, true)).toBe("none");
  });
});

describe("ECS adapter", () => {
  const requests: { target: string; body: Record<string, unknown>; auth: string }[] = [];
  let strategy = "FARGATE_SPOT";
  const server = createServer((req: IncomingMessage, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => {
      const target = String(req.headers["x-amz-target"]);
      const body = JSON.parse(text) as Record<string, unknown>;
      requests.push({ target, body, auth: String(req.headers.authorization) });
      if (target.endsWith(".DescribeServices"))
        res.end(
          JSON.stringify({ services: [{ capacityProviderStrategy: [{ capacityProvider: strategy }] }] }),
        );
      else if (body.service === "missing") res.writeHead(400).end('{"__type":"ServiceNotFoundException"}');
      else res.end("{}");
    });
  });
  let endpoint = "";
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const ecs = (service = "stream-svc") =>
    new EcsStreamCapacity({
      cluster: "stratdeck-cluster",
      service,
      region: "us-east-1",
      credentials: { accessKeyId: "AKID", secretAccessKey: "secret" },
      endpoint,
    });

  it("reads the service's provider and moves it with a new deployment, signed with SigV4", async () => {
    expect(await ecs().current()).toBe("FARGATE_SPOT");
    strategy = "FARGATE";
    expect(await ecs().current()).toBe("FARGATE");
    await ecs().use("FARGATE");
    expect(requests.at(-1)).toMatchObject({
      target: "AmazonEC2ContainerServiceV20141113.UpdateService",
      body: {
        cluster: "stratdeck-cluster",
        service: "stream-svc",
        capacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }],
        forceNewDeployment: true,
      },
      auth: expect.stringMatching(/^AWS4-HMAC-SHA256 Credential=AKID\/\d{8}\/us-east-1\/ecs\/aws4_request/),
    });
    await expect(ecs("missing").use("FARGATE")).rejects.toThrow(/ECS UpdateService failed: HTTP 400/);
  });
});
