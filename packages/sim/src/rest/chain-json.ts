import type { SimChain, SimChainExpiration, SimChainRoot } from "../market";
import { occSymbol, streamerSymbol } from "../market";
import { dec } from "./envelope";

const serialized = new WeakMap<SimChain, unknown[]>();

function rootJson(chain: SimChain, root: SimChainRoot): unknown {
  const r = root.spec.root;
  return {
    "underlying-symbol": chain.underlying.symbol,
    "root-symbol": r,
    "option-chain-type": "Standard",
    "shares-per-contract": 100,
    "tick-sizes": root.spec.tickSizes.map((t) =>
      t.threshold === undefined
        ? { value: dec(t.value) }
        : { value: dec(t.value), threshold: dec(t.threshold) },
    ),
    deliverables: [
      {
        id: 1,
        "root-symbol": r,
        "deliverable-type": "Cash",
        description: "Cash Settled",
        amount: "100.0",
        percent: "100",
      },
    ],
    expirations: root.expirations.map((e) => ({
      "expiration-type": e.expirationType,
      "expiration-date": e.date,
      "days-to-expiration": e.dte,
      "settlement-type": e.settlement,
      strikes: e.strikes.map((strike) => {
        const call = { root: r, date: e.date, right: "C" as const, strike };
        const put = { ...call, right: "P" as const };
        return {
          "strike-price": dec(strike),
          call: occSymbol(call),
          "call-streamer-symbol": streamerSymbol(call),
          put: occSymbol(put),
          "put-streamer-symbol": streamerSymbol(put),
        };
      }),
    })),
  };
}

/** The `items` of `GET /option-chains/{symbol}/nested`: one per root (SPX and SPXW, …). */
export function nestedChainItems(chain: SimChain): unknown[] {
  const hit = serialized.get(chain);
  if (hit) return hit;
  const items = chain.roots.map((root) => rootJson(chain, root));
  serialized.set(chain, items);
  return items;
}

/**
 * One contract as tastyware's `Option` model (instruments.py: instrument-type, symbol, active,
 * strike-price, root-symbol, underlying-symbol, expiration-date, exercise-style,
 * shares-per-contract, option-type, option-chain-type, expiration-type, settlement-type,
 * stops-trading-at, market-time-instrument-collection, days-to-expiration, is-closing-only,
 * streamer-symbol). Index options are European and cash settled.
 */
export function optionJson(
  chain: SimChain,
  root: SimChainRoot,
  e: SimChainExpiration,
  strike: number,
  right: "C" | "P",
): Record<string, unknown> {
  const id = { root: root.spec.root, date: e.date, right, strike };
  return {
    symbol: occSymbol(id),
    "instrument-type": "Equity Option",
    active: true,
    "strike-price": dec(strike),
    "root-symbol": root.spec.root,
    "underlying-symbol": chain.underlying.symbol,
    "expiration-date": e.date,
    "exercise-style": "European",
    "shares-per-contract": 100,
    "option-type": right,
    "option-chain-type": "Standard",
    "expiration-type": e.expirationType,
    "settlement-type": e.settlement,
    "stops-trading-at": new Date(e.expiresAt).toISOString(),
    "expires-at": new Date(e.expiresAt).toISOString(),
    "market-time-instrument-collection": "Cash Settled Equity Option",
    "days-to-expiration": e.dte,
    "is-closing-only": false,
    "streamer-symbol": streamerSymbol(id),
  };
}

/** The `items` of `GET /option-chains/{symbol}` (flat): one per contract. */
export function flatChainItems(chain: SimChain): unknown[] {
  const out: unknown[] = [];
  for (const root of chain.roots)
    for (const e of root.expirations)
      for (const strike of e.strikes)
        for (const right of ["C", "P"] as const) out.push(optionJson(chain, root, e, strike, right));
  return out;
}

/**
 * The `items` of `GET /option-chains/{symbol}/compact`: one per root and expiration type, every
 * contract's OCC and streamer symbol in two parallel arrays (fact sheet §2.5; the official JS SDK's
 * `getCompactOptionChain` returns the items as served).
 */
export function compactChainItems(chain: SimChain): unknown[] {
  const out: unknown[] = [];
  for (const root of chain.roots) {
    const nested = rootJson(chain, root) as Record<string, unknown>;
    for (const type of ["Regular", "Weekly"] as const) {
      const exps = root.expirations.filter((e) => e.expirationType === type);
      if (exps.length === 0) continue;
      const ids = exps.flatMap((e) =>
        e.strikes.flatMap((strike) =>
          (["C", "P"] as const).map((right) => ({ root: root.spec.root, date: e.date, right, strike })),
        ),
      );
      out.push({
        "underlying-symbol": chain.underlying.symbol,
        "root-symbol": root.spec.root,
        "option-chain-type": "Standard",
        "settlement-type": root.spec.settlement,
        "shares-per-contract": 100,
        "expiration-type": type,
        "tick-sizes": nested["tick-sizes"],
        deliverables: nested.deliverables,
        symbols: ids.map(occSymbol),
        "streamer-symbols": ids.map(streamerSymbol),
      });
    }
  }
  return out;
}
