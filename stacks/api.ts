import { Api, use, type StackContext } from "sst/constructs";
import { Alerts } from "./alerts";
import { Secrets } from "./secrets";
import { Storage } from "./storage";
import { ALARM_PERIOD, alertAlarm } from "./support/alarms";
import { appFunction, type AppFunctionProps } from "./support/app-function";
import { LOG_RETENTION_SST } from "./support/logs";
import { strategyFiles } from "./support/strategy-files";

type RouteSpec = Pick<AppFunctionProps, "access" | "description"> & {
  file: string;
  /** The route calls tastytrade (REST fallback for prices): bind the tastytrade secrets. */
  tasty: boolean;
};

/**
 * Every route of the HTTP API and what its function may reach (least privilege: nothing else).
 * GET routes only read; their REST cooldowns are honoured but a 429 they meet is kept in the
 * container (cooldowns are written by the jobs, the stream task and POST routes).
 */
export const API_ROUTES: Readonly<Record<string, RouteSpec>> = {
  "GET /positions": {
    file: "positions",
    description: "Open positions marked to market",
    access: { orders: "read", snapshots: "read", cooldowns: "read" },
    tasty: true,
  },
  "GET /orders": {
    file: "orders",
    description: "Recent orders from the order log",
    access: { orders: "read" },
    tasty: false,
  },
  "GET /alerts": {
    file: "alerts",
    description: "Recent exit alerts",
    access: { alerts: "read" },
    tasty: false,
  },
  "GET /ideas": {
    file: "ideas",
    description: "The ideas job's latest report and its age (no scan per request), open duplicates marked",
    access: { status: "read", orders: "read" },
    tasty: false,
  },
  "POST /ideas/rescan": {
    file: "ideas-rescan",
    description: "Scan for ideas now and store the report (rate-limited: one a minute)",
    access: { status: "readwrite", snapshots: "read", cooldowns: "readwrite" },
    tasty: true,
  },
  "GET /health": {
    file: "health",
    description: "Health from the status store: last stored check, stream and job heartbeats",
    access: { status: "read" },
    tasty: false,
  },
  "GET /history": {
    file: "history",
    description: "Closed and settled positions with realised P&L, totals and the equity curve",
    access: { orders: "read" },
    tasty: false,
  },
  "POST /positions/{id}/close": {
    file: "close-position",
    description: "Close one paper position at the current fill model price",
    access: { orders: "readwrite", snapshots: "read", cooldowns: "readwrite" },
    tasty: true,
  },
  "POST /ideas/{id}/enter": {
    file: "enter-idea",
    description: "Enter one idea of the stored report (same guard, risk limits and fills as automatic entry)",
    access: { orders: "readwrite", status: "read", snapshots: "read", cooldowns: "readwrite" },
    tasty: true,
  },
  "GET /strategies/entry-modes": {
    file: "entry-modes",
    description: "Each strategy's entry mode (auto, manual, paused) and its source",
    access: { status: "read" },
    tasty: false,
  },
  "POST /strategies/{name}/entry-mode": {
    file: "entry-mode",
    description: "Switch a strategy's entry mode (stored in the status table)",
    access: { status: "readwrite" },
    tasty: false,
  },
};

/**
 * The phone-facing HTTP API. Every route goes through a Lambda authorizer that compares the bearer
 * token with the STRATDECK_API_TOKEN secret in constant time (cached 5 minutes per token); the
 * route handlers check it again through the shared core route table.
 */
export function HttpApi({ stack }: StackContext) {
  const { tables } = use(Storage);
  const secrets = use(Secrets);
  const strategies = strategyFiles();
  const { topic } = use(Alerts);
  const authorizer = appFunction(stack, "ApiAuthorizer", {
    handler: "packages/functions/src/api/authorizer.handler",
    description: "Bearer-token authorizer for the HTTP API",
    tables,
    access: {},
    secrets: [secrets.apiToken],
    timeout: "5 seconds",
  });
  const routes: Record<string, ReturnType<typeof appFunction>> = {};
  for (const [routeKey, spec] of Object.entries(API_ROUTES)) {
    const id = `Api${spec.file.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`;
    routes[routeKey] = appFunction(stack, id, {
      handler: `packages/functions/src/api/${spec.file}.handler`,
      description: spec.description,
      tables,
      access: spec.access,
      secrets: [
        secrets.apiToken,
        ...(spec.tasty ? [secrets.tastyClientSecret, secrets.tastyRefreshToken] : []),
      ],
      ...strategies,
      timeout: "25 seconds",
    });
  }
  const api = new Api(stack, "Api", {
    accessLog: { retention: LOG_RETENTION_SST },
    cors: {
      allowHeaders: ["authorization", "content-type"],
      allowMethods: ["GET", "POST"],
      allowOrigins: ["*"],
    },
    authorizers: {
      token: {
        type: "lambda",
        function: authorizer,
        responseTypes: ["simple"],
        identitySource: ["$request.header.Authorization"],
        resultsCacheTtl: "300 seconds",
      },
    },
    defaults: { authorizer: "token", throttle: { burst: 20, rate: 10 } },
    routes,
  });
  const serverErrors = alertAlarm(stack, "Api5xxAlarm", topic, {
    meaning: "The HTTP API answered 5xx (a route failed or its dependencies were unreachable)",
    metric: api.cdk.httpApi.metricServerError({ period: ALARM_PERIOD, statistic: "Sum" }),
  });
  stack.addOutputs({ ApiUrl: api.url });
  return { api, serverErrors };
}
