import type { Log } from "../log/log";
import { sessionOn } from "../time/nyse-calendar";
import { nyParts } from "../time/new-york";

/** Where the stream task's Fargate capacity comes from. */
export type StreamCapacityProvider = "FARGATE_SPOT" | "FARGATE";

/** Port: the stream service's capacity provider (ECS in AWS; absent locally). */
export interface StreamCapacity {
  /** The provider the service runs on now. */
  current(): Promise<StreamCapacityProvider>;
  /** Moves the service to `provider` (a new deployment places the task there). */
  use(provider: StreamCapacityProvider): Promise<void>;
}

/** What the fallback did on one health run. */
export type CapacityAction = "none" | "on-demand" | "spot-restored" | "failed";

/**
 * Spot with an on-demand fallback (ECS has none of its own: a task waiting for Spot capacity just
 * waits). During a session, a stream that is not running (heartbeat absent or stale) while the
 * service is on Spot moves the service to on-demand Fargate; before the next session opens it goes
 * back to Spot. Never throws: a failed switch is logged and reported.
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
    const now = await deps.capacity.current();
    if (inSession && streamDown && now === "FARGATE_SPOT") {
      await deps.capacity.use("FARGATE");
      deps.log.warn("stream.capacity", { action: "on-demand", reason: "stream not running in session" });
      return "on-demand";
    }
    if (beforeOpen && now === "FARGATE") {
      await deps.capacity.use("FARGATE_SPOT");
      deps.log.info("stream.capacity", { action: "spot-restored" });
      return "spot-restored";
    }
    return "none";
  } catch (err) {
    deps.log.error("stream.capacity", { action: "failed", error: err as Error });
    return "failed";
  }
}
