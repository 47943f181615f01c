import {
  occSymbol,
  parseOccSymbol,
  parseStreamerSymbol,
  streamerSymbol,
} from "../market-data/option-symbols";
import type { MarketDataType } from "./market-data-wire";

/** Index underlyings quoted under `index` in REST market data (everything else is `equity`). */
export const INDEX_SYMBOLS: ReadonlySet<string> = new Set([
  "SPX",
  "XSP",
  "RUT",
  "NDX",
  "VIX",
  "DJX",
  "OEX",
  "XEO",
  "MRUT",
]);

/**
 * DXLink streamer option symbol → OCC symbol: `.SPXW251219P5800` → `SPXW  251219P05800000`
 * (root space-padded to 6, strike × 1000 zero-padded to 8). Null when not an option symbol or when
 * it has no OCC form (root over 6 characters, strike of 100,000 or more).
 */
export function streamerToOcc(streamer: string): string | null {
  const id = parseStreamerSymbol(streamer);
  if (!id || id.root.length > 6 || !(Math.round(id.strike * 1000) < 1e8)) return null;
  return occSymbol(id);
}

/** OCC option symbol → DXLink streamer symbol (inverse of {@link streamerToOcc}). Null when not OCC. */
export function occToStreamer(occ: string): string | null {
  const id = parseOccSymbol(occ);
  return id ? streamerSymbol(id) : null;
}

/** The REST market-data type of a streamer/REST symbol. */
export function marketDataTypeOf(symbol: string): MarketDataType {
  if (symbol.startsWith("./")) return "future-option";
  if (symbol.startsWith(".") || parseOccSymbol(symbol)) return "equity-option";
  if (symbol.startsWith("/")) return "future";
  if (symbol.includes("/")) return "cryptocurrency";
  return INDEX_SYMBOLS.has(symbol) ? "index" : "equity";
}
