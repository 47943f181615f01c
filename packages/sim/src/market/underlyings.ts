import { DEFAULT_INDEX_TICKS, type TickSize } from "@stratdeck/core/market-data";
import { uniformAt } from "./prng";

/** One option root of an underlying. */
export interface RootSpec {
  root: string;
  /** AM roots list only third-Friday monthlies; PM roots list dailies, weeklies (and monthlies if `monthlies`). */
  settlement: "AM" | "PM";
  /** PM root that also lists third-Friday monthlies out to a year (XSP). */
  monthlies?: boolean;
  tickSizes: TickSize[];
}

/** A band of the strike grid: strikes every `step` within `±within` (fraction) of the centre. */
export interface StrikeBand {
  within: number;
  step: number;
}

/** Static description of a synthetic index. */
export interface UnderlyingSpec {
  symbol: string;
  description: string;
  /** Level at the walk's origin before the seed jitter, index points. */
  level: number;
  /** Continuous dividend yield, annual fraction. */
  dividendYield: number;
  /** Risk-free rate, annual fraction. */
  rate: number;
  /** 52-week low / high of the IV index, annualised fractions. */
  ivLow: number;
  ivHigh: number;
  roots: RootSpec[];
  /** Ascending `within`; the grid is centred on the spot rounded to the last band's step. */
  strikeBands: StrikeBand[];
  /** Follows another underlying at `ratio` (XSP = SPX / 10) instead of its own walk. */
  follows?: { symbol: string; ratio: number };
}

const INDEX_TICKS: TickSize[] = [...DEFAULT_INDEX_TICKS];
const PENNY_TICKS: TickSize[] = [{ value: 0.01, threshold: 3 }, { value: 0.05 }];
const RATE = 0.043;

/** The four indices the simulator lists. */
export const UNDERLYINGS: readonly UnderlyingSpec[] = [
  {
    symbol: "SPX",
    description: "S&P 500 INDEX",
    level: 6000,
    dividendYield: 0.013,
    rate: RATE,
    ivLow: 0.11,
    ivHigh: 0.32,
    roots: [
      { root: "SPX", settlement: "AM", tickSizes: INDEX_TICKS },
      { root: "SPXW", settlement: "PM", tickSizes: INDEX_TICKS },
    ],
    strikeBands: [
      { within: 0.08, step: 5 },
      { within: 0.2, step: 25 },
      { within: 0.35, step: 50 },
      { within: 0.5, step: 100 },
    ],
  },
  {
    symbol: "XSP",
    description: "MINI-SPX INDEX",
    level: 600,
    dividendYield: 0.013,
    rate: RATE,
    ivLow: 0.11,
    ivHigh: 0.32,
    roots: [{ root: "XSP", settlement: "PM", monthlies: true, tickSizes: PENNY_TICKS }],
    strikeBands: [
      { within: 0.08, step: 1 },
      { within: 0.2, step: 5 },
      { within: 0.5, step: 10 },
    ],
    follows: { symbol: "SPX", ratio: 0.1 },
  },
  {
    symbol: "RUT",
    description: "RUSSELL 2000 INDEX",
    level: 2400,
    dividendYield: 0.012,
    rate: RATE,
    ivLow: 0.16,
    ivHigh: 0.38,
    roots: [
      { root: "RUT", settlement: "AM", tickSizes: INDEX_TICKS },
      { root: "RUTW", settlement: "PM", tickSizes: INDEX_TICKS },
    ],
    strikeBands: [
      { within: 0.08, step: 5 },
      { within: 0.2, step: 10 },
      { within: 0.5, step: 50 },
    ],
  },
  {
    symbol: "NDX",
    description: "NASDAQ 100 INDEX",
    level: 21000,
    dividendYield: 0.007,
    rate: RATE,
    ivLow: 0.14,
    ivHigh: 0.36,
    roots: [
      { root: "NDX", settlement: "AM", tickSizes: INDEX_TICKS },
      { root: "NDXP", settlement: "PM", tickSizes: INDEX_TICKS },
    ],
    strikeBands: [
      { within: 0.08, step: 25 },
      { within: 0.2, step: 100 },
      { within: 0.35, step: 250 },
      { within: 0.5, step: 500 },
    ],
  },
];

const BY_SYMBOL = new Map(UNDERLYINGS.map((u) => [u.symbol, u]));
const BY_ROOT = new Map(UNDERLYINGS.flatMap((u) => u.roots.map((r) => [r.root, { u, r }] as const)));

/** The spec of an underlying, or undefined. */
export function underlyingSpec(symbol: string): UnderlyingSpec | undefined {
  return BY_SYMBOL.get(symbol.toUpperCase());
}

/** The underlying and root spec of an option root (`SPXW` → SPX), or undefined. */
export function rootSpec(root: string): { u: UnderlyingSpec; r: RootSpec } | undefined {
  return BY_ROOT.get(root);
}

/** Half the synthetic bid/ask width of an index quote, index points: 0.005% of spot, at least 0.01. */
export function indexHalfSpread(spot: number): number {
  return Math.max(0.01, Math.round(spot * 0.00005 * 100) / 100);
}

/** The synthetic 52-week range of an index, index points: 80% to 105% of its nominal level. */
export function yearRange(spec: UnderlyingSpec): { low: number; high: number } {
  return { low: spec.level * 0.8, high: spec.level * 1.05 };
}

/** Seed-dependent start parameters of an underlying: level jitter (±2%) and IV rank (0.10–0.60). */
export function seededStart(seed: number, symbol: string): { level: number; ivRank: number } {
  const spec = underlyingSpec(symbol);
  if (!spec) throw new Error(`unknown underlying ${symbol}`);
  const tag = symbol.charCodeAt(0) * 31 + symbol.length;
  const jitter = (uniformAt(seed, 7001, tag) - 0.5) * 0.04;
  const ivRank = 0.1 + 0.5 * uniformAt(seed, 7002, tag);
  return { level: Math.round(spec.level * (1 + jitter) * 100) / 100, ivRank };
}
