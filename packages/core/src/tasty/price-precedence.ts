import type { Quote } from "../market-data/market-data-provider";
import type { Snapshot } from "../market-data/snapshot";
import { snapshotAgeMs } from "../market-data/snapshot";
import type { RestQuote } from "./market-data-wire";
import { TastyApiError } from "./tasty-api-error";

/** A price seen earlier: USD per share and when, ms since epoch. */
export interface KnownPrice {
  price: number;
  asOf: number;
}

/** Mid of a snapshot, USD per share: its mid, else the bid/ask midpoint; undefined without both. */
export function snapshotMid(s: Snapshot): number | undefined {
  if (s.mid !== undefined && s.mid > 0) return s.mid;
  if (s.bid !== undefined && s.ask !== undefined && s.bid > 0 && s.ask > 0) return (s.bid + s.ask) / 2;
  return undefined;
}

/**
 * The TA hint: the newest of a stale snapshot's mid/last, the last live price this process saw, or
 * the previous close — within `maxAgeMs`. Advisory only (lowConfidence).
 */
export function taHint(
  snap: Snapshot | null,
  lastKnown: KnownPrice | undefined,
  now: number,
  maxAgeMs: number,
): { price: KnownPrice; why?: undefined } | { price: null; why: string } {
  const candidates: KnownPrice[] = [];
  if (snap) {
    const p = snapshotMid(snap) ?? positive(snap.last) ?? positive(snap.prevClose);
    if (p !== undefined) candidates.push({ price: p, asOf: snap.writtenAt });
  }
  if (lastKnown) candidates.push(lastKnown);
  if (candidates.length === 0) return { price: null, why: "no earlier price known" };
  const newest = candidates.reduce((a, b) => (b.asOf > a.asOf ? b : a));
  if (now - newest.asOf > maxAgeMs) {
    return { price: null, why: `last known price is ${now - newest.asOf}ms old > ${maxAgeMs}ms` };
  }
  return { price: newest };
}

function positive(v: number | undefined): number | undefined {
  return v !== undefined && v > 0 ? v : undefined;
}

/** A short reason for a failed source: `rate-limit HTTP 429 …`, `timeout …`, or the message. */
export function describeFailure(err: unknown): string {
  if (err instanceof TastyApiError) return `${err.kind}: ${err.message}`;
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** A fresh snapshot as a stream Quote. */
export function snapshotQuote(s: Snapshot, now: number): Quote {
  return {
    symbol: s.symbol,
    ...(s.bid !== undefined ? { bid: s.bid } : {}),
    ...(s.ask !== undefined ? { ask: s.ask } : {}),
    mid: snapshotMid(s),
    ...(s.last !== undefined ? { last: s.last } : {}),
    ...(s.iv !== undefined ? { iv: s.iv } : {}),
    ...(s.greeks?.delta !== undefined ? { delta: s.greeks.delta } : {}),
    source: "stream",
    asOf: s.writtenAt,
    ageMs: snapshotAgeMs(s, now),
  };
}

/** A REST market-data item as a REST Quote under its streamer symbol; null without any price. */
export function restQuote(symbol: string, q: RestQuote, now: number): Quote | null {
  const mid = q.mid ?? (q.bid !== undefined && q.ask !== undefined ? (q.bid + q.ask) / 2 : q.mark);
  if (mid === undefined && q.last === undefined) return null;
  const asOf = q.updatedAt ?? now;
  return {
    symbol,
    ...(q.bid !== undefined ? { bid: q.bid } : {}),
    ...(q.ask !== undefined ? { ask: q.ask } : {}),
    ...(mid !== undefined ? { mid } : {}),
    ...(q.last !== undefined ? { last: q.last } : {}),
    source: "rest",
    asOf,
    ageMs: Math.max(0, now - asOf),
  };
}
