import type { ExitPolicy } from "@stratdeck/sim/backtest";
import { nextTradingDay, isTradingDay } from "@stratdeck/core/time";
import { OptionError } from "../support/cli-errors";
import { strategyOption } from "../support/strategy-option";

/** Raw options of `stratdeck backtest` as commander hands them over. */
export interface BacktestCliOptions {
  /** `true` = the JSON on stdout; a path = also write it to that file. */
  json?: boolean | string;
  from?: string;
  to?: string;
  seed?: string;
  strategy?: string;
  exits?: string;
  html?: string;
  replay?: string;
  history?: string;
  vol?: string;
  vol9d?: string;
  vol3m?: string;
  underlying?: string;
  seeds?: string;
  sweep?: string[];
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
  /** Daily history files (`--history` and its volatility indexes); undefined = synthetic or recording. */
  history?: { history: string; vol: string; vol9d?: string; vol3m?: string; underlying: string };
  /** Runs over seeds `seed` … `seed + seeds − 1` (1 = a single run). */
  seeds: number;
  /** `KEY=a,b,c` texts (checked against the strategies later). */
  sweep: string[];
  /** File to write the JSON to (`--json FILE`). */
  jsonFile?: string;
  /** `--json` given (with or without a file). */
  json: boolean;
}

/** Most seeds of one `--seeds` run. */
export const MAX_SEEDS = 64;
/** Underlyings a daily history can be of. */
export const HISTORY_UNDERLYINGS = ["SPX", "RUT", "NDX"] as const;

/** Longest range accepted, calendar days (five years). */
export const MAX_RANGE_DAYS = 5 * 366;

/** A bad option of `stratdeck backtest`, naming it (exit 2, like every bad option). */
export class BacktestOptionError extends OptionError {
  override readonly name: string = "BacktestOptionError";
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
  const name = strategyOption(o.strategy ?? "all", true) ?? "all";
  const exits = o.exits ?? "close-on-alert";
  if (exits !== "close-on-alert" && exits !== "hold-to-expiry")
    throw new BacktestOptionError(`--exits must be close-on-alert or hold-to-expiry, got "${exits}"`);
  if (o.html !== undefined && o.html.trim() === "") throw new BacktestOptionError(`--html needs a file path`);
  if (o.replay !== undefined && o.replay.trim() === "")
    throw new BacktestOptionError(`--replay needs a file path`);
  const runs = runsOf(o);
  return {
    from,
    to,
    seed,
    strategy: name === "all" ? undefined : name,
    exitPolicy: exits,
    html: o.html,
    replay: o.replay,
    ...historyOf(o),
    ...runs,
    ...(typeof o.json === "string" ? { jsonFile: path(o.json, "--json") } : {}),
    json: o.json !== undefined && o.json !== false,
  };
}

function path(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === "") throw new BacktestOptionError(`${flag} needs a file path`);
  return value;
}

/** `--history` with its volatility files, checked together (before any file is read). */
export function historyOf(o: BacktestCliOptions): Pick<BacktestRequest, "history"> {
  const given = [o.vol, o.vol9d, o.vol3m, o.underlying].some((v) => v !== undefined);
  if (o.history === undefined) {
    if (given) throw new BacktestOptionError(`--vol, --vol9d, --vol3m and --underlying need --history`);
    return {};
  }
  if (o.replay !== undefined) throw new BacktestOptionError(`--history and --replay cannot be used together`);
  const underlying = (o.underlying ?? "SPX").toUpperCase();
  if (!(HISTORY_UNDERLYINGS as readonly string[]).includes(underlying))
    throw new BacktestOptionError(
      `--underlying must be one of ${HISTORY_UNDERLYINGS.join(", ")}, got "${o.underlying ?? ""}"`,
    );
  if (o.vol === undefined)
    throw new BacktestOptionError(`--history needs --vol (the 30-day volatility index)`);
  return {
    history: {
      history: path(o.history, "--history"),
      vol: path(o.vol, "--vol"),
      ...(o.vol9d !== undefined ? { vol9d: path(o.vol9d, "--vol9d") } : {}),
      ...(o.vol3m !== undefined ? { vol3m: path(o.vol3m, "--vol3m") } : {}),
      underlying,
    },
  };
}

/** `--seeds N` or `--sweep KEY=…` (one or two), never both, never over a recording. */
function runsOf(o: BacktestCliOptions): Pick<BacktestRequest, "seeds" | "sweep"> {
  const text = o.seeds ?? "1";
  const seeds = Number(text);
  if (!/^\d+$/.test(text) || seeds < 1 || seeds > MAX_SEEDS)
    throw new BacktestOptionError(`--seeds must be a whole number from 1 to ${MAX_SEEDS}, got "${text}"`);
  const sweep = o.sweep ?? [];
  if (sweep.length > 2) throw new BacktestOptionError(`--sweep takes one or two keys, got ${sweep.length}`);
  if (sweep.length > 0 && seeds > 1) throw new BacktestOptionError(`use --seeds or --sweep, not both`);
  if (o.replay !== undefined && (seeds > 1 || sweep.length > 0))
    throw new BacktestOptionError(`--seeds and --sweep run the synthetic market or --history, not --replay`);
  return { seeds, sweep };
}
