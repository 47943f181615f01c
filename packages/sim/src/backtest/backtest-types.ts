import type { PutWriteResult } from "./putwrite-benchmark";
import type { NoTradeReason } from "./ideas-tally";
/** One leg of a backtest trade. */
export interface TradeLeg {
  side: "short" | "long";
  optionType: "C" | "P";
  /** Index points. */
  strike: number;
  /** Entry fill, USD per share. */
  entryPrice: number;
  /** Exit fill (or intrinsic value at settlement), USD per share; null while open. */
  exitPrice: number | null;
}

/** One side of a trade (entry, exit or settlement) as the order log recorded it. */
export interface TradeFill {
  /** ISO time of the order. */
  time: string;
  /** Net price of one spread, USD per share (credit on entry, debit on exit; negative = the other way). */
  price: number;
  /** Underlying at the order, index points. */
  underlyingPrice: number;
  /** Where the underlying price came from (`stream`, `settlement:market:close`, …). */
  underlyingSource: string;
  /** Latest quote time among the legs, ISO (the no-look-ahead bound of this fill). */
  quoteTime: string;
  /** Fees of this order, cents, when the order log records them (else null). */
  feesCents: number | null;
}

/** A trade: one paper position from entry to exit or settlement. */
export interface BacktestTrade {
  positionId: string;
  strategy: string;
  underlying: string;
  root: string;
  expiration: string;
  settlement: "AM" | "PM";
  quantity: number;
  legs: TradeLeg[];
  entry: TradeFill;
  exit: TradeFill | null;
  /** Why it closed: `profit-target`, `dte`, `max-loss`, `expiry`, `end-of-backtest`, … */
  reason: string;
  /** Max loss of the position, cents. */
  maxLossCents: number;
  /** New York calendar days held (at least 1). */
  daysHeld: number;
  /** Fees of entry and exit, cents (the position's record; 0 on records from before fees). */
  feesCents: number;
  /** P&L before fees, cents. */
  grossPnlCents: number;
  /** Realised P&L after fees, cents (the order log's figure). */
  netPnlCents: number;
}

/** The portfolio at one session's close. */
export interface EquityPoint {
  /** `YYYY-MM-DD` */
  date: string;
  /** Realised P&L so far after fees, cents. */
  realizedCents: number;
  /** Open positions marked at the close with the fill model, after their entry fees and the
   * estimated closing fees, cents. */
  openPnlCents: number;
  /** realized + open, cents. */
  equityCents: number;
  /** Equity below its running peak, cents (≥ 0). */
  drawdownCents: number;
  openPositions: number;
  /** Open positions that could not be marked at the close. */
  unpriced: number;
}

/** Figures of a set of trades. */
export interface TradeStats {
  trades: number;
  /** Trades won, lost and broken even, by net P&L (`outcomeOf`: > 0, < 0, exactly 0). */
  wins: number;
  losses: number;
  breakEvens: number;
  /** wins / trades, fraction (0 without trades). */
  winRate: number;
  /** Mean net P&L of winners / losers, cents (0 when none). */
  avgWinCents: number;
  avgLossCents: number;
  /** Sum of winners / |sum of losers|; null without a loser. */
  profitFactor: number | null;
  totalNetPnlCents: number;
  totalFeesCents: number;
  /** Largest fall of the (strategy's) daily equity from a running peak, cents. */
  maxDrawdownCents: number;
  /** Σ max loss (USD) × days held: capital at risk × time. */
  riskDollarDays: number;
  /**
   * Expectancy per risk-day: net P&L per dollar-day at risk (fraction per day: 0.001 = 0.1 % of
   * the risk per day held).
   */
  pnlPerRiskDay: number;
  /** Expectancy per trade: mean net P&L, cents (0 without trades). */
  expectancyCents: number;
  /** Worst trade's net P&L, cents (0 without trades). */
  worstTradeCents: number;
  /** 10th percentile of the trades' net P&L (linear interpolation), cents (0 without trades). */
  p10TradeCents: number;
  /** The calendar month whose equity fell most, and by how much (cents, negative); null when none fell. */
  worstMonth: { month: string; pnlCents: number } | null;
  /** Most max loss open at once, cents (the capital the strategy needed). */
  peakRiskCents: number;
  /**
   * Annualised return on risk: net P&L / peak capital at risk × 252 / trading days (simple, not
   * compounded), fraction; null without risk taken.
   */
  annualReturnOnRisk: number | null;
  /** Annualised Sharpe of the daily equity changes (no risk-free rate); null when undefined. */
  sharpe: number | null;
}

/** What a backtest returns (same inputs → the same JSON). */
export interface BacktestResult {
  /** `synthetic` (seeded market), `replay` (a recording) or `history` (daily history files). */
  market: "synthetic" | "replay" | "history";
  seed: number | null;
  from: string;
  to: string;
  /** Strategy scanned, or `all`. */
  strategy: string;
  exitPolicy: ExitPolicy;
  tradingDays: number;
  /** Scheduled runs executed, per job. */
  runs: Record<string, number>;
  trades: BacktestTrade[];
  equity: EquityPoint[];
  stats: { overall: TradeStats; byStrategy: Record<string, TradeStats> };
  /** The PutWrite benchmark over the same market and range (synthetic markets; absent for a recording). */
  putWrite?: PutWriteResult;
  /** Every scanned strategy that made no trade, with what stopped it. */
  noTrade: NoTradeReason[];
  /**
   * Every scanned strategy, traded or not: candidates scanned over all ideas runs and how many
   * each filter, build stage or entry refusal stopped (the same tally as `noTrade`).
   */
  screening?: NoTradeReason[];
  /** Buy-and-hold of the underlying on the same capital, for the equity chart. */
  buyAndHold: BuyAndHold;
  note: string;
}

/**
 * Holding the underlying instead: `notionalCents` (the run's peak capital at risk, so both curves
 * answer "what did this capital earn") invested at the first session's close.
 */
export interface BuyAndHold {
  underlying: string;
  notionalCents: number;
  /** Per equity point: the underlying's close (index points) and the holding's P&L (cents). */
  closes: number[];
  equityCents: number[];
  /** Annualised Sharpe of the holding's daily P&L changes; null when undefined. */
  sharpe: number | null;
}

/**
 * What the simulated trader does with an exit alert: close the position at the next exits run's
 * fill (`close-on-alert`, default), or ignore alerts and let it settle (`hold-to-expiry`).
 */
export type ExitPolicy = "close-on-alert" | "hold-to-expiry";
