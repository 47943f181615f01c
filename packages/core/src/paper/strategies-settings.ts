import type { StrategiesConfig } from "../strategies/config-types";
import { parsePaperSettings, type PaperSettings } from "./paper-settings";

/**
 * Paper settings for a loaded strategies.yaml: its `fill` section prices paper fills (ideas and
 * entries use the same fill model); risk limits and exit rules keep their documented defaults.
 */
export function paperSettingsFromStrategies(
  strategies: Pick<StrategiesConfig, "fill"> | undefined,
): PaperSettings {
  const f = strategies?.fill;
  if (!f) return parsePaperSettings();
  return parsePaperSettings({
    fill: {
      model: f.model,
      maxQuoteAgeMs: f.maxQuoteAgeMs,
      ...(f.concession !== undefined ? { concession: f.concession } : {}),
      ...(f.maxSpreadWidth != null ? { maxSpreadWidth: f.maxSpreadWidth } : {}),
      ...(f.maxSpreadPctOfMid != null ? { maxSpreadPctOfMid: f.maxSpreadPctOfMid } : {}),
    },
  });
}
