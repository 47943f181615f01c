import { listChain, underlyingSpec, type SimChain } from "../market";
import type { RestContext, Route } from "./context";
import { HttpError, itemsReply } from "./envelope";
import { flatChainItems, nestedChainItems } from "./chain-json";

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
