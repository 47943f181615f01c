import type { MarketDataType } from "./market-data-wire";

const STREAMER_OPTION = /^\.([A-Z][A-Z0-9]*?)(\d{6})([CP])(\d+(?:\.\d+)?)$/;
const OCC_OPTION = /^([A-Z][A-Z0-9]{0,5}) *(\d{6})([CP])(\d{8})$/;

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
 * (root space-padded to 6, strike × 1000 zero-padded to 8). Null when not an option symbol.
 */
export function streamerToOcc(streamer: string): string | null {
  const m = STREAMER_OPTION.exec(streamer);
  if (!m) return null;
  const [, root, date, right, strike] = m as unknown as [string, string, string, string, string];
  if (root.length > 6) return null;
  const milli = Math.round(Number(strike) * 1000);
  if (!Number.isFinite(milli) || milli >= 1e8) return null;
  return `${root.padEnd(6, " ")}${date}${right}${String(milli).padStart(8, "0")}`;
}

/** OCC option symbol → DXLink streamer symbol (inverse of {@link streamerToOcc}). Null when not OCC. */
export function occToStreamer(occ: string): string | null {
  const m = OCC_OPTION.exec(occ);
  if (!m) return null;
  const [, root, date, right, strike] = m as unknown as [string, string, string, string, string];
  return `.${root}${date}${right}${String(Number(strike) / 1000)}`;
}

/** The REST market-data type of a streamer/REST symbol. */
export function marketDataTypeOf(symbol: string): MarketDataType {
  if (symbol.startsWith("./")) return "future-option";
  if (symbol.startsWith(".") || OCC_OPTION.test(symbol)) return "equity-option";
  if (symbol.startsWith("/")) return "future";
  if (symbol.includes("/")) return "cryptocurrency";
  return INDEX_SYMBOLS.has(symbol) ? "index" : "equity";
}
