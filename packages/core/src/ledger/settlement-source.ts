import type { Settlement } from "../market-data/option-chain";
import type { RestQuote, SymbolsByType } from "../tasty/market-data-wire";
import { nyDate } from "../time/new-york";
import { settlementInstant } from "../time/settlement";

/** Which settlement price is wanted. */
export interface SettlementRequest {
  underlying: string;
  root: string;
  /** `YYYY-MM-DD`. */
  expiration: string;
  settlement: Settlement;
  /** The settlement moment, ms since epoch (see {@link settlementMoment}). */
  at: number;
}

/** A settlement price: the index's value recorded at the settlement instant. */
export interface SettlementPrice {
  /** Index points. */
  price: number;
  /** Where it came from, e.g. `rest:close`, `rest:prev-close`, `rest:open`, `recorded:rest:close`. */
  source: string;
  /** The instant the value describes (the settlement moment), ms since epoch. */
  asOf: number;
  /** True when it stands in for the official figure (no source here does). */
  approximate: boolean;
}

/** Port: the official settlement value of an expiration; null while not yet known (awaiting). */
export interface SettlementPriceSource {
  settlementPrice(request: SettlementRequest): Promise<SettlementPrice | null>;
}

/**
 * When an expiration settles, ms since epoch: AM roots at the open of the expiration day, PM roots
 * at its close (early closes included); a holiday expiration settles on the trading day before.
 * See {@link settlementInstant}.
 */
export function settlementMoment(expiration: string, settlement: Settlement): number {
  return settlementInstant(expiration, settlement);
}

/** The part of the REST client the session-print source uses. */
export interface SessionPrintsClient {
  getMarketData(symbols: SymbolsByType): Promise<{ items: RestQuote[] }>;
}

/**
 * The index's recorded session prints from tastytrade's market-data snapshot (the simulator serves
 * the same fields): PM = the close of the settlement day (`close` with `close-price-type: Final`
 * while `summary-date` is that day, else `prev-close` while `prev-close-date` is that day); AM = the
 * day's `open` while `summary-date` is that day. Anything else is unknown (null = awaiting): never
 * the price at the moment of asking. Past the next session the PM value and past the day the AM
 * value are no longer in the snapshot; {@link RecordingSettlementSource} keeps them.
 */
export class SessionPrintSettlementSource implements SettlementPriceSource {
  constructor(private readonly client: SessionPrintsClient) {}

  async settlementPrice(request: SettlementRequest): Promise<SettlementPrice | null> {
    const res = await this.client.getMarketData({ index: [request.underlying] });
    const q = res.items.find((i) => i.symbol === request.underlying);
    return q ? settlementFromPrints(q, request) : null;
  }
}

/** The settlement value in a market-data snapshot for a request, or null when it is not there. */
export function settlementFromPrints(
  q: Pick<RestQuote, "open" | "close" | "closePriceType" | "prevClose" | "prevCloseDate" | "summaryDate">,
  request: SettlementRequest,
): SettlementPrice | null {
  const day = nyDate(request.at);
  const found = (price: number | undefined, field: string): SettlementPrice | null =>
    price !== undefined && price > 0
      ? { price, source: `rest:${field}`, asOf: request.at, approximate: false }
      : null;
  if (request.settlement === "AM") return q.summaryDate === day ? found(q.open, "open") : null;
  if (q.summaryDate === day && q.closePriceType === "Final") return found(q.close, "close");
  if (q.prevCloseDate === day) return found(q.prevClose, "prev-close");
  return null;
}

/** Where recorded settlement values are kept (the status table: one record per index, day and kind). */
export interface SettlementRecordStore {
  beat(id: string, data: Record<string, unknown>): Promise<unknown>;
  read(id: string): Promise<{ data: Record<string, unknown> } | null>;
}

const recordId = (r: Pick<SettlementRequest, "underlying" | "settlement" | "at">): string =>
  `settlement:${r.underlying}:${nyDate(r.at)}:${r.settlement}`;

/**
 * Keeps every settlement value the inner source answers (AM: the opening value, PM: the close of a
 * session), so it is still known after the snapshot has moved on to the next session. The settle
 * job calls {@link RecordingSettlementSource.record} on each run to capture the day's prints.
 */
export class RecordingSettlementSource implements SettlementPriceSource {
  constructor(
    private readonly inner: SettlementPriceSource,
    private readonly store: SettlementRecordStore,
  ) {}

  async settlementPrice(request: SettlementRequest): Promise<SettlementPrice | null> {
    const id = recordId(request);
    const rec = await this.store.read(id);
    const data = rec?.data as Partial<SettlementPrice> | undefined;
    if (data && typeof data.price === "number" && data.price > 0 && typeof data.source === "string") {
      return { price: data.price, source: data.source, asOf: request.at, approximate: false };
    }
    const found = await this.inner.settlementPrice(request);
    if (found) await this.store.beat(id, { ...found });
    return found;
  }

  /**
   * Records the prints of `underlyings` already past at `now`: the previous session's close, and
   * today's opening value and close. Returns the ids recorded (or already recorded).
   */
  async record(underlyings: readonly string[], sessions: RecordSessions): Promise<string[]> {
    const out: string[] = [];
    for (const underlying of underlyings) {
      for (const s of sessions) {
        const request = {
          underlying,
          root: underlying,
          expiration: nyDate(s.at),
          settlement: s.kind,
          at: s.at,
        };
        if (await this.settlementPrice(request).catch(() => null)) out.push(recordId(request));
      }
    }
    return out;
  }
}

/** Settlement instants to record: `AM` at a session's open, `PM` at its close, ms since epoch. */
export type RecordSessions = readonly { kind: Settlement; at: number }[];
