/** Allowance for one snapshot write round trip plus clock skew between writer and reader, ms. */
export const SNAPSHOT_WRITE_SLACK_MS = 10_000;

/** The stream writer's cadence, ms (AppConfig `streamWindowMs` / `streamHeartbeatMs`). */
export interface StreamCadence {
  streamWindowMs: number;
  streamHeartbeatMs: number;
}

/** The writer's cadence when nothing is configured (local stack defaults). */
export const LOCAL_STREAM_CADENCE: StreamCadence = { streamWindowMs: 5_000, streamHeartbeatMs: 10_000 };

/**
 * The oldest snapshot a reader may use, ms: the one place every reader's max age comes from. An
 * unchanged symbol is re-confirmed every heartbeat, and a changed one waits at most one window,
 * so a healthy stream keeps each snapshot younger than window + heartbeat + write slack
 * (AWS default 10 s + 10 s + 10 s = 30 s; local default 5 s + 10 s + 10 s = 25 s).
 */
export function snapshotMaxAgeMs(c: StreamCadence): number {
  return c.streamWindowMs + c.streamHeartbeatMs + SNAPSHOT_WRITE_SLACK_MS;
}
