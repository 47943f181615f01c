import type { Log } from "../log/log";
import { sessionOn } from "../time/nyse-calendar";
import { nyParts } from "../time/new-york";

/** Where the stream task's Fargate capacity comes from. */
export type StreamCapacityProvider = "FARGATE_SPOT" | "FARGATE";

/** One ECS service event (DescribeServices `events`): when, ms since epoch, and its message. */
export interface ServiceEvent {
  createdAt: number;
  message: string;
}

/** What the health job needs to know about the stream service (from ECS DescribeServices). */
export interface StreamServiceState {
  provider: StreamCapacityProvider;
  desiredCount: number;
  runningCount: number;
  /** The service's recent events, in any order. */
  events: readonly ServiceEvent[];
}

/** Port: the stream service (ECS in AWS; absent locally). */
export interface StreamCapacity {
  describe(): Promise<StreamServiceState>;
  /** Moves the service to `provider` (a new deployment places the task there). */
  use(provider: StreamCapacityProvider): Promise<void>;
  /** Sets the desired count to 1 (a deploy in a session left it at 0). */
  start(): Promise<void>;
}

/** What the fallback did on one health run. */
export type CapacityAction = "none" | "started" | "on-demand" | "spot-restored" | "failed";

/** Why the stream service has no running task, read from its events. */
export type OutageCause = "no-capacity" | "crash-loop" | "unknown";

/** How far back the service's events are read, ms (a health period plus margin). */
export const OUTAGE_EVENT_WINDOW_MS = 20 * 60_000;

/** ECS could not place the task for lack of capacity ("Capacity is unavailable at this time"). */
const NO_CAPACITY = /unable to place a task.*(capacity is unavailable|insufficient capacity)/i;
/** ECS started a task (it had capacity; a stream still down means the task itself fails). */
const STARTED = /has started \d+ tasks?/i;
/** ECS gave up on the task itself: circuit breaker, start impaired, failed health checks. */
const TASK_FAILING =
  /deployment failed|unable to consistently start tasks|failed container health checks|essential container.*exited/i;

/**
 * Why the service runs no task, from its events of the last {@link OUTAGE_EVENT_WINDOW_MS}:
 * `no-capacity` when ECS reported it could not place the task for lack of capacity and started
 * none since; `crash-loop` when it started tasks or reported them failing (a bad image, a crash, a
 * failed health check: on-demand capacity would fail the same way); otherwise `unknown`.
 */
export function outageCause(events: readonly ServiceEvent[], now: number): OutageCause {
  const recent = events
    .filter((e) => e.createdAt >= now - OUTAGE_EVENT_WINDOW_MS && e.createdAt <= now)
    .sort((a, b) => a.createdAt - b.createdAt);
  const lastNoCapacity = recent.findLast((e) => NO_CAPACITY.test(e.message));
  const lastStartOrFailure = recent.findLast((e) => STARTED.test(e.message) || TASK_FAILING.test(e.message));
  if (lastNoCapacity && (!lastStartOrFailure || lastStartOrFailure.createdAt < lastNoCapacity.createdAt))
    return "no-capacity";
  if (lastStartOrFailure) return "crash-loop";
  return "unknown";
}

/**
 * Spot with an on-demand fallback (ECS has none of its own: a task waiting for Spot capacity just
 * waits). During a session, with the stream not running:
 * - the service's desired count is 0 (a deploy in the session reset it): start it;
 * - on Spot and ECS reports no capacity: move the service to on-demand Fargate for the rest of the
 *   session; a crash loop or an unknown cause changes nothing (on-demand would fail the same way;
 *   the task-stop and staleness alarms page instead).
 * At the health job's runs before the next session opens (09:00, 09:15) the service goes back to
 * Spot, so the 09:20 start is on Spot again. Never throws: a failed call is logged and reported.
 */
export async function streamCapacityFallback(
  deps: { capacity?: StreamCapacity; log: Log },
  at: number,
  streamDown: boolean,
  inSession: boolean,
): Promise<CapacityAction> {
  if (!deps.capacity) return "none";
  const session = sessionOn(nyParts(at).date);
  const beforeOpen = session !== null && at < session.openAt;
  if (!(inSession && streamDown) && !beforeOpen) return "none";
  try {
    const state = await deps.capacity.describe();
    const port = { capacity: deps.capacity, log: deps.log };
    if (beforeOpen) return await restoreSpot(port, state);
    return await recover(port, state, at);
  } catch (err) {
    deps.log.error("stream.capacity", { action: "failed", error: err as Error });
    return "failed";
  }
}

async function restoreSpot(
  deps: { capacity: StreamCapacity; log: Log },
  state: StreamServiceState,
): Promise<CapacityAction> {
  if (state.provider !== "FARGATE") return "none";
  await deps.capacity.use("FARGATE_SPOT");
  deps.log.info("stream.capacity", { action: "spot-restored" });
  return "spot-restored";
}

async function recover(
  deps: { capacity: StreamCapacity; log: Log },
  state: StreamServiceState,
  at: number,
): Promise<CapacityAction> {
  if (state.desiredCount === 0) {
    await deps.capacity.start();
    deps.log.warn("stream.capacity", { action: "started", reason: "desired count 0 in session" });
    return "started";
  }
  const cause = outageCause(state.events, at);
  if (state.provider === "FARGATE_SPOT" && cause === "no-capacity") {
    await deps.capacity.use("FARGATE");
    deps.log.warn("stream.capacity", { action: "on-demand", reason: "no Spot capacity" });
    return "on-demand";
  }
  deps.log.warn("stream.capacity", { action: "none", cause, provider: state.provider });
  return "none";
}
