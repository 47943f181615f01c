import type { MarketDynamics, UnderlyingDynamics } from "./dynamics-params";
import type { SeededRng } from "./seeded-rng";

/** Minutes of a full session (09:30–16:00): the unit of intraday variance. */
export const FULL_SESSION_MINUTES = 390;

/** The state of one walked index between steps. */
export interface IndexState {
  symbol: string;
  params: UnderlyingDynamics;
  /** ln(price). */
  logPrice: number;
  /** ln(instantaneous volatility). */
  logVol: number;
}

/** One session of one index: the path at each minute from the open (index 0) to the close. */
export interface IndexSession {
  /** ln(price) per session minute, length minutes + 1. */
  logPrice: Float64Array;
  /** ln(vol) per session minute, length minutes + 1. */
  logVol: Float64Array;
}

/**
 * One step of every index over `dt` years: a market-factor shock, each index's own shock, its
 * log-vol shock correlated to its return, and (with probability λ·dt, λ from {@link jumpIntensity})
 * a market-wide jump that also kicks vol up. The draw order is fixed, so the path is a pure function of the generator's seed.
 */
export function stepIndices(states: IndexState[], m: MarketDynamics, rng: SeededRng, dt: number): void {
  const sq = Math.sqrt(dt);
  const zMarket = rng.normal();
  const lead = states[0];
  const intensity = lead ? jumpIntensity(m, lead.params, lead.logVol) : m.jumpsPerYear;
  const jumped = rng.uniform() < intensity * dt;
  const jumpSize = jumped ? m.jumpMean + m.jumpStdDev * rng.normal() : 0;
  const minX = Math.log(m.minVol);
  const maxX = Math.log(m.maxVol);
  for (const s of states) {
    const p = s.params;
    const rho = p.marketCorrelation;
    const zSpot = rho * zMarket + Math.sqrt(1 - rho * rho) * rng.normal();
    const c = p.spotVolCorrelation;
    const zVol = c * zSpot + Math.sqrt(1 - c * c) * rng.normal();
    const sigma = Math.exp(s.logVol);
    const b = p.jumpBeta;
    const compensator = intensity * (Math.exp(b * m.jumpMean + (b * b * m.jumpStdDev ** 2) / 2) - 1);
    s.logPrice +=
      (p.expectedReturn - (sigma * sigma) / 2 - compensator) * dt + sigma * sq * zSpot + b * jumpSize;
    let x = s.logVol + p.kappa * (Math.log(p.medianVol) - s.logVol) * dt + p.volOfVol * sq * zVol;
    if (jumped) x += m.jumpVolKick;
    s.logVol = Math.min(maxX, Math.max(minX, x));
  }
}

/**
 * Market-wide jumps per year in force: `jumpsPerYear` at the lead index's median volatility,
 * proportional to its volatility (crashes cluster in turbulent markets).
 * @param logVol - the lead index's current ln σ
 */
export function jumpIntensity(m: MarketDynamics, lead: UnderlyingDynamics, logVol: number): number {
  return m.jumpsPerYear * (Math.exp(logVol) / lead.medianVol);
}

/**
 * Walks every index through one session: the overnight step (close → open), then one step per
 * minute to the close. An early close has fewer minutes, each with a full session's per-minute variance.
 */
export function walkSession(
  states: IndexState[],
  m: MarketDynamics,
  rng: SeededRng,
  minutes: number,
): IndexSession[] {
  const out = states.map(() => ({
    logPrice: new Float64Array(minutes + 1),
    logVol: new Float64Array(minutes + 1),
  }));
  const record = (i: number): void => {
    states.forEach((s, k) => {
      const o = out[k] as IndexSession;
      o.logPrice[i] = s.logPrice;
      o.logVol[i] = s.logVol;
    });
  };
  stepIndices(states, m, rng, m.overnightVarianceShare / m.sessionsPerYear);
  record(0);
  const dtMinute = (1 - m.overnightVarianceShare) / (m.sessionsPerYear * FULL_SESSION_MINUTES);
  for (let i = 1; i <= minutes; i++) {
    stepIndices(states, m, rng, dtMinute);
    record(i);
  }
  return out;
}
