import { PaperVenue, venuesOf } from "@stratdeck/core/venues";
import { readFileSync } from "node:fs";
import type { ApiDeps, ApiRequest } from "@stratdeck/core/api";
import { validateConfig, type AppConfig } from "@stratdeck/core/config";
import { silentLog } from "@stratdeck/core/log";
import type { MarketDataProvider } from "@stratdeck/core/market-data";
import { MemoryPaperOrderStore } from "@stratdeck/core/ledger";
import { MemoryAlertStore } from "@stratdeck/core/alerts";
import { MemoryStatusStore } from "@stratdeck/core/status";
import { parseStrategiesYaml } from "@stratdeck/core/strategies";
import type { HealthJobDeps } from "@stratdeck/core/orchestrator";
import { FakeClock } from "@stratdeck/core/time";

/** The bearer token the fixtures expect. */
export const TOKEN = "test-token-0123456789abcdef";

/** Wednesday 2026-11-25 10:00 New York: a regular session. */
export const MARKET_OPEN_AT = "2026-11-25T15:00:00Z";

/** A provider with no market at all: every price and quote is missing. */
export const emptyProvider: MarketDataProvider = {
  getUnderlyingPrice: async () => ({ price: null, source: "none", skipped: ["fixture: no market"] }),
  getQuotes: async () => new Map(),
  getChain: async (u) => {
    throw new Error(`fixture: no chain for ${u}`);
  },
  getMetrics: async (u) => ({ symbol: u }),
};

/** Memory-backed deps for the whole route table (and the jobs), with the default config. */
export function memoryApiDeps(
  overrides: Partial<ApiDeps & HealthJobDeps> = {},
): ApiDeps & Pick<HealthJobDeps, "rest" | "probe"> & { config: AppConfig } {
  const clock = new FakeClock(MARKET_OPEN_AT);
  const parsed = validateConfig({});
  if (!parsed.ok) throw new Error("default config must be valid");
  return {
    apiToken: TOKEN,
    log: silentLog,
    clock,
    orders: new MemoryPaperOrderStore(),
    provider: emptyProvider,
    strategies: parseStrategiesYaml(readFileSync("strategies.yaml", "utf8")),
    status: new MemoryStatusStore(clock),
    alerts: new MemoryAlertStore(clock),
    rest: null,
    venues: venuesOf(new PaperVenue()),
    probe: async () => ({ ok: false, error: "fixture: no DXLink" }),
    ...overrides,
    config: parsed.config,
  };
}

/** A request with the fixture token unless `headers` says otherwise. */
export function request(method: string, path: string, extra: Partial<ApiRequest> = {}): ApiRequest {
  return { method, path, headers: { authorization: `Bearer ${TOKEN}` }, query: {}, ...extra };
}

/** Every route of the table as (method, concrete path). */
export const EVERY_ROUTE: readonly [string, string][] = [
  ["GET", "/positions"],
  ["GET", "/orders"],
  ["GET", "/alerts"],
  ["GET", "/ideas"],
  ["GET", "/health"],
  ["GET", "/history"],
  ["POST", "/positions/pos_0123456789abcdef0123/close"],
  ["POST", "/ideas/x/enter"],
  ["GET", "/strategies/entry-modes"],
  ["POST", "/strategies/short_put_spread_index_45d/entry-mode"],
];
