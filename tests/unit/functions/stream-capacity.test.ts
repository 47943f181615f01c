import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLog } from "@stratdeck/core/log";
import {
  outageCause,
  streamCapacityFallback,
  type ServiceEvent,
  type StreamCapacity,
  type StreamCapacityProvider,
  type StreamServiceState,
} from "@stratdeck/core/orchestrator";
import { EcsStreamCapacity } from "../../../packages/functions/src/shared/ecs-capacity";
import {
  CRASH_LOOP,
  CRASH_LOOP_ANSWER,
  NO_SPOT_CAPACITY,
  NO_SPOT_CAPACITY_ANSWER,
  READ_AT,
} from "./ecs-service-events";

/** A stand-in ECS service (ECS is mocked, as the brief allows). */
class FakeCapacity implements StreamCapacity {
  calls: string[] = [];
  constructor(public state: StreamServiceState) {}
  async describe() {
    return this.state;
  }
  async use(p: StreamCapacityProvider) {
    this.calls.push(p);
    this.state = { ...this.state, provider: p };
  }
  async start() {
    this.calls.push("start");
    this.state = { ...this.state, desiredCount: 1 };
  }
}

const IN_SESSION = READ_AT; // 11:00 New York
const BEFORE_OPEN = Date.parse("2026-12-02T14:00:00Z"); // 09:00 the next day
const AFTER_CLOSE = Date.parse("2026-12-01T21:10:00Z");
const spot = (events: readonly ServiceEvent[]): StreamServiceState => ({
  provider: "FARGATE_SPOT",
  desiredCount: 1,
  runningCount: 0,
  events,
});

describe("what the service's events say about an outage", () => {
  it("recorded events: no Spot capacity (placement refused, nothing started since)", () => {
    expect(outageCause(NO_SPOT_CAPACITY, READ_AT)).toBe("no-capacity");
  });

  it("recorded events: a crash loop (tasks started and failed; a capacity refusal earlier does not count)", () => {
    expect(outageCause(CRASH_LOOP, READ_AT)).toBe("crash-loop");
  });

  it("events older than the window or none at all say nothing", () => {
    expect(outageCause(NO_SPOT_CAPACITY, READ_AT + 2 * 3_600_000)).toBe("unknown");
    expect(outageCause([], READ_AT)).toBe("unknown");
  });
});

describe("Spot with an on-demand fallback only when Spot has no capacity", () => {
  it("moves to on-demand on no capacity in a session, back to Spot at the run before the next open", async () => {
    const capacity = new FakeCapacity(spot(NO_SPOT_CAPACITY));
    const deps = { capacity, log: memoryLog() };
    expect(await streamCapacityFallback(deps, IN_SESSION, false, true)).toBe("none");
    expect(await streamCapacityFallback(deps, IN_SESSION, true, true)).toBe("on-demand");
    expect(await streamCapacityFallback(deps, IN_SESSION, true, true)).toBe("none"); // already on-demand
    expect(await streamCapacityFallback(deps, AFTER_CLOSE, false, false)).toBe("none");
    expect(await streamCapacityFallback(deps, BEFORE_OPEN, false, false)).toBe("spot-restored");
    expect(capacity.calls).toEqual(["FARGATE", "FARGATE_SPOT"]);
  });

  it("leaves a crash loop on Spot (on-demand would fail the same way) and says why", async () => {
    const capacity = new FakeCapacity(spot(CRASH_LOOP));
    const log = memoryLog();
    expect(await streamCapacityFallback({ capacity, log }, IN_SESSION, true, true)).toBe("none");
    expect(capacity.calls).toEqual([]);
    expect(log.events("stream.capacity").at(-1)).toMatchObject({ cause: "crash-loop" });
  });

  it("starts the task when a deploy in the session left the desired count at 0", async () => {
    const capacity = new FakeCapacity({ ...spot([]), desiredCount: 0 });
    expect(await streamCapacityFallback({ capacity, log: memoryLog() }, IN_SESSION, true, true)).toBe(
      "started",
    );
    expect(capacity.calls).toEqual(["start"]);
  });

  it("reports a failed switch without throwing, and does nothing without the port", async () => {
    const broken: StreamCapacity = {
      describe: async () => spot(NO_SPOT_CAPACITY),
      use: async () => {
        throw new Error("AccessDenied");
      },
      start: async () => undefined,
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
  /** A whole DescribeServices answer to serve instead of the minimal one. */
  let answer: Record<string, unknown> | null = null;
  const server = createServer((req: IncomingMessage, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => {
      const target = String(req.headers["x-amz-target"]);
      const body = JSON.parse(text) as Record<string, unknown>;
      requests.push({ target, body, auth: String(req.headers.authorization) });
      if (target.endsWith(".DescribeServices") && answer) res.end(JSON.stringify(answer));
      else if (target.endsWith(".DescribeServices"))
        res.end(
          JSON.stringify({
            services: [
              {
                capacityProviderStrategy: [{ capacityProvider: strategy }],
                desiredCount: 1,
                runningCount: 0,
                events: [{ createdAt: 1764604800.123, message: "(service s) has reached a steady state." }],
              },
            ],
          }),
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
    expect(await ecs().describe()).toEqual({
      provider: "FARGATE_SPOT",
      desiredCount: 1,
      runningCount: 0,
      events: [{ createdAt: 1764604800123, message: "(service s) has reached a steady state." }],
    });
    strategy = "FARGATE";
    expect((await ecs().describe()).provider).toBe("FARGATE");
    await ecs().start();
    expect(requests.at(-1)?.body).toEqual({
      cluster: "stratdeck-cluster",
      service: "stream-svc",
      desiredCount: 1,
    });
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

  it("whole DescribeServices answers of the two outages, read through the adapter, give the decision", async () => {
    try {
      answer = NO_SPOT_CAPACITY_ANSWER;
      const noSpot = await ecs().describe();
      expect(noSpot).toMatchObject({ provider: "FARGATE_SPOT", desiredCount: 1, runningCount: 0 });
      // Epoch seconds with a fraction on the wire, ms here.
      expect(noSpot.events[0]!.createdAt).toBe(Date.parse("2026-12-01T15:58:41.209Z"));
      expect(outageCause(noSpot.events, READ_AT)).toBe("no-capacity");
      const moved = new FakeCapacity(noSpot);
      expect(await streamCapacityFallback({ capacity: moved, log: memoryLog() }, READ_AT, true, true)).toBe(
        "on-demand",
      );
      answer = CRASH_LOOP_ANSWER;
      const crashing = await ecs().describe();
      expect(outageCause(crashing.events, READ_AT)).toBe("crash-loop");
      const kept = new FakeCapacity(crashing);
      expect(await streamCapacityFallback({ capacity: kept, log: memoryLog() }, READ_AT, true, true)).toBe(
        "none",
      );
      expect(kept.calls).toEqual([]);
    } finally {
      answer = null;
    }
  });
});
