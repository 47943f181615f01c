import { STRATEGY_NAMES } from "@stratdeck/core/strategies";
import type { ExitPolicy } from "@stratdeck/sim/backtest";
import { nextTradingDay, isTradingDay } from "@stratdeck/core/time";
import { OptionError } from "../support/run";

/** Raw options of `stratdeck backtest` as commander hands them over. */
export interface BacktestCliOptions {
  json?: boolean;
  from?: string;
  to?: string;
  seed?: string;
  strategy?: string;
  exits?: string;
  html?: string;
  replay?: string;
}

/** Validated options. */
export interface BacktestRequest {
  from: string;
  to: string;
  seed: number;
  /** undefined = every enabled strategy. */
  strategy: string | undefined;
  exitPolicy: ExitPolicy;
  html: string | undefined;
  replay: string | undefined;
}

/** Longest range accepted, calendar days (five years). */
export const MAX_RANGE_DAYS = 5 * 366;

/** A bad option of `stratdeck backtest`, naming it (exit 2, like every bad option). */
export class BacktestOptionError extends OptionError {
  override readonly name = "BacktestOptionError";
}

function date(value: string | undefined, flag: string): string {
  if (value === undefined) throw new BacktestOptionError(`${flag} is required (YYYY-MM-DD)`);
  const ms = Date.parse(`${value}T00:00:00Z`);
  const ok =
    /^\d{4}-\d{2}-\d{2}$/.test(value) && Number.isFinite(ms) && new Date(ms).toISOString().startsWith(value);
  if (!ok) throw new BacktestOptionError(`${flag} must be a real date YYYY-MM-DD, got "${value}"`);
  return value;
}

/** Validates the options; every error names the option and what it accepts. */
export function parseBacktestOptions(
  o: BacktestCliOptions,
  /** With `--replay`: the recording's first and last New York date (the default range). */
  recorded?: { from: string; to: string },
): BacktestRequest {
  const from = date(o.from ?? recorded?.from, "--from");
  const to = date(o.to ?? recorded?.to, "--to");
  if (to < from) throw new BacktestOptionError(`--to (${to}) is before --from (${from})`);
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days > MAX_RANGE_DAYS)
    throw new BacktestOptionError(`--from/--to span ${days} days; at most ${MAX_RANGE_DAYS}`);
  const first = isTradingDay(from) ? from : nextTradingDay(from);
  if (first > to) throw new BacktestOptionError(`no NYSE trading day between --from ${from} and --to ${to}`);
  const seedText = o.seed ?? "1";
  const seed = Number(seedText);
  if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(seed))
    throw new BacktestOptionError(`--seed must be an integer, got "${seedText}"`);
  const name = o.strategy ?? "all";
  if (name !== "all" && !(STRATEGY_NAMES as readonly string[]).includes(name))
    throw new BacktestOptionError(
      `--strategy must be one of ${STRATEGY_NAMES.join(", ")} or all, got "${name}"`,
    );
  const exits = o.exits ?? "close-on-alert";
  if (exits !== "close-on-alert" && exits !== "hold-to-expiry")
    throw new BacktestOptionError(`--exits must be close-on-alert or hold-to-expiry, got "${exits}"`);
  if (o.html !== undefined && o.html.trim() === "") throw new BacktestOptionError(`--html needs a file path`);
  if (o.replay !== undefined && o.replay.trim() === "")
    throw new BacktestOptionError(`--replay needs a file path`);
  return {
    from,
    to,
    seed,
    strategy: name === "all" ? undefined : name,
    exitPolicy: exits,
    html: o.html,
    replay: o.replay,
  };
}
