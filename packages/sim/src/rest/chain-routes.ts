import { listChain, occSymbol, parseOccSymbol, rootSpec, underlyingSpec, type SimChain } from "../market";
import type { RestContext, Route } from "./context";
import { dataReply, HttpError, itemsReply } from "./envelope";
import { compactChainItems, flatChainItems, nestedChainItems, optionJson } from "./chain-json";

function chainOf(symbol: string, ctx: RestContext): SimChain {
  const spec = underlyingSpec(symbol);
  if (!spec) throw new HttpError(404, "not_found", `No option chain for ${symbol}`);
  const now = ctx.clock.now();
  return listChain(spec, ctx.market.spotAt(spec.symbol, now), now);
}

const touchesSymbol = (_req: unknown, m: string[]): string[] => [m[0] ?? ""];

/** `GET /option-chains/{symbol}/nested` */
export const nestedChain: Route = {
  method: "GET",
  pattern: /^\/option-chains\/([^/]+)\/nested$/,
  auth: true,
  touches: touchesSymbol,
  handle(_req, m, ctx) {
    const symbol = m[0] ?? "";
    return itemsReply(nestedChainItems(chainOf(symbol, ctx)), `/option-chains/${symbol}/nested`);
  },
};

/** `GET /option-chains/{symbol}`: every contract, flat. */
export const flatChain: Route = {
  method: "GET",
  pattern: /^\/option-chains\/([^/]+)$/,
  auth: true,
  touches: touchesSymbol,
  handle(_req, m, ctx) {
    const symbol = m[0] ?? "";
    return itemsReply(flatChainItems(chainOf(symbol, ctx)), `/option-chains/${symbol}`);
  },
};

/** `GET /option-chains/{symbol}/compact`: OCC and streamer symbols per root and expiration type. */
export const compactChain: Route = {
  method: "GET",
  pattern: /^\/option-chains\/([^/]+)\/compact$/,
  auth: true,
  touches: touchesSymbol,
  handle(_req, m, ctx) {
    const symbol = m[0] ?? "";
    return itemsReply(compactChainItems(chainOf(symbol, ctx)), `/option-chains/${symbol}/compact`);
  },
};

/**
 * `GET /instruments/equity-options/{occ}`: one contract of today's chain (tastyware
 * `Option.get`, instruments.py; @tastytrade/api `getSingleEquityOption`). The symbol must be the
 * padded OCC form; an unlisted or unpadded one is a 404 like any unknown instrument.
 */
export const equityOption: Route = {
  method: "GET",
  pattern: /^\/instruments\/equity-options\/([^/]+)$/,
  auth: true,
  touches: (_req, m) => [m[0] ?? ""],
  handle(_req, m, ctx) {
    const symbol = m[0] ?? "";
    const id = parseOccSymbol(symbol);
    const spec = id ? rootSpec(id.root) : undefined;
    const notFound = new HttpError(404, "record_not_found", `No equity option ${JSON.stringify(symbol)}`);
    if (!id || !spec || occSymbol(id) !== symbol) throw notFound;
    const chain = chainOf(spec.u.symbol, ctx);
    const root = chain.roots.find((r) => r.spec.root === id.root);
    const e = root?.expirations.find((x) => x.date === id.date);
    if (!root || !e || !e.strikes.includes(id.strike)) throw notFound;
    return dataReply(
      optionJson(chain, root, e, id.strike, id.right),
      `/instruments/equity-options/${symbol}`,
    );
  },
};
