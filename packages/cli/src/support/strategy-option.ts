import { STRATEGY_NAMES } from "@stratdeck/core/strategies";
import { OptionError } from "./cli-errors";

/**
 * `--strategy <name>`: one of the strategy names (or `all` where `allowAll`), else an
 * `unknown-strategy` error (exit 2) listing the names it accepts.
 */
export function strategyOption(raw: string | undefined, allowAll = false): string | undefined {
  if (raw === undefined || (allowAll && raw === "all")) return raw;
  if ((STRATEGY_NAMES as readonly string[]).includes(raw)) return raw;
  const known = allowAll ? [...STRATEGY_NAMES, "all"] : [...STRATEGY_NAMES];
  const names = `${STRATEGY_NAMES.join(", ")}${allowAll ? " or all" : ""}`;
  throw new OptionError(`--strategy must be one of ${names}, got "${raw}"`, "unknown-strategy", { known });
}
