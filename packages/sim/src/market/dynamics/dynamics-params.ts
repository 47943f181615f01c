import { CALIBRATED_SMILE, type SmileModel } from "../surface-smile";

/**
 * The one documented place for the unrigged market's parameters (the backtest's market).
 *
 * Model, per underlying, stepped every session minute plus one overnight step:
 * - log-volatility x = ln σ is an Ornstein-Uhlenbeck process: dx = κ(ln σ̃ − x)dt + ξ dW_v, whose
 *   shocks are correlated with the index's own (`spotVolCorrelation` < 0: vol rises as it falls);
 *   vol therefore clusters (half-life ln 2 / κ) and mean-reverts;
 * - log-price: d ln S = (μ − σ²/2 − λ·k)dt + σ dW_s + J dN, where dW_s loads on a market factor
 *   (`marketCorrelation`) and J is a market-wide jump (Poisson, intensity λ) scaled by `jumpBeta`;
 *   each jump also kicks log-vol up by `jumpVolKick`;
 * - the 30-day IV index is the model's expected volatility over 30 days (variance of the
 *   diffusion averaged over the mean-reverting path, plus the jump variance) plus a premium of
 *   `impliedPremium` (the variance risk premium); the term structure is the same expectation per
 *   tenor, so it is upward sloping when vol is below its median and inverted when above;
 * - skew and smile: `smile` ({@link SmileModel}, calibrated in ../surface-smile.ts to the real 25-delta
 *   risk reversal), steepening a little with the vol level;
 * - IV rank = where today's IV index sits in the range of the previous 252 daily closes.
 *
 * Time: a year is 252 sessions; `overnightVarianceShare` of each day's variance falls between the
 * close and the next open. Nothing here reads positions or orders.
 *
 * Targets (measured by tests/unit/sim/market-dynamics.test.ts over several seeds): SPX annualised
 * realised volatility of daily closes 15–18%; IV index above the next 21 sessions' realised
 * volatility by 2–4 vol points on average; positive clustering (autocorrelation of |daily return|
 * at lag 1 > 0.1); fat tails (excess kurtosis of daily returns > 1); IV index moves against the
 * index (correlation of daily changes < −0.5).
 */

/** Parameters of one walked index. */
export interface UnderlyingDynamics {
  /** Median instantaneous volatility exp(θ), annualised fraction. */
  medianVol: number;
  /** Mean reversion of log-volatility, per year (half-life = ln 2 / κ years). */
  kappa: number;
  /** Volatility of log-volatility ξ, per √year. */
  volOfVol: number;
  /** Correlation of the log-vol shock with the index's own return shock. */
  spotVolCorrelation: number;
  /** Correlation of the index's return shock with the market factor (SPX = 1). */
  marketCorrelation: number;
  /** Expected return, annual fraction (drift μ before the −σ²/2 correction). */
  expectedReturn: number;
  /** Multiplier of the market jump size for this index. */
  jumpBeta: number;
}

/** Parameters shared by the whole market. */
export interface MarketDynamics {
  /** Sessions per year: the time unit of every annualised figure. */
  sessionsPerYear: number;
  /** Fraction of a day's variance in the overnight step (close → next open). */
  overnightVarianceShare: number;
  /** Market-wide jumps per year (Poisson intensity λ). */
  jumpsPerYear: number;
  /** Mean log jump size (negative: crashes more than melt-ups). */
  jumpMean: number;
  /** Standard deviation of the log jump size. */
  jumpStdDev: number;
  /** Added to log-volatility at each jump. */
  jumpVolKick: number;
  /** Implied minus expected volatility, annualised fraction (the variance risk premium, in vol). */
  impliedPremium: number;
  /** Skew and smile of every index's surface around its ATM IV. */
  smile: SmileModel;
  /** Sessions in the IV-rank look-back. */
  ivRankSessions: number;
  /** Bounds of the instantaneous volatility, annualised fractions (numerical guard rails). */
  minVol: number;
  maxVol: number;
}

/** Defaults of the whole market. */
export const MARKET_DYNAMICS: MarketDynamics = {
  sessionsPerYear: 252,
  overnightVarianceShare: 0.2,
  jumpsPerYear: 2.5,
  jumpMean: -0.025,
  jumpStdDev: 0.02,
  jumpVolKick: 0.2,
  impliedPremium: 0.03,
  smile: CALIBRATED_SMILE,
  ivRankSessions: 252,
  minVol: 0.04,
  maxVol: 1.5,
};

/** Defaults per walked index (XSP follows SPX / 10). */
export const UNDERLYING_DYNAMICS: Readonly<Record<string, UnderlyingDynamics>> = {
  SPX: {
    medianVol: 0.12,
    kappa: 3,
    volOfVol: 0.8,
    spotVolCorrelation: -0.7,
    marketCorrelation: 1,
    expectedReturn: 0.07,
    jumpBeta: 1,
  },
  NDX: {
    medianVol: 0.14,
    kappa: 3,
    volOfVol: 0.8,
    spotVolCorrelation: -0.65,
    marketCorrelation: 0.9,
    expectedReturn: 0.09,
    jumpBeta: 1.25,
  },
  RUT: {
    medianVol: 0.15,
    kappa: 3,
    volOfVol: 0.75,
    spotVolCorrelation: -0.6,
    marketCorrelation: 0.8,
    expectedReturn: 0.07,
    jumpBeta: 1.3,
  },
};
