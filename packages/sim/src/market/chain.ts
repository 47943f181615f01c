import { daysBetween, nyDate } from "@stratdeck/core/time";
import { listExpirations, type SimExpiration } from "./expirations";
import { strikeGrid } from "./strikes";
import type { RootSpec, UnderlyingSpec } from "./underlyings";

/** One expiration of a simulated chain with its strikes (index points, ascending). */
export interface SimChainExpiration extends SimExpiration {
  /** Calendar days from today's New York date. */
  dte: number;
  strikes: readonly number[];
}

/** One root of a simulated chain. */
export interface SimChainRoot {
  spec: RootSpec;
  expirations: SimChainExpiration[];
}

/** The nested chain of an underlying at one instant. */
export interface SimChain {
  underlying: UnderlyingSpec;
  /** New York date the chain was listed for, `YYYY-MM-DD`. */
  today: string;
  roots: SimChainRoot[];
}

const MAX_CACHED = 32;
const cache = new Map<string, SimChain>();

/**
 * Lists the chain of an underlying: expirations from the New York date of `nowMs`, one strike grid
 * centred on `spot` for every expiration. Pure and cached by (underlying, date, grid centre).
 */
export function listChain(underlying: UnderlyingSpec, spot: number, nowMs: number): SimChain {
  const today = nyDate(nowMs);
  const strikes = strikeGrid(underlying.strikeBands, spot);
  const lists = underlying.roots.map((r) => listExpirations(r, today, nowMs));
  const key = `${underlying.symbol}|${today}|${strikes[0]}|${strikes.length}|${lists.map((l) => l.length).join(",")}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const chain: SimChain = {
    underlying,
    today,
    roots: underlying.roots.map((spec, i) => ({
      spec,
      expirations: (lists[i] ?? []).map((e) => ({
        ...e,
        dte: daysBetween(today, e.date),
        strikes,
      })),
    })),
  };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, chain);
  return chain;
}
