import type { Settlement } from "../market-data/option-chain";
import type { RestQuote, SymbolsByType } from "../tasty/market-data-wire";
import { nyDate } from "../time/new-york";
import { settlementInstant } from "../time/settlement";
import { APPROXIMATE_SOURCES } from "./events/order-events";

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
  /**
   * True when it stands in for the official figure: an AM root's value from the index's `open`
   * print (`rest:open`) until the exchange's Special Opening Quotation is read.
   */
  approximate: boolean;
}

/**
 * Port: the best settlement value of an expiration known now (the official one once known, else
 * an approximation marked as such); null while nothing is known yet (awaiting).
 */
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
 * The symbols the exchange disseminates an AM root's official opening settlement value (the SOQ)
 * under, by index: Cboe's settlement tickers (SET for SPX, RLS for RUT, NDS for NDX). Whether
 * tastytrade's market data serves them is not confirmed; while it does not, an AM settlement stays
 * approximate (from the `open` print) and says so.
 */
export const OFFICIAL_AM_SETTLEMENT_SYMBOLS: Readonly<Record<string, string>> = {
  SPX: "SET",
  RUT: "RLS",
  NDX: "NDS",
};

/**
 * The index's recorded session prints from tastytrade's market-data snapshot (the simulator serves
 * the same fields): PM = the close of the settlement day (`close` with `close-price-type: Final`
 * while `summary-date` is that day, else `prev-close` while `prev-close-date` is that day); AM = the
 * official opening settlement value, read the same way from the index's settlement symbol (see
 * {@link OFFICIAL_AM_SETTLEMENT_SYMBOLS}, source `soq:<symbol>`), else the day's `open` while
 * `summary-date` is that day (`rest:open`, approximate). Anything else is unknown (null =
 * awaiting): never the price at the moment of asking. Past the next session the values are no
 * longer in the snapshot; {@link RecordingSettlementSource} keeps them.
 */
export class SessionPrintSettlementSource implements SettlementPriceSource {
  constructor(private readonly client: SessionPrintsClient) {}

  async settlementPrice(request: SettlementRequest): Promise<SettlementPrice | null> {
    const soq = request.settlement === "AM" ? OFFICIAL_AM_SETTLEMENT_SYMBOLS[request.underlying] : undefined;
    const res = await this.client.getMarketData({
      index: soq ? [request.underlying, soq] : [request.underlying],
    });
    const item = (symbol: string) => res.items.find((i) => i.symbol === symbol);
    const official = soq ? item(soq) : undefined;
    const found = official && officialFromPrints(official, request, `soq:${soq}`);
    if (found) return found;
    const q = item(request.underlying);
    return q ? settlementFromPrints(q, request) : null;
  }
}

type Prints = Pick<
  RestQuote,
  "open" | "close" | "closePriceType" | "prevClose" | "prevCloseDate" | "summaryDate"
>;

/** A final print of the settlement day: `close` (Final) that day, or `prev-close` dated that day. */
function officialFromPrints(q: Prints, request: SettlementRequest, source: string): SettlementPrice | null {
  const day = nyDate(request.at);
  const value =
    q.summaryDate === day && q.closePriceType === "Final"
      ? q.close
      : q.prevCloseDate === day
        ? q.prevClose
        : undefined;
  return value !== undefined && value > 0
    ? { price: value, source, asOf: request.at, approximate: false }
    : null;
}

/** The settlement value in an index's market-data snapshot for a request, or null when it is not there. */
export function settlementFromPrints(q: Prints, request: SettlementRequest): SettlementPrice | null {
  const day = nyDate(request.at);
  if (request.settlement === "AM") {
    const open = q.summaryDate === day ? q.open : undefined;
    return open !== undefined && open > 0
      ? { price: open, source: "rest:open", asOf: request.at, approximate: true }
      : null;
  }
  const close = officialFromPrints(q, request, "");
  if (!close) return null;
  const field = q.summaryDate === day && q.closePriceType === "Final" ? "close" : "prev-close";
  return { ...close, source: `rest:${field}` };
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

  /**
   * The recorded value; while that is approximate (or nothing is recorded) the inner source is
   * asked again, and an official value it gives replaces the record.
   */
  async settlementPrice(request: SettlementRequest): Promise<SettlementPrice | null> {
    const id = recordId(request);
    const recorded = recordedPrice(await this.store.read(id), request.at);
    if (recorded && !recorded.approximate) return recorded;
    const found = await this.inner.settlementPrice(request);
    if (found && (!recorded || !found.approximate)) await this.store.beat(id, { ...found });
    return found && (!recorded || !found.approximate) ? found : recorded;
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

/**
 * A recorded settlement value, or null. Records written before `approximate` was kept right (a
 * `rest:open` value recorded as official) read as approximate by their source.
 */
function recordedPrice(rec: { data: Record<string, unknown> } | null, at: number): SettlementPrice | null {
  const data = rec?.data as Partial<SettlementPrice> | undefined;
  if (!data || typeof data.price !== "number" || data.price <= 0 || typeof data.source !== "string")
    return null;
  const approximate = data.approximate === true || APPROXIMATE_SOURCES.includes(data.source);
  return { price: data.price, source: data.source, asOf: at, approximate };
}

/** Settlement instants to record: `AM` at a session's open, `PM` at its close, ms since epoch. */
export type RecordSessions = readonly { kind: Settlement; at: number }[];
