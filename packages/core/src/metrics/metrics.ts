/** CloudWatch namespace of StratDeck's own metrics (the stacks' alarms read it). */
export const METRICS_NAMESPACE = "StratDeck";

/** Value of the `service` dimension Powertools Metrics puts on every metric. */
export const METRICS_SERVICE = "stratdeck";

/** Dimension every StratDeck metric carries, so stages do not mix. */
export const STAGE_DIMENSION = "Stage";

/** Dimension of the job heartbeat: the job's name. */
export const JOB_DIMENSION = "Job";

/**
 * Published by every scheduled invocation of a job (a run or a skip), dimension
 * {@link JOB_DIMENSION}: `JobHeartbeat` = 1. Its absence in market hours is the dead-man alarm.
 */
export const JOB_METRICS = { heartbeat: "JobHeartbeat" } as const;

/** Dimension of `StreamEvents`: the kind of subscribed symbol (`underlyings` or `options`). */
export const STREAM_KIND_DIMENSION = "Kind";

/**
 * Published by the stream task every minute while it streams (a dead task publishes nothing, which
 * the staleness alarm treats as breaching in a session):
 * - `StreamEvents`, per kind of subscribed symbol (dimension {@link STREAM_KIND_DIMENSION}): market
 *   events applied to that kind over the last minute;
 * - `StreamNewestEventAge`: seconds since the newest event of the stalest subscribed kind (the
 *   underlyings' newest event or the options', whichever is older), so one kind stalling alone
 *   pages; counted from the task's start while a kind has had no event;
 * - `SnapshotAge`: seconds since the snapshot writer's last successful flush.
 */
export const STREAM_METRICS = {
  events: "StreamEvents",
  newestEventAge: "StreamNewestEventAge",
  snapshotAge: "SnapshotAge",
} as const;

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

/** Port for publishing metrics (Powertools Metrics in AWS, memory in tests). */
export interface Metrics {
  /**
   * Publishes values observed at `at` (ms since epoch), with `dimensions` on top of the service and
   * stage ones. Never throws.
   */
  publish(values: readonly MetricValue[], at: number, dimensions?: Readonly<Record<string, string>>): void;
}
