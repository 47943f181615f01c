import { CALIBRATED_SMILE, type SmileModel } from "../surface-smile";

/**
 * The one documented place for the unrigged market's parameters (the backtest's market).
 *
 * Model, per underlying, stepped every session minute plus one overnight step:
 * - log-volatility x = ln σ is an Ornstein-Uhlenbeck process: dx = κ(ln σ̃ − x)dt + ξ dW_v, whose
 *   shocks are correlated with the index's own (`spotVolCorrelation` < 0: vol rises as it falls);
 *   vol therefore clusters (half-life ln 2 / κ) and mean-reverts;
 * - log-price: d ln S = (μ − σ²/2 − λ·k)dt + σ dW_s + J dN, where dW_s loads on a market factor
 *   (`marketCorrelation`) and J is a market-wide jump (Poisson) scaled by `jumpBeta`, its intensity
 *   λ = `jumpsPerYear` × σ_SPX / σ̃_SPX (crashes cluster in turbulent markets); each jump also kicks
 *   log-vol up by `jumpVolKick` (the fat tails and the clustering after a crash);
 * - the IV of a tenor is the model's expected volatility over it (diffusion variance averaged over
 *   the mean-reverting path plus the jump variance) times 1 + a variance risk premium that grows
 *   with the tenor (`impliedPremium` at 30 days, + `termPremium` per √(T/30d) − 1): in contango
 *   unless vol is well above its median, like VIX against VIX3M;
 * - skew and smile: `smile` ({@link SmileModel}, calibrated in ../surface-smile.ts to the real 25-delta
 *   risk reversal), steepening a little with the vol level;
 * - IV rank = where today's IV index sits in the range of the previous 252 daily closes.
 *
 * Time: a year is 252 sessions; `overnightVarianceShare` of each day's variance falls between the
 * close and the next open. Nothing here reads positions or orders.
 *
 * Calibration: every statistic of real S&P 500 / VIX daily history in calibration-targets.ts (the
 * real figure, its source and the accepted band) is measured on SPX over seeded 35-year histories
 * by tests/unit/sim/market-calibration.test.ts. How the SPX figures were chosen: κ from the real
 * 36-session half-life of ln VIX (κ = 252 ln 2 / 36 ≈ 4.9, 5.2 after the jump kicks); ξ from the
 * real 1.07 annual vol of ln VIX (the 30-day IV moves about 0.8 × x); σ̃ and the 30-day premium
 * from the realised vol and the VIX − realised gap; the jumps from the kurtosis and the −3 % days;
 * the term premium from the 7 % of inverted days; `spotVolCorrelation` from corr(ΔVIX, r).
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
  /** Market-wide jumps per year at SPX's median volatility (intensity λ ∝ σ_SPX). */
  jumpsPerYear: number;
  /** Mean log jump size (negative: crashes more than melt-ups). */
  jumpMean: number;
  /** Standard deviation of the log jump size. */
  jumpStdDev: number;
  /** Added to log-volatility at each jump. */
  jumpVolKick: number;
  /** 30-day implied over expected volatility, minus one (the variance risk premium, as a fraction). */
  impliedPremium: number;
  /** Extra premium per √(T / 30 days) − 1 of tenor (contango of the term structure). */
  termPremium: number;
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
  jumpsPerYear: 1.2,
  jumpMean: -0.04,
  jumpStdDev: 0.03,
  jumpVolKick: 0.5,
  impliedPremium: 0.245,
  termPremium: 0.27,
  smile: CALIBRATED_SMILE,
  ivRankSessions: 252,
  minVol: 0.04,
  maxVol: 1.5,
};

/** Defaults per walked index (XSP follows SPX / 10). */
export const UNDERLYING_DYNAMICS: Readonly<Record<string, UnderlyingDynamics>> = {
  SPX: {
    medianVol: 0.11,
    kappa: 5.2,
    volOfVol: 1.35,
    spotVolCorrelation: -0.83,
    marketCorrelation: 1,
    expectedReturn: 0.07,
    jumpBeta: 1,
  },
  NDX: {
    medianVol: 0.14,
    kappa: 5.2,
    volOfVol: 1.3,
    spotVolCorrelation: -0.78,
    marketCorrelation: 0.9,
    expectedReturn: 0.09,
    jumpBeta: 1.25,
  },
  RUT: {
    medianVol: 0.145,
    kappa: 5.2,
    volOfVol: 1.25,
    spotVolCorrelation: -0.75,
    marketCorrelation: 0.8,
    expectedReturn: 0.07,
    jumpBeta: 1.3,
  },
};
