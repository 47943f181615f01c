import { addDays, daysBetween, nyDate, nyWallTimeToUtc } from "@stratdeck/core/time";

/** A parsed candle symbol such as `SPX{=5m,tho=true}`. */
export interface CandleSymbol {
  /** The instrument, e.g. `SPX` or `.SPXW261218P5800`. */
  base: string;
  /** Bucket start containing an instant, ms since epoch. */
  startOf(ms: number): number;
  /** Start of the bucket after the one starting at `start`. */
  next(start: number): number;
}

const FIXED_MS: Record<string, number> = { t: 1000, s: 1000, m: 60_000, h: 3_600_000, v: 60_000, p: 60_000 };
const EPOCH = "1970-01-01";
const CANDLE_RE = /^(.+)\{=(\d*(?:\.\d+)?)([a-z]+)(?:,[^}]*)?\}$/;

/** Calendar buckets (d, w, mo, o, y) counted in New York dates. */
function calendar(unit: string, n: number): Pick<CandleSymbol, "startOf" | "next"> | undefined {
  const toDate: Record<string, (index: number) => string> = {
    d: (i) => addDays(EPOCH, i),
    w: (i) => addDays(EPOCH, i * 7 - 3),
    mo: (i) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`,
    y: (i) => `${i}-01-01`,
  };
  const toIndex: Record<string, (date: string) => number> = {
    d: (d) => daysBetween(EPOCH, d),
    w: (d) => Math.floor((daysBetween(EPOCH, d) + 3) / 7),
    mo: (d) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1,
    y: (d) => Number(d.slice(0, 4)),
  };
  const u = unit === "o" ? "mo" : unit;
  const fromDate = toDate[u];
  const indexOf = toIndex[u];
  if (!fromDate || !indexOf) return undefined;
  const startOf = (ms: number): number => {
    const i = Math.floor(indexOf(nyDate(ms)) / n) * n;
    return nyWallTimeToUtc(fromDate(i), 0);
  };
  return {
    startOf,
    next: (start) => nyWallTimeToUtc(fromDate(Math.floor(indexOf(nyDate(start)) / n) * n + n), 0),
  };
}

/** Parses a candle symbol; undefined when it is not one. Unknown units fall back to minutes. */
export function parseCandleSymbol(symbol: string): CandleSymbol | undefined {
  const m = CANDLE_RE.exec(symbol);
  if (!m) return undefined;
  const [, base = "", count, unit = "m"] = m;
  const n = Math.max(1, Math.round(Number(count || "1")));
  const cal = calendar(unit, n);
  if (cal) return { base, ...cal };
  const period = (FIXED_MS[unit] ?? 60_000) * n;
  return { base, startOf: (ms) => Math.floor(ms / period) * period, next: (start) => start + period };
}
