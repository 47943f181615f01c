import type { MetricValue, Metrics } from "./metrics";

/** Metrics kept in memory (tests, local runs). */
export class MemoryMetrics implements Metrics {
  readonly published: { at: number; values: MetricValue[]; dimensions: Record<string, string> }[] = [];

  publish(
    values: readonly MetricValue[],
    at: number,
    dimensions: Readonly<Record<string, string>> = {},
  ): void {
    this.published.push({ at, values: [...values], dimensions: { ...dimensions } });
  }

  /** Every value published under `name`, oldest first. */
  valuesOf(name: string): number[] {
    return this.published.flatMap((p) => p.values.filter((v) => v.name === name).map((v) => v.value));
  }
}
