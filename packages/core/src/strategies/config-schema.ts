import * as z from "zod/mini";
import "../validation/zod-english";
import { DEFAULT_PAPER_SETTINGS } from "../ledger/paper-settings";
import { ENTRY_MODES, INDEX_UNDERLYINGS, STRATEGY_NAMES } from "./names";

/** Exit rules of a strategy whose file sets none (the values every strategy had before `exits:`). */
export const DEFAULT_EXIT_RULES = DEFAULT_PAPER_SETTINGS.exits;

const describe = (v: unknown): string => (v === undefined ? "nothing" : JSON.stringify(v));

/** A number with a range rule; the error names the rule and echoes the bad value. */
function num(rule: { min?: number; max?: number; gt?: number; int?: boolean }) {
  const parts: string[] = [];
  if (rule.gt !== undefined) parts.push(`> ${rule.gt}`);
  if (rule.min !== undefined) parts.push(`>= ${rule.min}`);
  if (rule.max !== undefined) parts.push(`<= ${rule.max}`);
  const text = `must be ${rule.int ? "a whole number" : "a number"}${parts.length ? " " + parts.join(" and ") : ""}`;
  const check = z.superRefine((v: unknown, ctx) => {
    if (v === undefined) return void ctx.addIssue({ code: "custom", message: "required" });
    const ok =
      typeof v === "number" &&
      Number.isFinite(v) &&
      (!rule.int || Number.isInteger(v)) &&
      (rule.gt === undefined || v > rule.gt) &&
      (rule.min === undefined || v >= rule.min) &&
      (rule.max === undefined || v <= rule.max);
    if (!ok) ctx.addIssue({ code: "custom", message: `${text} (got ${describe(v)})` });
  });
  return z.unknown().check(check) as unknown as z.ZodMiniType<number>;
}

function oneOf<T extends string>(values: readonly T[]) {
  const check = z.superRefine((v: unknown, ctx) => {
    if (v === undefined) return void ctx.addIssue({ code: "custom", message: "required" });
    if (typeof v !== "string" || !values.includes(v as T))
      ctx.addIssue({ code: "custom", message: `must be one of ${values.join(", ")} (got ${describe(v)})` });
  });
  return z.unknown().check(check) as unknown as z.ZodMiniType<T>;
}

/** A strict mapping: unknown keys are errors; a missing one is `required`. */
function obj<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, {
    error: (i) => (i.input === undefined ? "required" : `must be a mapping (got ${describe(i.input)})`),
  });
}

const fraction = num({ min: 0, max: 1 });
/** A filter threshold; `null` switches the filter off. */
const threshold = z.nullable(fraction);

const range = (value: z.ZodMiniType<number>) => obj({ target: value, min: value, max: value });

const widthShape = Object.fromEntries(
  INDEX_UNDERLYINGS.map((u) => [u, z.optional(num({ gt: 0 }))]),
) as Record<(typeof INDEX_UNDERLYINGS)[number], z.ZodMiniOptional<z.ZodMiniType<number>>>;

/** One strategy's rules after `defaults` were merged in (snake_case, as in the YAML). */
export const strategyRulesSchema = obj({
  enabled: z.boolean({ error: (i) => (i.input === undefined ? "required" : "must be true or false") }),
  underlyings: z
    .array(oneOf(INDEX_UNDERLYINGS), {
      error: (i) => (i.input === undefined ? "required" : "must be a list of underlyings"),
    })
    .check(z.minLength(1, "must list at least one underlying")),
  dte: range(num({ min: 0, int: true })),
  width: obj(widthShape),
  short_delta: range(num({ gt: 0, max: 1 })),
  filters: obj({ min_credit_per_width: threshold, min_pop: threshold, min_ivr: threshold }),
  quantity: num({ min: 1, int: true }),
  entry: z.optional(oneOf(ENTRY_MODES)),
  exits: z.optional(
    z.partial(
      obj({
        profit_target: num({ gt: 0, max: 1 }),
        dte: num({ min: 0, int: true }),
        max_loss: num({ gt: 0 }),
      }),
    ),
  ),
}).check(
  z.superRefine((r, ctx) => {
    for (const key of ["dte", "short_delta"] as const) {
      const { target, min, max } = r[key];
      if (min > max) ctx.addIssue({ code: "custom", path: [key, "min"], message: `min ${min} > max ${max}` });
      else if (target < min || target > max)
        ctx.addIssue({
          code: "custom",
          path: [key, "target"],
          message: `target ${target} outside [${min}, ${max}]`,
        });
    }
    for (const u of r.underlyings)
      if (r.width[u] === undefined)
        ctx.addIssue({ code: "custom", path: ["width", u], message: `required (${u} is in underlyings)` });
  }),
);

/** The fill model used to price idea credits (see `fillSpread`). */
export const fillSchema = obj({
  model: oneOf(["mid", "conservative"] as const),
  concession: z.optional(num({ min: 0, max: 0.5 })),
  max_quote_age_ms: z.nullable(num({ gt: 0, int: true })),
  max_spread_width: z.optional(z.nullable(num({ gt: 0 }))),
  max_spread_pct_of_mid: z.optional(z.nullable(num({ gt: 0 }))),
});

const fee = num({ min: 0 });
const feeTier = obj({ from_quantity: num({ min: 1, int: true }), per_contract: fee });
const indexFee = obj({
  per_contract: fee,
  charged_from_quantity: z.optional(num({ min: 1, int: true })),
  tiers: z.optional(z.array(feeTier)),
});
const indexFeeShape = Object.fromEntries(INDEX_UNDERLYINGS.map((u) => [u, z.optional(indexFee)])) as Record<
  (typeof INDEX_UNDERLYINGS)[number],
  z.ZodMiniOptional<typeof indexFee>
>;

/**
 * The fee model (USD per contract unless named otherwise); every key optional over the defaults, in
 * every dated period of the default schedule.
 */
export const feesSchema = obj({
  commission_open: z.optional(fee),
  commission_close: z.optional(fee),
  commission_leg_cap: z.optional(z.nullable(fee)),
  clearing: z.optional(fee),
  regulatory: z.optional(fee),
  taf_per_contract_sold: z.optional(fee),
  sec_rate: z.optional(num({ min: 0, max: 0.01 })),
  index_fees: z.optional(obj(indexFeeShape)),
});

/** Risk limits of automatic entries; every key optional over the defaults. */
export const riskSchema = obj({
  max_open_positions: z.optional(num({ min: 0, int: true })),
  max_per_underlying: z.optional(num({ min: 0, int: true })),
  max_per_strategy_underlying: z.optional(num({ min: 0, int: true })),
  max_total_risk_usd: z.optional(num({ min: 0 })),
  max_entries_per_slot: z.optional(num({ min: 0, int: true })),
  block_reentry_after_manual_close: z.optional(
    z.boolean({ error: (i) => `must be true or false (got ${describe(i.input)})` }),
  ),
});

/** Black-Scholes inputs shared by every strategy. */
export const pricingSchema = obj({
  rate: num({ min: -0.05, max: 0.25 }),
  dividend_yield: num({ min: 0, max: 0.2 }),
  volatility_risk_premium: z.optional(num({ min: 0, max: 0.2 })),
});

const strategiesShape = Object.fromEntries(
  STRATEGY_NAMES.map((n) => [
    n,
    z.optional(
      z.nullable(
        z.record(z.string(), z.unknown(), { error: (i) => `must be a mapping (got ${describe(i.input)})` }),
      ),
    ),
  ]),
) as Record<
  (typeof STRATEGY_NAMES)[number],
  z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniRecord<z.ZodMiniString, z.ZodMiniUnknown>>>
>;

/**
 * The file's outer shape. Rules under `defaults` and `strategies.<name>` are checked after merging
 * (see `parseStrategiesYaml`), so that a value is reported where it was written.
 */
export const strategiesFileSchema = z.strictObject({
  version: z.optional(z.literal(1, { error: "must be 1" })),
  pricing: pricingSchema,
  fill: fillSchema,
  fees: z.optional(feesSchema),
  risk: z.optional(riskSchema),
  defaults: z.optional(z.nullable(z.record(z.string(), z.unknown(), { error: "must be a mapping" }))),
  strategies: z.strictObject(strategiesShape, { error: "must be a mapping of strategy names" }),
});

/** One strategy's merged rules as validated (snake_case). */
export type StrategyRulesInput = z.infer<typeof strategyRulesSchema>;
/** The outer file as validated (snake_case). */
export type StrategiesFileInput = z.infer<typeof strategiesFileSchema>;
