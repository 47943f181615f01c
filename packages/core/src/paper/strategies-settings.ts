import type { StrategiesConfig } from "../strategies/config-types";
import { parsePaperSettings, type PaperSettings } from "./paper-settings";

/**
 * Paper settings for a loaded strategies.yaml: its `fill` section prices paper fills (ideas and
 * entries use the same fill model), `fees` is the fee model and `risk` the risk limits; exit rules
 * keep their documented defaults.
 */
export function paperSettingsFromStrategies(
  strategies: Pick<StrategiesConfig, "fill" | "fees" | "risk"> | undefined,
): PaperSettings {
  const f = strategies?.fill;
  const risk = strategies?.risk ? { risk: strategies.risk } : {};
  if (!f) return parsePaperSettings(risk, strategies?.fees);
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
    strategies?.fees,
  );
}
