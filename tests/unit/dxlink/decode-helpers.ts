import {
  CompactScanner,
  FeedPlans,
  MarketBook,
  RowStage,
  SCAN_OK,
  stageParsedData,
  type SymbolState,
} from "@stratdeck/core/dxlink";

/** Decodes one frame with the byte scanner; null when it falls back to the slow path. */
export function scanFrame(text: string, plans = new FeedPlans()) {
  const book = new MarketBook();
  const stage = new RowStage();
  const status = new CompactScanner().scan(Buffer.from(text), plans, stage, book);
  if (status !== SCAN_OK) return null;
  const applied = book.commit(stage, 1_000);
  return { book, stage, applied, states: statesOf(book) };
}

/** Decodes one frame through JSON.parse + the parsed-data decoder. */
export function parseFrame(text: string, plans = new FeedPlans()) {
  const book = new MarketBook();
  const stage = new RowStage();
  const msg = JSON.parse(text) as { data: unknown[] };
  const ok = stageParsedData(msg.data, plans, stage, book);
  const applied = ok ? book.commit(stage, 1_000) : 0;
  return { ok, book, stage, applied, states: statesOf(book) };
}

/** Plain objects of every state with an event, for deep equality. */
export function statesOf(book: MarketBook): Record<string, Partial<SymbolState>> {
  const out: Record<string, Partial<SymbolState>> = {};
  for (const st of book.values()) {
    if (st.version === 0) continue;
    const { symbol, ...rest } = { ...st };
    out[symbol] = rest;
  }
  return out;
}

/** A FEED_DATA frame as a server writes it. */
export function feedData(data: unknown[], channel = 1): string {
  return JSON.stringify({ type: "FEED_DATA", channel, data });
}
