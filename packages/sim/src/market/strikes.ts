import type { StrikeBand } from "./underlyings";

/**
 * The strike grid around `spot`: every band's step within its distance of the centre, the
 * finest band winning. The centre is the spot rounded to the coarsest step, so the grid stays put
 * while the spot wanders within one coarse step.
 */
export function strikeGrid(bands: readonly StrikeBand[], spot: number): number[] {
  const coarse = bands[bands.length - 1]?.step ?? 1;
  const centre = Math.round(spot / coarse) * coarse;
  const strikes = new Set<number>();
  for (const band of bands) {
    const lo = Math.max(band.step, Math.ceil((centre * (1 - band.within)) / band.step) * band.step);
    const hi = Math.floor((centre * (1 + band.within)) / band.step) * band.step;
    for (let k = lo; k <= hi + 1e-9; k += band.step) strikes.add(Number(k.toFixed(3)));
  }
  return [...strikes].sort((a, b) => a - b);
}
