/** Option greeks as streamed in a DXLink Greeks event. */
export interface Greeks {
  /** Δ, per 1.00 move of the underlying (fraction of a share). */
  delta?: number;
  /** Γ, change of delta per 1.00 move. */
  gamma?: number;
  /** Θ, USD per share per calendar day. */
  theta?: number;
  /** Vega, USD per share per 1.00 (100 vol points) change of IV. */
  vega?: number;
  /** Rho, USD per share per 1.00 change of the rate. */
  rho?: number;
  /** Theoretical option price, USD per share. */
  theo?: number;
}

/**
 * The latest known market state of one streamer symbol (an index like `SPX` or an option like
 * `.SPXW261231P5800`), as coalesced by the stream task. Absent fields were not subscribed or
 * arrived as NaN.
 */
export interface Snapshot {
  /** DXLink streamer symbol. */
  symbol: string;
  /** Best bid, USD per share. */
  bid?: number;
  /** Best ask, USD per share. */
  ask?: number;
  /** (bid + ask) / 2, USD per share, when both sides exist. */
  mid?: number;
  /** Bid size, contracts or shares. */
  bidSize?: number;
  /** Ask size, contracts or shares. */
  askSize?: number;
  /** Last trade price, USD per share. */
  last?: number;
  /** Implied volatility, annualised fraction (0.18 = 18%). */
  iv?: number;
  greeks?: Greeks;
  /** Previous session close, USD per share (from Summary), used as a TA hint. */
  prevClose?: number;
  /** Time of the newest event folded into this snapshot, ms since epoch (receive time when the feed sends 0). */
  eventTime: number;
  /**
   * When the stream task last wrote (or re-confirmed) this snapshot, ms since epoch. Freshness
   * (max-age) is measured from here: the writer refreshes unchanged snapshots on a heartbeat.
   */
  writtenAt: number;
}

/** Age of a snapshot at `now`, milliseconds. */
export function snapshotAgeMs(s: Pick<Snapshot, "writtenAt">, now: number): number {
  return Math.max(0, now - s.writtenAt);
}
