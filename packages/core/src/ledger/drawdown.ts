/** Largest fall of a series from its running peak (the peak starts at 0), in the series' units. */
export function maxDrawdown(series: Iterable<number>): number {
  let peak = 0;
  let worst = 0;
  for (const v of series) {
    peak = Math.max(peak, v);
    worst = Math.max(worst, peak - v);
  }
  return worst;
}
