import * as z from "zod/mini";
import "../validation/zod-english";
import type { FillModel } from "../pricing/fill-model";
import { LOCAL_STREAM_CADENCE, snapshotMaxAgeMs } from "../market-data/snapshot-max-age";
import type { FeeSchedule } from "./fee-model";

/** Risk limits checked before every paper entry. */
export interface RiskLimits {
  /** Most open positions at once (all underlyings). Default 5. */
  maxOpenPositions: number;
  /** Most open positions on one underlying. Default 2. */
  maxPerUnderlying: number;
  /** Most open positions of one strategy on one underlying. Default 1. */
  maxPerStrategyUnderlying: number;
  /** Most total max-loss across open positions, integer cents. Default 2,500,000 ($25,000). */
  maxTotalRiskCents: number;
  /**
   * Most new entries per schedule slot. Default 2. A redelivered run of the slot counts what the
   * earlier delivery entered, so it adds nothing even if the ranking changed in between.
   */
  maxEntriesPerSlot: number;
}

/** Exit rules checked against every open position. */
export interface ExitRules {
  /** Take profit at this fraction of max profit (0.5 = 50%). */
  profitTargetFraction: number;
  /** Flag when calendar days to expiration are at or below this. Default 21. */
  dteThreshold: number;
  /** Flag when the loss reaches this multiple of the entry credit (2 = lost twice the credit). */
  maxLossMultiple: number;
}

/** How paper orders are filled (see `fillPriceFromQuotes`). */
export interface PaperFillSettings {
  /** Default `conservative`: shorts toward the bid, longs toward the ask. */
  model: FillModel;
  /** Share of each leg's spread given up by the conservative model. Default 0.3. */
  concession: number;
  /** Oldest leg quote accepted for a fill or a mark, milliseconds. Default 15,000. */
  maxQuoteAgeMs: number;
  /** Widest leg bid/ask accepted on entry, USD per share. Default 3.00. */
  maxSpreadWidth: number;
  /** Widest leg bid/ask accepted on entry as a fraction of the leg's mid (absent = no limit). */
  maxSpreadPctOfMid?: number;
  /** Refuse an entry whose re-quoted credit fell more than this fraction below the idea's. Default 0.25. */
  maxCreditDropFraction: number;
}

/** Everything the paper engine is configured by. */
export interface PaperSettings {
  risk: RiskLimits;
  /** Exit rules of a position whose strategy has none in {@link exitsByStrategy}. */
  exits: ExitRules;
  /** Exit rules by strategy name (strategies.yaml `exits:`), over {@link exits}. */
  exitsByStrategy?: Readonly<Record<string, ExitRules>>;
  fill: PaperFillSettings;
  /** The fee model of fills and marks (strategies.yaml `fees:` over tastytrade's schedule): no default here. */
  fees: FeeSchedule;
}

/**
 * The documented defaults of what a config file may leave out. The fee schedule is not among
 * them: it comes with the strategies (their `fees:` over tastytrade's published schedule).
 */
export const DEFAULT_PAPER_SETTINGS: Omit<PaperSettings, "fees" | "exitsByStrategy"> = {
  risk: {
    maxOpenPositions: 5,
    maxPerUnderlying: 2,
    maxPerStrategyUnderlying: 1,
    maxTotalRiskCents: 2_500_000,
    maxEntriesPerSlot: 2,
  },
  exits: { profitTargetFraction: 0.5, dteThreshold: 21, maxLossMultiple: 2 },
  fill: {
    model: "conservative",
    concession: 0.3,
    maxQuoteAgeMs: snapshotMaxAgeMs(LOCAL_STREAM_CADENCE),
    maxSpreadWidth: 3,
    maxCreditDropFraction: 0.25,
  },
};

const count = z.int().check(z.minimum(0));
const positive = z.number().check(z.positive());
/** An optional section of which every key is optional. */
const section = <S extends z.core.$ZodLooseShape>(shape: S) => z.optional(z.partial(z.strictObject(shape)));
const settingsSchema = z.strictObject({
  risk: section({
    maxOpenPositions: count,
    maxPerUnderlying: count,
    maxPerStrategyUnderlying: count,
    maxTotalRiskCents: count,
    maxEntriesPerSlot: count,
  }),
  exits: section({
    profitTargetFraction: z.number().check(z.gt(0), z.maximum(1)),
    dteThreshold: count,
    maxLossMultiple: z.number().check(z.gt(0)),
  }),
  fill: section({
    model: z.enum(["mid", "conservative"]),
    concession: z.number().check(z.minimum(0), z.maximum(0.5)),
    maxQuoteAgeMs: z.int().check(z.positive()),
    maxSpreadWidth: positive,
    maxSpreadPctOfMid: positive,
    maxCreditDropFraction: z.number().check(z.minimum(0), z.maximum(1)),
  }),
});

/** Partial settings as written in a config file; missing fields take the defaults. */
export type PaperSettingsInput = z.input<typeof settingsSchema>;

/** Thrown by {@link parsePaperSettings}; the message names every bad field. */
export class PaperSettingsError extends Error {
  override readonly name = "PaperSettingsError";
}

/**
 * Validates partial settings (e.g. a config file's `risk:` section) and fills in the documented
 * defaults; the fee schedule is required (the strategies' `fees`, see `paperSettingsFromStrategies`).
 */
export function parsePaperSettings(input: unknown, fees: FeeSchedule): PaperSettings {
  const parsed = settingsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => {
      const keys = "keys" in i && Array.isArray(i.keys) ? `.${i.keys.join(",")}` : "";
      return `${i.path.join(".") || "settings"}${keys}: ${i.message}`;
    });
    throw new PaperSettingsError(`invalid paper settings: ${fields.join("; ")}`);
  }
  const d = DEFAULT_PAPER_SETTINGS;
  return {
    risk: { ...d.risk, ...parsed.data.risk },
    exits: { ...d.exits, ...parsed.data.exits },
    fill: { ...d.fill, ...parsed.data.fill },
    fees,
  };
}
