import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ROUTES, ordersRoute, closePositionRoute } from "@stratdeck/core/api";
import { silentLog } from "@stratdeck/core/log";
import { routeHandler } from "../../../packages/functions/src/api/route-handler";
import { memoryApiDeps, TOKEN } from "../api/api-fixtures";
import { seed } from "../ledger/fake-market";
import { httpApiEvent } from "./fixtures";

const HANDLER_FILES: Record<string, string> = {
  "GET /positions": "positions",
  "GET /orders": "orders",
  "GET /alerts": "alerts",
  "GET /ideas": "ideas",
  "POST /ideas/rescan": "ideas-rescan",
  "GET /health": "health",
  "GET /history": "history",
  "POST /positions/{id}/close": "close-position",
  "POST /ideas/{id}/enter": "enter-idea",
  "GET /strategies/entry-modes": "entry-modes",
  "POST /strategies/{name}/entry-mode": "entry-mode",
};

type Result = { statusCode?: number; headers?: Record<string, unknown>; body?: string };
const json = (r: Result) =>
  JSON.parse(r.body ?? "null") as Record<string, unknown> & { error: { code: string; message: string } };

describe("API Lambda handlers (exported): 401 before any deps are built", () => {
  const saved = process.env.STRATDECK_API_TOKEN;
  beforeAll(() => {
    process.env.STRATDECK_API_TOKEN = TOKEN;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.STRATDECK_API_TOKEN;
    else process.env.STRATDECK_API_TOKEN = saved;
  });

  for (const route of API_ROUTES) {
    const key = `${route.method} ${route.pattern}`;
    const path = route.pattern
      .replace("{id}", "pos_0123456789abcdef0123")
      .replace("{name}", "short_put_spread_index_45d");
    for (const [label, headers] of [
      ["no token", {}],
      ["a wrong token", { authorization: "Bearer nope" }],
    ] as const) {
      it(`${key} with ${label}: 401 JSON`, async () => {
        const mod = (await import(`../../../packages/functions/src/api/${HANDLER_FILES[key]}.ts`)) as {
          handler: (e: unknown) => Promise<Result>;
        };
        const r = await mod.handler(httpApiEvent(route.method, path, { headers }));
        expect(r.statusCode).toBe(401);
        expect(r.headers?.["www-authenticate"]).toBe("Bearer");
        expect(json(r)).toMatchObject({ error: { code: "unauthorized" } });
      });
    }
  }
});

describe("API Lambda handler mapping (memory deps)", () => {
  const auth = { authorization: `Bearer ${TOKEN}` };
  const handlerOf = <D>(route: Parameters<typeof routeHandler<D>>[0], deps: D) =>
    routeHandler(route, { deps: async () => deps, log: silentLog, apiToken: async () => TOKEN });

  it("maps query parameters and returns the route's JSON", async () => {
    const deps = memoryApiDeps();
    await seed(deps.orders, 1.45);
    const r = await handlerOf(
      ordersRoute,
      deps,
    )(httpApiEvent("GET", "/orders", { headers: auth, query: { limit: "5" } }));
    expect(r.statusCode).toBe(200);
    expect(r.headers?.["content-type"]).toMatch(/^application\/json/);
    expect((json(r).orders as unknown[]).length).toBe(1);
  });

  it("decodes a base64 body and names the bad field in a 400", async () => {
    const h = handlerOf(closePositionRoute, memoryApiDeps());
    const r = await h(
      httpApiEvent("POST", "/positions/pos_1/close", {
        headers: auth,
        body: '{"reason":"Not OK"}',
        base64: true,
      }),
    );
    expect(r.statusCode).toBe(400);
    expect(json(r).error.message).toMatch(/^body\.reason: /);
  });

  it("400 for an event that is not an HTTP API v2 event", async () => {
    const r = await handlerOf(ordersRoute, memoryApiDeps())({ rawPath: "/orders" });
    expect(r.statusCode).toBe(400);
    expect(json(r).error.message).toMatch(/event\.requestContext/);
  });

  it("a function serves only its own route", async () => {
    const r = await handlerOf(
      ordersRoute,
      memoryApiDeps(),
    )(httpApiEvent("GET", "/positions", { headers: auth }));
    expect(r.statusCode).toBe(404);
  });

  it("503 JSON when the deps cannot be built", async () => {
    const h = routeHandler(ordersRoute, {
      deps: async () => {
        throw new Error("TASTY_CLIENT_SECRET is required");
      },
      log: silentLog,
      apiToken: async () => TOKEN,
    });
    const r = await h(httpApiEvent("GET", "/orders", { headers: auth }));
    expect(r.statusCode).toBe(503);
    expect(r.body).not.toMatch(/TASTY/);
  });
});
