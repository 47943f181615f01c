import { parseOccSymbol, rootSpec } from "../market";
import type { RestRequest, Route } from "./context";
import { dataReply, HttpError, itemsReply } from "./envelope";
import { indexItem, optionItem } from "./market-data-json";
import { arrayParam } from "./query";

/** Instrument-type query keys of `/market-data/by-type`. */
const TYPE_KEYS = ["index", "equity", "equity-option", "future", "future-option", "cryptocurrency"] as const;
/** Combined symbol limit of one `/market-data/by-type` call. */
export const MAX_MARKET_DATA_SYMBOLS = 100;

function byTypeSymbols(req: RestRequest): Record<(typeof TYPE_KEYS)[number], string[]> {
  return Object.fromEntries(TYPE_KEYS.map((k) => [k, arrayParam(req.params, k)])) as Record<
    (typeof TYPE_KEYS)[number],
    string[]
  >;
}

/** The underlying of an option symbol, so a rate limit on `SPX` also covers its options. */
function withUnderlyings(symbols: string[]): string[] {
  return symbols.flatMap((s) => {
    const id = parseOccSymbol(s);
    const u = id ? rootSpec(id.root)?.u.symbol : undefined;
    return u ? [s, u] : [s];
  });
}

/** `GET /market-data/by-type?index=SPX&equity-option=…` (at most 100 symbols combined). */
export const marketDataByType: Route = {
  method: "GET",
  pattern: /^\/market-data\/by-type$/,
  auth: true,
  touches: (req) => withUnderlyings(Object.values(byTypeSymbols(req)).flat()),
  handle(req, _m, ctx) {
    const byType = byTypeSymbols(req);
    const total = Object.values(byType).reduce((n, l) => n + l.length, 0);
    if (total > MAX_MARKET_DATA_SYMBOLS) {
      throw new HttpError(
        400,
        "validation_error",
        `At most ${MAX_MARKET_DATA_SYMBOLS} symbols per request, got ${total}`,
        [{ domain: "symbols", reason: `must be at most ${MAX_MARKET_DATA_SYMBOLS} symbols combined` }],
      );
    }
    if (total === 0) {
      throw new HttpError(400, "validation_error", "No symbols given", [
        { domain: "symbols", reason: `give at least one of ${TYPE_KEYS.join(", ")}` },
      ]);
    }
    const now = ctx.clock.now();
    const items = [
      ...byType.index.map((s) => indexItem(ctx.market, s, now)),
      ...byType["equity-option"].map((s) => optionItem(ctx.market, s, now)),
    ].filter((i) => i !== undefined);
    return itemsReply(items, "/market-data/by-type");
  },
};

/** `GET /market-data/{Index|Equity Option}/{symbol}`: one item. */
export const marketDataSingle: Route = {
  method: "GET",
  pattern: /^\/market-data\/([^/]+)\/([^/]+)$/,
  auth: true,
  touches: (_req, m) => withUnderlyings([m[1] ?? ""]),
  handle(_req, m, ctx) {
    const [type = "", symbol = ""] = m;
    const now = ctx.clock.now();
    const t = type.toLowerCase().replace(/[\s-]+/g, "");
    const item =
      t === "index"
        ? indexItem(ctx.market, symbol, now)
        : t === "equityoption"
          ? optionItem(ctx.market, symbol, now)
          : undefined;
    if (item === undefined)
      throw new HttpError(404, "record_not_found", `No market data for ${type} ${symbol}`);
    return dataReply(item, `/market-data/${type}/${symbol}`);
  },
};
