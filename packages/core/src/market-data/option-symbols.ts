import type { OptionRight } from "../pricing";

/** One option contract by its parts. */
export interface OptionId {
  root: string;
  /** `YYYY-MM-DD` */
  date: string;
  right: OptionRight;
  /** Strike, index points. */
  strike: number;
}

const yymmdd = (date: string): string => date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10);
const fromYymmdd = (s: string): string => `20${s.slice(0, 2)}-${s.slice(2, 4)}-${s.slice(4, 6)}`;

/** Strike as the streamer symbol writes it: no padding, no trailing zeros (`5800`, `470.5`). */
export function strikeText(strike: number): string {
  return String(Number(strike.toFixed(3)));
}

/** OCC symbol: root padded to 6, YYMMDD, C/P, strike × 1000 padded to 8 (`SPXW  251219P05800000`). */
export function occSymbol(id: OptionId): string {
  const strike = String(Math.round(id.strike * 1000)).padStart(8, "0");
  return `${id.root.padEnd(6, " ")}${yymmdd(id.date)}${id.right}${strike}`;
}

/** DXLink symbol: `.` root YYMMDD C/P strike (`.SPXW251219P5800`). */
export function streamerSymbol(id: OptionId): string {
  return `.${id.root}${yymmdd(id.date)}${id.right}${strikeText(id.strike)}`;
}

// Roots may carry digits (adjusted options, e.g. `AAPL1`); at most 6 characters in OCC form.
const STREAMER_RE = /^\.([A-Z][A-Z0-9]*?)(\d{6})([CP])(\d+(?:\.\d+)?)$/;
const OCC_RE = /^([A-Z][A-Z0-9]{0,5}) *(\d{6})([CP])(\d{8})$/;

/** Parses a DXLink option symbol, or undefined when it is not one. */
export function parseStreamerSymbol(symbol: string): OptionId | undefined {
  const m = STREAMER_RE.exec(symbol);
  if (!m) return undefined;
  const [, root, d, right, strike] = m as unknown as [string, string, string, OptionRight, string];
  return { root, date: fromYymmdd(d), right, strike: Number(strike) };
}

/** Parses an OCC option symbol (padded or not), or undefined when it is not one. */
export function parseOccSymbol(symbol: string): OptionId | undefined {
  const m = OCC_RE.exec(symbol.trim());
  if (!m) return undefined;
  const [, root, d, right, strike] = m as unknown as [string, string, string, OptionRight, string];
  return { root, date: fromYymmdd(d), right, strike: Number(strike) / 1000 };
}
