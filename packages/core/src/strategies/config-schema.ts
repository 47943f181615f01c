import * as z from "zod";
import { INDEX_UNDERLYINGS, STRATEGY_NAMES } from "./names";

const describe = (v: unknown): string => (v === undefined ? "nothing" : JSON.stringify(v));

/** A number with a range rule; the error names the rule and echoes the bad value. */
function num(rule: { min?: number; max?: number; gt?: number; int?: boolean }) {
  const parts: string[] = [];
  if (rule.gt !== undefined) parts.push(`> ${rule.gt}`);
  if (rule.min !== undefined) parts.push(`>= ${rule.min}`);
  if (rule.max !== undefined) parts.push(`<= ${rule.max}`);
  const text = `must be ${rule.int ? "a whole number" : "a number"}${parts.length ? " " + parts.join(" and ") : ""}`;
  return z.unknown().superRefine((v, ctx) => {
    if (v === undefined) return void ctx.addIssue({ code: "custom", message: "required" });
    const ok =
      typeof v === "number" &&
      Number.isFinite(v) &&
      (!rule.int || Number.isInteger(v)) &&
      (rule.gt === undefined || v > rule.gt) &&
      (rule.min === undefined || v >= rule.min) &&
      (rule.max === undefined || v <= rule.max);
    if (!ok) ctx.addIssue({ code: "custom", message: `${text} (got ${describe(v)})` });
  }) as unknown as z.ZodType<number>;
}

function oneOf<T extends string>(values: readonly T[]) {
  return z.unknown().superRefine((v, ctx) => {
    if (v === undefined) return void ctx.addIssue({ code: "custom", message: "required" });
    if (typeof v !== "string" || !values.includes(v as T))
      ctx.addIssue({ code: "custom", message: `must be one of ${values.join(", ")} (got ${describe(v)})` });
  }) as unknown as z.ZodType<T>;
}

/** A strict mapping: unknown keys are errors; a missing one is `required`. */
function obj<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, {
    error: (i) => (i.input === undefined ? "required" : `must be a mapping (got ${describe(i.input)})`),
  });
}

const fraction = num({ min: 0, max: 1 });
/** A filter threshold; `null` switches the filter off. */
const threshold = fraction.nullable();

const range = (value: z.ZodType<number>) => obj({ target: value, min: value, max: value });

const widthShape = Object.fromEntries(INDEX_UNDERLYINGS.map((u) => [u, num({ gt: 0 }).optional()])) as Record<
  (typeof INDEX_UNDERLYINGS)[number],
  z.ZodOptional<z.ZodType<number>>
>;

/** One strategy's rules after `defaults` were merged in (snake_case, as in the YAML). */
export const strategyRulesSchema = obj({
  enabled: z.boolean({ error: (i) => (i.input === undefined ? "required" : "must be true or false") }),
  underlyings: z
    .array(oneOf(INDEX_UNDERLYINGS), {
      error: (i) => (i.input === undefined ? "required" : "must be a list of underlyings"),
    })
    .min(1, "must list at least one underlying"),
  dte: range(num({ min: 0, int: true })),
  width: obj(widthShape),
  short_delta: range(num({ gt: 0, max: 1 })),
  filters: obj({ min_credit_per_width: threshold, min_pop: threshold, min_ivr: threshold }),
  quantity: num({ min: 1, int: true }),
}).superRefine((r, ctx) => {
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
});

/** The fill model used to price idea credits (see `fillSpread`). */
export const fillSchema = obj({
  model: oneOf(["mid", "conservative"] as const),
  concession: num({ min: 0, max: 0.5 }).optional(),
  max_quote_age_ms: num({ gt: 0, int: true }).nullable(),
  max_spread_width: num({ gt: 0 }).nullable().optional(),
  max_spread_pct_of_mid: num({ gt: 0 }).nullable().optional(),
});

const fee = num({ min: 0 });
const indexFee = obj({ per_contract: fee, charged_from_quantity: num({ min: 1, int: true }).optional() });
const indexFeeShape = Object.fromEntries(INDEX_UNDERLYINGS.map((u) => [u, indexFee.optional()])) as Record<
  (typeof INDEX_UNDERLYINGS)[number],
  z.ZodOptional<typeof indexFee>
>;

/** The fee model (USD per contract unless named otherwise); every key optional over the defaults. */
export const feesSchema = obj({
  commission_open: fee.optional(),
  commission_close: fee.optional(),
  commission_leg_cap: fee.nullable().optional(),
  clearing: fee.optional(),
  regulatory: fee.optional(),
  taf_per_contract_sold: fee.optional(),
  sec_rate: num({ min: 0, max: 0.01 }).optional(),
  index_fees: obj(indexFeeShape).optional(),
});

/** Risk limits of automatic entries; every key optional over the defaults. */
export const riskSchema = obj({
  max_open_positions: num({ min: 0, int: true }).optional(),
  max_per_underlying: num({ min: 0, int: true }).optional(),
  max_per_strategy_underlying: num({ min: 0, int: true }).optional(),
  max_total_risk_usd: num({ min: 0 }).optional(),
  max_entries_per_slot: num({ min: 0, int: true }).optional(),
});

/** Black-Scholes inputs shared by every strategy. */
export const pricingSchema = obj({
  rate: num({ min: -0.05, max: 0.25 }),
  dividend_yield: num({ min: 0, max: 0.2 }),
});

const strategiesShape = Object.fromEntries(
  STRATEGY_NAMES.map((n) => [
    n,
    z
      .record(z.string(), z.unknown(), { error: (i) => `must be a mapping (got ${describe(i.input)})` })
      .nullable()
      .optional(),
  ]),
) as Record<
  (typeof STRATEGY_NAMES)[number],
  z.ZodOptional<z.ZodNullable<z.ZodRecord<z.ZodString, z.ZodUnknown>>>
>;

/**
 * The file's outer shape. Rules under `defaults` and `strategies.<name>` are checked after merging
 * (see `parseStrategiesYaml`), so that a value is reported where it was written.
 */
export const strategiesFileSchema = z.strictObject({
  version: z.literal(1, { error: "must be 1" }).optional(),
  pricing: pricingSchema,
  fill: fillSchema,
  fees: feesSchema.optional(),
  risk: riskSchema.optional(),
  defaults: z.record(z.string(), z.unknown(), { error: "must be a mapping" }).nullable().optional(),
  strategies: z.strictObject(strategiesShape, { error: "must be a mapping of strategy names" }),
});

/** One strategy's merged rules as validated (snake_case). */
export type StrategyRulesInput = z.infer<typeof strategyRulesSchema>;
/** The outer file as validated (snake_case). */
export type StrategiesFileInput = z.infer<typeof strategiesFileSchema>;
