import type { SeededRng } from "../../market/dynamics/seeded-rng";

/** The prices of one daily bar, index points. */
export interface Ohlc {
  open: number;
  high: number;
  low: number;
  close: number;
}

/** A point the path must pass through: minute from the open and price. */
interface Anchor {
  minute: number;
  price: number;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The minute of an extreme: at the open or close when the bar starts or ends there, else inside. */
function extremeMinute(price: number, bar: Ohlc, minutes: number, rng: SeededRng): number {
  if (price === bar.open) return 0;
  if (price === bar.close) return minutes;
  return 1 + Math.floor(rng.uniform() * Math.max(1, minutes - 1));
}

/** The open, the high and low at their (seeded) minutes, and the close, in time order. */
function anchorsOf(bar: Ohlc, minutes: number, rng: SeededRng): Anchor[] {
  const tHigh = extremeMinute(bar.high, bar, minutes, rng);
  let tLow = extremeMinute(bar.low, bar, minutes, rng);
  if (tLow === tHigh && bar.high !== bar.low) tLow = tHigh > 1 ? tHigh - 1 : Math.min(minutes - 1, tHigh + 1);
  const all: Anchor[] = [
    { minute: 0, price: bar.open },
    { minute: tHigh, price: bar.high },
    { minute: tLow, price: bar.low },
    { minute: minutes, price: bar.close },
  ];
  return all
    .sort((a, b) => a.minute - b.minute)
    .filter((a, i, xs) => i === 0 || a.minute !== xs[i - 1]?.minute);
}

/** Folds x back into [lo, hi] by reflection at the walls. */
function reflect(x: number, lo: number, hi: number): number {
  if (hi <= lo) return lo;
  let y = x;
  for (let i = 0; i < 8 && (y < lo || y > hi); i++) y = y < lo ? 2 * lo - y : 2 * hi - y;
  return Math.min(hi, Math.max(lo, y));
}

/**
 * A session's minute-by-minute index path (`minutes + 1` prices, minute 0 = the open) that opens at
 * the bar's open, closes at its close, touches its high and its low exactly once each at least, and
 * never leaves [low, high]. The minutes of the high and the low are drawn uniformly inside the
 * session (or are the open/close when the bar's extreme is its open/close); between consecutive
 * anchors the log price follows a Brownian bridge with a per-minute volatility of
 * ln(high/low) / (2·√minutes), reflected at the day's high and low. Prices are rounded to 0.01
 * (the anchors keep the file's values exactly). The same bar, minutes and generator give the same path.
 */
export function intradayPath(bar: Ohlc, minutes: number, rng: SeededRng): Float64Array {
  const path = new Float64Array(minutes + 1);
  const lo = Math.log(bar.low);
  const hi = Math.log(bar.high);
  const sigma = (hi - lo) / (2 * Math.sqrt(Math.max(1, minutes)));
  const anchors = anchorsOf(bar, minutes, rng);
  for (let k = 1; k < anchors.length; k++) {
    const a = anchors[k - 1] as Anchor;
    const b = anchors[k] as Anchor;
    const n = b.minute - a.minute;
    const walk = [0];
    for (let i = 1; i <= n; i++) walk.push((walk[i - 1] as number) + sigma * rng.normal());
    const end = walk[n] as number;
    const x0 = Math.log(a.price);
    const x1 = Math.log(b.price);
    for (let i = 0; i <= n; i++) {
      const f = i / n;
      const x = x0 + (x1 - x0) * f + (walk[i] as number) - end * f;
      path[a.minute + i] = Math.min(bar.high, Math.max(bar.low, round2(Math.exp(reflect(x, lo, hi)))));
    }
  }
  for (const a of anchors) path[a.minute] = a.price;
  return path;
}
