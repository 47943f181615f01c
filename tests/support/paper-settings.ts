import {
  DEFAULT_FEE_SCHEDULE,
  parsePaperSettings,
  type PaperSettings,
  type PaperSettingsInput,
} from "@stratdeck/core/ledger";

/**
 * The tests' paper settings: the documented defaults under `input`, fees on tastytrade's published
 * schedule (production takes both from strategies.yaml through `paperSettingsFromStrategies`).
 */
export const testSettings = (input: PaperSettingsInput = {}): PaperSettings =>
  parsePaperSettings(input, DEFAULT_FEE_SCHEDULE);
