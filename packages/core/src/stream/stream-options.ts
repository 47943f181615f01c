import type { AppConfig } from "../config/app-config";
import type { StreamTaskOptions } from "./stream-task";

/** Distance from spot where the strategies' short strikes sit (~16-20 delta at 30-45 DTE), fraction. */
export const STRATEGY_OTM_TARGET = 0.045;

/**
 * Stream task options from the config, shared by every shell: writer window and heartbeat (ms), and
 * the option-symbol cap with strikes picked out of the money around {@link STRATEGY_OTM_TARGET}.
 */
export function streamOptionsFromConfig(
  config: Pick<AppConfig, "streamWindowMs" | "streamHeartbeatMs" | "streamMaxOptions">,
): StreamTaskOptions {
  return {
    // Nothing is written faster than the window, so the feed need not deliver faster either
    // (capped at 2 s so the feed's 5 s staleness check still sees events).
    feed: { aggregationPeriodSeconds: Math.min(config.streamWindowMs, 2_000) / 1000 },
    writer: { windowMs: config.streamWindowMs, heartbeatMs: config.streamHeartbeatMs },
    plan: {
      maxOptionSymbols: config.streamMaxOptions,
      targetOtmFraction: STRATEGY_OTM_TARGET,
      bandFraction: 0.1,
    },
  };
}
