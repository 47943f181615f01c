/** Powers of ten by decimal places (0–8). */
const SCALES = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
/** Largest |x × 10^dp| taken on the fast path: its rounding error stays under 1e-6. */
const FAST_LIMIT = 2 ** 31;
/** Distance from a tie (in units of the last place) below which the exact path decides. */
const TIE_MARGIN = 1e-6;

/**
 * `Number(x.toFixed(dp))`, exactly, for dp 0–8, without formatting a string in the common case:
 * x × 10^dp is rounded to the nearest integer n when it lies clearly away from a tie (its
 * floating-point error, < 2^31 × 2^-53, is far below the margin), and n / 10^dp is then the same
 * double as the decimal toFixed writes (both are the double nearest to n / 10^dp). Near a tie, for
 * a zero result (toFixed's sign of zero), for large or non-finite values and other dp it is
 * `toFixed`. The simulator rounds ~10⁷ prices a simulated year.
 */
export function roundDecimal(x: number, dp: number): number {
  const scale = SCALES[dp];
  if (scale !== undefined) {
    const scaled = x * scale;
    if (Math.abs(scaled) < FAST_LIMIT) {
      const floor = Math.floor(scaled);
      const frac = scaled - floor;
      if (Math.abs(frac - 0.5) > TIE_MARGIN) {
        const n = frac > 0.5 ? floor + 1 : floor;
        if (n !== 0) return n / scale;
      }
    }
  }
  return Number(x.toFixed(dp));
}
