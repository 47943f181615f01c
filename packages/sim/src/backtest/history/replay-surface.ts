import {
  CALIBRATED_SMILE,
  moneynessZ,
  smileAt,
  smileVolOf,
  type SmileModel,
  type SmileShape,
} from "../../market/surface-smile";

/** Tenors of the Cboe volatility indexes, years: VIX9D (9 days), VIX (30 days), VIX3M (93 days). */
export const VOL_INDEX_YEARS = { vol9d: 9 / 365, vol: 30 / 365, vol3m: 93 / 365 } as const;

/** Levels of the volatility indexes at one instant, annualised fractions (VIX 18.5 → 0.185). */
export interface VolIndexLevels {
  /** The 30-day index (VIX). */
  vol: number;
  /** The 9-day index (VIX9D), when given. */
  vol9d?: number;
  /** The 3-month index (VIX3M), when given. */
  vol3m?: number;
}

/**
 * The implied-volatility surface a replay prices options on at one instant. The replay reads only
 * this; any surface (this file's, or the synthetic market's) can stand behind it.
 */
export interface ReplaySurface {
  /** At-the-money implied volatility of a tenor (years), annualised fraction. */
  atmVol(years: number): number;
  /** The smile around each tenor's ATM level. */
  readonly smile: SmileShape;
  /** Implied volatility of a strike, annualised fraction. */
  volAt(strike: number, forward: number, years: number): number;
}

/** Parameters of {@link replaySurface}. */
export interface ReplaySurfaceParams {
  /**
   * ATM implied volatility / volatility index at the index's tenor. The VIX is the price of a
   * 30-day variance swap, which includes the smile's wings, so it sits above the ATM volatility:
   * SPX 30-day ATM IV typically runs 1–3 vol points under the VIX at VIX 15–25. 0.875 is that gap
   * as a ratio (an assumption stated here, not fitted to option data).
   */
  atmRatio: number;
  /** Skew and smile around the ATM level: the synthetic market's calibrated one. */
  smile: SmileModel;
}

/** The replay's surface parameters (see {@link ReplaySurfaceParams} for where each comes from). */
export const REPLAY_SURFACE: ReplaySurfaceParams = { atmRatio: 0.875, smile: CALIBRATED_SMILE };

/** Known (tenor, total variance) points of the term structure, ascending tenor. */
function termPoints(levels: VolIndexLevels, ratio: number): { t: number; w: number }[] {
  const points: { t: number; v: number | undefined }[] = [
    { t: VOL_INDEX_YEARS.vol9d, v: levels.vol9d },
    { t: VOL_INDEX_YEARS.vol, v: levels.vol },
    { t: VOL_INDEX_YEARS.vol3m, v: levels.vol3m },
  ];
  return points
    .filter((p): p is { t: number; v: number } => p.v !== undefined && p.v > 0)
    .map((p) => ({ t: p.t, w: (ratio * p.v) ** 2 * p.t }));
}

/**
 * ATM volatility by tenor: each index × {@link ReplaySurfaceParams.atmRatio} at its own tenor, total
 * variance (σ²T) interpolated linearly in T between the indexes given, the volatility held flat
 * before the shortest and after the longest. With the VIX alone the term structure is flat.
 */
export function atmTermStructure(levels: VolIndexLevels, ratio: number): (years: number) => number {
  const pts = termPoints(levels, ratio);
  const first = pts[0];
  const last = pts.at(-1);
  if (!first || !last) throw new Error("atmTermStructure: no volatility index level");
  const volOf = (p: { t: number; w: number }): number => Math.sqrt(p.w / p.t);
  return (years) => {
    if (years <= first.t) return volOf(first);
    if (years >= last.t) return volOf(last);
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1] as { t: number; w: number };
      const b = pts[i] as { t: number; w: number };
      if (years > b.t) continue;
      const w = a.w + ((b.w - a.w) * (years - a.t)) / (b.t - a.t);
      return Math.sqrt(Math.max(w, 1e-12) / years);
    }
    return volOf(last);
  };
}

/**
 * The replay's surface at one instant from the volatility indexes' levels: ATM by tenor from
 * {@link atmTermStructure}, the calibrated smile ({@link smileAt}) at the 30-day ATM level.
 */
export function replaySurface(
  levels: VolIndexLevels,
  params: ReplaySurfaceParams = REPLAY_SURFACE,
): ReplaySurface {
  const atm = atmTermStructure(levels, params.atmRatio);
  const smile = smileAt(params.smile, params.atmRatio * levels.vol);
  return {
    atmVol: atm,
    smile,
    volAt: (strike, forward, years) => {
      const a = atm(years);
      return smileVolOf(a, moneynessZ(strike, forward, a, years), smile);
    },
  };
}
