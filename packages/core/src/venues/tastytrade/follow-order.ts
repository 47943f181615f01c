import type { LiveConfig } from "../../config/app-config";
import type { Log } from "../../log/log";
import { isTastyApiError } from "../../tasty/tasty-api-error";
import type { BrokerOrder } from "../../tasty/placed-order-wire";
import type { Clock } from "../../time/clock";
import {
  backoffMs,
  BrokerUnreachableError,
  isTransient,
  RETRY_BUDGET_MS,
  retryBrokerCall,
} from "./broker-retry";
import type { LiveBroker } from "./live-broker";

/** Polls after a cancel before an order that will not settle is reported as unfinished. */
export const MAX_POLLS_AFTER_CANCEL = 20;

/** What {@link followOrder} needs. */
export interface FollowDeps {
  broker: Pick<LiveBroker, "getOrder" | "cancelOrder">;
  clock: Clock;
  log: Log;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  settings: Pick<LiveConfig, "pollMs" | "cancelAfterMs">;
  /** Called on every look at the order (the pending record's lease is renewed there). */
  alive?: () => Promise<void>;
}

/** Consecutive failed polls: since when (ms), how many, and the last error. */
interface Failing {
  since: number;
  tries: number;
  err: unknown;
}

/** The order did not reach a final state in this run (still working, or the broker unreachable). */
export class OrderUnfinishedError extends Error {
  override readonly name = "OrderUnfinishedError";
  constructor(
    readonly orderId: string,
    readonly status: string,
    why: string,
  ) {
    super(`order ${orderId} is ${status}: ${why}; its pending record is kept for the next run`);
  }
}

/**
 * Follows an order to a final state: polls every `pollMs`, cancels once `cancelAfterMs` has passed
 * (at once with `cancelNow`), and keeps polling until the broker reports it final. A failed poll
 * (429, 5xx, timeout) is retried with backoff and never stops the cancel from going out when due;
 * a cancel is retried the same way (it has its own REST cooldown key); a cancel answered "not
 * cancellable" (a fill won the race) polls again so what filled is recorded. Throws
 * {@link OrderUnfinishedError} when the order cannot be brought to an end in this run.
 */
export async function followOrder(
  deps: FollowDeps,
  placed: BrokerOrder,
  options: { cancelNow?: boolean } = {},
): Promise<BrokerOrder> {
  const { clock, settings } = deps;
  const start = clock.now();
  let order = placed;
  let cancelled = false;
  let pollsAfterCancel = 0;
  let failing: Failing | undefined;
  while (!order.terminal) {
    await deps.alive?.();
    if (cancelled && ++pollsAfterCancel > MAX_POLLS_AFTER_CANCEL) {
      deps.log.error("live.order.stuck", { orderId: order.id, status: order.status });
      throw new OrderUnfinishedError(order.id, order.status, "still not final after its cancel");
    }
    if (!cancelled && (options.cancelNow === true || clock.now() - start >= settings.cancelAfterMs)) {
      cancelled = true;
      deps.log.info("live.order.cancel", { orderId: order.id, afterMs: clock.now() - start });
      order = await cancelOrder(deps, order);
      continue;
    }
    const wait = failing ? waitAfterFailure(deps, failing) : settings.pollMs;
    // A backoff (or a poll cooldown) never delays the cancel past its time.
    const untilCancel = cancelled ? wait : start + settings.cancelAfterMs - clock.now();
    await deps.sleep(Math.max(0, Math.min(wait, untilCancel)));
    if (!cancelled && wait > untilCancel) continue;
    const polled = await pollOnce(deps, order, failing);
    if (polled.ok) {
      order = polled.order;
      failing = undefined;
    } else failing = polled.failing;
  }
  return order;
}

/** One poll; a transient failure is returned (not thrown) so the loop can still cancel on time. */
async function pollOnce(
  deps: FollowDeps,
  order: BrokerOrder,
  failing: Failing | undefined,
): Promise<{ ok: true; order: BrokerOrder } | { ok: false; failing: Failing }> {
  try {
    return { ok: true, order: await deps.broker.getOrder(order.id) };
  } catch (err) {
    if (!isTransient(err)) throw err;
    const since = failing?.since ?? deps.clock.now();
    if (deps.clock.now() - since >= RETRY_BUDGET_MS) {
      deps.log.error("live.order.unreachable", { orderId: order.id, error: (err as Error).message });
      throw new OrderUnfinishedError(order.id, order.status, new BrokerUnreachableError("poll", err).message);
    }
    deps.log.warn("live.order.retry", { call: "poll", orderId: order.id, error: (err as Error).message });
    return { ok: false, failing: { since, tries: (failing?.tries ?? 0) + 1, err } };
  }
}

function waitAfterFailure(deps: FollowDeps, failing: Failing): number {
  return backoffMs(
    failing.err,
    failing.tries - 1,
    deps.settings.pollMs,
    deps.random ?? Math.random,
    deps.clock.now(),
  );
}

/**
 * Cancels, retrying transient failures; "not cancellable" (HTTP 4xx: the order filled or finished
 * first) is not an error: the order is read again and followed from there.
 */
async function cancelOrder(deps: FollowDeps, order: BrokerOrder): Promise<BrokerOrder> {
  try {
    return await retryBrokerCall(deps, "cancel", deps.settings.pollMs, () =>
      deps.broker.cancelOrder(order.id),
    );
  } catch (err) {
    if (err instanceof BrokerUnreachableError)
      throw new OrderUnfinishedError(order.id, order.status, err.message);
    if (!isTastyApiError(err, "validation")) throw err;
    deps.log.warn("live.order.not-cancellable", { orderId: order.id, error: err.message });
  }
  try {
    return await retryBrokerCall(deps, "poll", deps.settings.pollMs, () => deps.broker.getOrder(order.id));
  } catch (err) {
    if (err instanceof BrokerUnreachableError)
      throw new OrderUnfinishedError(order.id, order.status, err.message);
    throw err;
  }
}
