import type { StrategiesConfig } from "../strategies/config-types";
import { parsePaperSettings, type ExitRules, type PaperSettings } from "./paper-settings";

/**
 * Paper settings for a loaded strategies.yaml: its `fill` section prices paper fills (ideas and
 * entries use the same fill model), `fees` is the fee model, `risk` the risk limits and each
 * strategy's `exits` its exit rules.
 */
export function paperSettingsFromStrategies(
  strategies: Pick<StrategiesConfig, "fill" | "fees" | "risk"> &
    Partial<Pick<StrategiesConfig, "strategies">>,
): PaperSettings {
  const settings = settingsOf(strategies);
  const exitsByStrategy: Record<string, ExitRules> = {};
  for (const [name, rules] of Object.entries(strategies.strategies ?? {}))
    if (rules) exitsByStrategy[name] = rules.exits;
  return { ...settings, exitsByStrategy };
}

function settingsOf(strategies: Pick<StrategiesConfig, "fill" | "fees" | "risk">): PaperSettings {
  const f = strategies.fill;
  const risk = strategies.risk ? { risk: riskLimitsOf(strategies.risk) } : {};
  if (!f) return parsePaperSettings(risk, strategies.fees);
  return parsePaperSettings(
    {
      ...risk,
      fill: {
        model: f.model,
        maxQuoteAgeMs: f.maxQuoteAgeMs,
        ...(f.concession !== undefined ? { concession: f.concession } : {}),
        ...(f.maxSpreadWidth != null ? { maxSpreadWidth: f.maxSpreadWidth } : {}),
        ...(f.maxSpreadPctOfMid != null ? { maxSpreadPctOfMid: f.maxSpreadPctOfMid } : {}),
      },
    },
    strategies.fees,
  );
}

/** The file's risk rules that are risk limits (the re-entry block is applied before entry). */
function riskLimitsOf(
  r: NonNullable<StrategiesConfig["risk"]>,
): Omit<typeof r, "blockReentryAfterManualClose"> {
  const limits = { ...r };
  delete limits.blockReentryAfterManualClose;
  return limits;
}
