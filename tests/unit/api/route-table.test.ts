import { describe, expect, it } from "vitest";
import { handleApiRequest, MAX_ORDERS_LIMIT, type ApiResponse } from "@stratdeck/core/api";
import { EVERY_ROUTE, memoryApiDeps, request, TOKEN } from "./api-fixtures";

const errorOf = (r: ApiResponse) => (r.body as { error: { code: string; message: string } }).error;

describe("API route table: auth", () => {
  const deps = memoryApiDeps();
  const cases: [string, Record<string, string>][] = [
    ["no Authorization header", {}],
    ["a wrong token", { authorization: "Bearer wrong" }],
    ["the token with another scheme", { authorization: `Basic ${TOKEN}` }],
    ["a prefix of the token", { authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
  ];
  for (const [method, path] of [...EVERY_ROUTE, ["GET", "/no-such-route"] as [string, string]]) {
    for (const [label, headers] of cases) {
      it(`${method} ${path} with ${label} is 401 JSON`, async () => {
        const r = await handleApiRequest(deps, request(method, path, { headers }));
        expect(r.status).toBe(401);
        expect(r.headers["content-type"]).toMatch(/^application\/json/);
        expect(r.headers["www-authenticate"]).toBe("Bearer");
        expect(errorOf(r).code).toBe("unauthorized");
      });
    }
  }

  it("refuses everything when no token is configured", async () => {
    const r = await handleApiRequest(memoryApiDeps({ apiToken: "" }), request("GET", "/orders"));
    expect(r.status).toBe(401);
  });
});

describe("API route table: routing", () => {
  const deps = memoryApiDeps();

  it("404 for an unknown path", async () => {
    const r = await handleApiRequest(deps, request("GET", "/nope"));
    expect(r.status).toBe(404);
    expect(errorOf(r).code).toBe("not-found");
  });

  it("405 with Allow for a known path and another method", async () => {
    const r = await handleApiRequest(deps, request("POST", "/orders"));
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe("GET");
    const c = await handleApiRequest(deps, request("GET", "/positions/pos_1/close"));
    expect(c.status).toBe(405);
    expect(c.headers.allow).toBe("POST");
  });

  it("ignores a trailing slash and the method's case", async () => {
    const r = await handleApiRequest(deps, request("get", "/orders/"));
    expect(r.status).toBe(200);
  });
});

describe("API route table: bad requests name the field", () => {
  const deps = memoryApiDeps();
  const bad: [string, Parameters<typeof request>, RegExp][] = [
    ["a non-numeric limit", ["GET", "/orders", { query: { limit: "abc" } }], /^query\.limit: /],
    [
      "a limit over the maximum",
      ["GET", "/orders", { query: { limit: String(MAX_ORDERS_LIMIT + 1) } }],
      /^query\.limit: /,
    ],
    ["an unknown query parameter", ["GET", "/orders", { query: { limt: "5" } }], /^query: .*limt/],
    [
      "an unknown strategy",
      ["GET", "/ideas", { query: { strategy: "yolo" } }],
      /^query\.strategy: must be one of /,
    ],
    [
      "an unknown underlying",
      ["GET", "/ideas", { query: { underlying: "SPX,AAPL" } }],
      /^query\.underlying\.1: /,
    ],
    [
      "a body that is not JSON",
      ["POST", "/positions/pos_1/close", { body: "{nope" }],
      /^body: is not valid JSON/,
    ],
    [
      "a body field of the wrong type",
      ["POST", "/positions/pos_1/close", { body: '{"reason":5}' }],
      /^body\.reason: /,
    ],
    ["an unknown body field", ["POST", "/positions/pos_1/close", { body: '{"qty":1}' }], /^body: .*qty/],
    ["a malformed position id", ["POST", "/positions/pos%20x/close"], /^path\.id: /],
  ];
  for (const [label, args, message] of bad) {
    it(`400 for ${label}`, async () => {
      const [method, path, extra] = args;
      const base = request(method, path);
      const r = await handleApiRequest(deps, { ...base, ...extra, headers: base.headers });
      expect(r.status).toBe(400);
      expect(errorOf(r).code).toBe("bad-request");
      expect(errorOf(r).message).toMatch(message);
    });
  }
});

describe("API route table: errors", () => {
  it("500 without details when a use case throws, logged as api.error", async () => {
    const lines: string[] = [];
    const log = { ...memoryApiDeps().log, error: (e: string) => void lines.push(e) };
    const deps = memoryApiDeps({
      log,
      orders: Object.assign(memoryApiDeps().orders, {
        listRecentOrders: async () => {
          throw new Error("table is on fire");
        },
      }),
    });
    const r = await handleApiRequest(deps, request("GET", "/orders"));
    expect(r.status).toBe(500);
    expect(JSON.stringify(r.body)).not.toMatch(/fire/);
    expect(lines).toEqual(["api.error"]);
  });
});
