import type { AppConfig } from "../config/app-config";
import type { Log } from "../log/log";

/**
 * Where an order may go: the paper engine, tastytrade's dry-run endpoint (validated, never placed),
 * tastytrade for real, or nowhere (with the reason).
 */
export type TradingDecision =
  | { mode: "paper" }
  | { mode: "live-dry-run" }
  | { mode: "live-confirmed" }
  | { mode: "refused"; reason: string };

/** A decision that allows an order to go somewhere. */
export type AllowedDecision = Exclude<TradingDecision, { mode: "refused" }>;

/** The config fields the guard reads (plus the live settings, used once an order is confirmed). */
export type GuardConfig = Pick<AppConfig, "tradingMode" | "liveArmed"> & Partial<Pick<AppConfig, "live">>;

/** Options of {@link tradingDecision}. */
export interface DecisionOptions {
  /** The operator explicitly confirmed real orders for this run (e.g. `--confirm-live`). */
  confirm?: boolean;
}

/** Message of the refusal when live trading is requested but not armed. */
export const NOT_ARMED_REASON =
  "STRATDECK_TRADING_MODE=live but STRATDECK_LIVE_ARMED is not YES: live orders are refused " +
  "(set STRATDECK_LIVE_ARMED=YES to arm, or STRATDECK_TRADING_MODE=paper)";

/** Message of the refusal when real orders are confirmed (`--confirm-live`) without arming, in paper mode. */
export const CONFIRM_NOT_ARMED_REASON =
  "--confirm-live (or STRATDECK_LIVE_SCHEDULED=YES) asks for real orders, but STRATDECK_LIVE_ARMED is not YES " +
  "and STRATDECK_TRADING_MODE is paper: nothing is entered (drop the confirmation for paper trades)";

/**
 * The trading-mode tripwire. Paper is the default; live needs `tradingMode: live` *and*
 * `liveArmed` (STRATDECK_LIVE_ARMED=YES), and even then goes to the dry-run endpoint unless
 * `confirm` is set. A confirmation without arming is refused in every mode (a paper run never
 * silently takes `--confirm-live` for a paper trade).
 */
export function tradingDecision(config: GuardConfig, options: DecisionOptions = {}): TradingDecision {
  if (config.tradingMode !== "live")
    return options.confirm === true && config.liveArmed !== true
      ? { mode: "refused", reason: CONFIRM_NOT_ARMED_REASON }
      : { mode: "paper" };
  if (config.liveArmed !== true) return { mode: "refused", reason: NOT_ARMED_REASON };
  return options.confirm === true ? { mode: "live-confirmed" } : { mode: "live-dry-run" };
}

/** Thrown by {@link assertTradingAllowed} when orders are refused. */
export class TradingRefusedError extends Error {
  override readonly name = "TradingRefusedError";
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Returns the allowed decision, or logs `guard.refused` at error level and throws
 * {@link TradingRefusedError}.
 */
export function assertTradingAllowed(
  config: GuardConfig,
  options: DecisionOptions & { log?: Log } = {},
): AllowedDecision {
  const decision = tradingDecision(config, options);
  if (decision.mode === "refused") {
    options.log?.error("guard.refused", { tradingMode: config.tradingMode, reason: decision.reason });
    throw new TradingRefusedError(decision.reason);
  }
  return decision;
}
