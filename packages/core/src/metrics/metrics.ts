/** CloudWatch namespace of StratDeck's own metrics (the stacks' alarms read it). */
export const METRICS_NAMESPACE = "StratDeck";

/** Dimension every StratDeck metric carries, so stages do not mix. */
export const STAGE_DIMENSION = "Stage";

/**
 * Metrics the health job publishes on every run (0 or 1, unit Count):
 * - `DataStale`: in a session, the stream task's heartbeat is fresh but no event of a subscribed
 *   kind arrived within the stale time (socket up or reconnecting);
 * - `StreamDown`: in a session, the stream task's heartbeat is absent or too old (not running).
 */
export const HEALTH_METRICS = { dataStale: "DataStale", streamDown: "StreamDown" } as const;

/** One metric value. */
export interface MetricValue {
  name: string;
  value: number;
  unit: "Count" | "Milliseconds" | "Seconds" | "None";
}

/** Port for publishing metrics (CloudWatch EMF in Lambda, memory in tests). */
export interface Metrics {
  /** Publishes values observed at `at` (ms since epoch). Never throws. */
  publish(values: readonly MetricValue[], at: number): void;
}
