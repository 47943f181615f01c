import {
  type ChainExpiration,
  type ChainStrike,
  type OptionChain,
  occSymbol,
  streamerSymbol,
} from "@stratdeck/core/market-data";
import type { SimChain, SimChainExpiration } from "../market/chain";

const MAX_CACHED = 8192;
const expirationCache = new Map<string, ChainExpiration>();
const strikeCache = new Map<string, ChainStrike[]>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

/** A strike whose symbols are written on first read (a scan reads a few dozen of hundreds). */
class LazyStrike implements ChainStrike {
  private symbols: [string, string, string, string] | undefined;

  constructor(
    private readonly root: string,
    private readonly date: string,
    readonly strike: number,
  ) {}

  private all(): [string, string, string, string] {
    if (!this.symbols) {
      const call = { root: this.root, date: this.date, right: "C" as const, strike: this.strike };
      const put = { ...call, right: "P" as const };
      this.symbols = [occSymbol(call), streamerSymbol(call), occSymbol(put), streamerSymbol(put)];
    }
    return this.symbols;
  }

  get callOcc(): string {
    return this.all()[0];
  }

  get callStreamer(): string {
    return this.all()[1];
  }

  get putOcc(): string {
    return this.all()[2];
  }

  get putStreamer(): string {
    return this.all()[3];
  }
}

/** The strikes of one expiration, built once per (root, date, grid). */
function strikesOf(e: SimChainExpiration): ChainStrike[] {
  const key = `${e.root}|${e.date}|${e.strikes[0]}|${e.strikes.length}`;
  return (
    strikeCache.get(key) ??
    remember(
      strikeCache,
      key,
      e.strikes.map((strike) => new LazyStrike(e.root, e.date, strike)),
    )
  );
}

/**
 * The {@link OptionChain} of a simulated chain (the shape the REST provider returns). The symbol
 * lists are built once per (root, date, strike grid) and shared across days (treat as read-only).
 */
export function optionChainOf(chain: SimChain, fetchedAt: number): OptionChain {
  return {
    underlying: chain.underlying.symbol,
    fetchedAt,
    roots: chain.roots.map((r) => ({
      root: r.spec.root,
      sharesPerContract: 100,
      tickSizes: r.spec.tickSizes.map((t) => ({ ...t })),
      expirations: r.expirations.map((e) => {
        const key = `${e.root}|${e.date}|${e.dte}|${e.strikes[0]}|${e.strikes.length}`;
        return (
          expirationCache.get(key) ??
          remember(expirationCache, key, {
            date: e.date,
            dte: e.dte,
            settlement: e.settlement,
            expirationType: e.expirationType,
            strikes: strikesOf(e),
          })
        );
      }),
    })),
  };
}
