import type { SymbolState } from "../dxlink/market-book";

/** Fields that make a snapshot "changed"; timestamps are not among them. */
const FIELDS = [
  "bid",
  "ask",
  "bidSize",
  "askSize",
  "last",
  "iv",
  "theo",
  "delta",
  "gamma",
  "theta",
  "rho",
  "vega",
  "prevClose",
] as const;

/** The values a snapshot is built from, in a fixed order (NaN = absent). */
export function valuesOf(st: SymbolState): Float64Array {
  const v = new Float64Array(FIELDS.length);
  for (let i = 0; i < FIELDS.length; i++) v[i] = st[FIELDS[i]!];
  return v;
}

/** True when `st` holds other values than `prev` (NaN equals NaN). */
export function differs(prev: Float64Array, st: SymbolState): boolean {
  for (let i = 0; i < FIELDS.length; i++) {
    const a = prev[i]!;
    const b = st[FIELDS[i]!];
    if (a !== b && !(Number.isNaN(a) && Number.isNaN(b))) return true;
  }
  return false;
}
