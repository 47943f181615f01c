import { LOCAL_STREAM_CADENCE, snapshotMaxAgeMs } from "../market-data/snapshot-max-age";
import type * as z from "zod/mini";
import type { StrategiesConfigIssue } from "./config-error";
import { StrategiesConfigError } from "./config-error";
import { formatPath, hasPath, isRecord, type KeyPath } from "./config-locate";
import {
  strategiesFileSchema,
  strategyRulesSchema,
  DEFAULT_EXIT_RULES,
  type StrategiesFileInput,
  type StrategyRulesInput,
} from "./config-schema";
import type { RiskRules, StrategiesConfig, StrategyRules } from "./config-types";
import { DEFAULT_FEE_SCHEDULE, type FeePeriod, type FeeSchedule } from "../ledger/fee-model";
import type { StrategyName } from "./idea";
import { STRATEGY_NAMES } from "./names";
import { DEFAULT_VOL_RISK_PREMIUM } from "./real-world";

/** `defaults` deep-merged under `own`: mappings merge key by key, anything else in `own` wins. */
export function deepMerge(base: unknown, own: unknown): unknown {
  if (!isRecord(base) || !isRecord(own)) return own === undefined ? base : own;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(own)) out[k] = deepMerge(base[k], v);
  return out;
}

/** The keys of the object schema at `path` (through optional/nullable wrappers), if it is one. */
function allowedKeys(schema: z.core.$ZodType, path: KeyPath): string[] | undefined {
  const shapeOf = (x: z.core.$ZodType | undefined): z.core.$ZodShape | undefined => {
    let def = x?._zod.def;
    while (def && "innerType" in def) def = (def.innerType as z.core.$ZodType)._zod.def;
    return def?.type === "object" ? (def as z.core.$ZodObjectDef).shape : undefined;
  };
  let s: z.core.$ZodType | undefined = schema;
  for (const seg of path) s = shapeOf(s)?.[String(seg)];
  const shape = shapeOf(s);
  return shape ? Object.keys(shape) : undefined;
}

type RawIssue = { path: KeyPath; message: string };

function flatten(error: z.core.$ZodError, schema: z.core.$ZodType): RawIssue[] {
  const out: RawIssue[] = [];
  for (const i of error.issues) {
    if (i.code === "unrecognized_keys") {
      const allowed = allowedKeys(schema, i.path);
      for (const k of i.keys)
        out.push({
          path: [...i.path, k],
          message: `unknown key${allowed ? ` (allowed: ${allowed.join(", ")})` : ""}`,
        });
    } else out.push({ path: i.path, message: i.message });
  }
  return out;
}

function toRules(name: StrategyName, r: StrategyRulesInput): StrategyRules {
  const f = r.filters;
  return {
    name,
    enabled: r.enabled,
    underlyings: [...new Set(r.underlyings)],
    dte: { ...r.dte },
    width: { ...r.width },
    shortDelta: { ...r.short_delta },
    filters: { minCreditPerWidth: f.min_credit_per_width, minPop: f.min_pop, minIvr: f.min_ivr },
    quantity: r.quantity,
    entryMode: r.entry ?? "auto",
    exits: {
      profitTargetFraction: r.exits?.profit_target ?? DEFAULT_EXIT_RULES.profitTargetFraction,
      dteThreshold: r.exits?.dte ?? DEFAULT_EXIT_RULES.dteThreshold,
      maxLossMultiple: r.exits?.max_loss ?? DEFAULT_EXIT_RULES.maxLossMultiple,
    },
  };
}

/**
 * The issue of a strategy whose entry DTE window is at or below its exit DTE (every entry would be
 * flagged by the DTE exit at once), reported at `dte.min` where it was written. When the file sets
 * no `exits.dte` for the strategy (a file written before exit rules per strategy existed, when every
 * strategy exited at 21 DTE), the message says the 21 is the built-in default and gives the fix.
 */
function exitWindowIssue(
  name: StrategyName,
  r: StrategyRulesInput,
  own: Record<string, unknown>,
  defaults: Record<string, unknown>,
): RawIssue | undefined {
  const written = r.exits?.dte;
  const exitDte = written ?? DEFAULT_EXIT_RULES.dteThreshold;
  if (r.dte.min > exitDte) return undefined;
  const path = hasPath(own, ["dte", "min"]) ? ["strategies", name, "dte", "min"] : ["defaults", "dte", "min"];
  const why = `entry DTE window [${r.dte.min}, ${r.dte.max}] must lie above exits.dte ${exitDte}: an entry at ${r.dte.min} DTE would be flagged by the DTE exit at once`;
  const fixWhere = `under strategies.${name} (the shipped strategies.yaml holds the iron condor to exits.dte 7), or raise dte.min above ${exitDte}`;
  const fix =
    written === undefined
      ? `; exits.dte is not set for ${name}, so it is the built-in default ${exitDte} (before exit rules per strategy, every strategy exited at 21 DTE): add "exits: { dte: N }" with N below ${r.dte.min} ${fixWhere}`
      : path[0] === "strategies" && !hasPath(own, ["exits", "dte"]) && hasPath(defaults, ["exits", "dte"])
        ? `; ${name} inherits exits.dte ${exitDte} from defaults.exits: add "exits: { dte: N }" with N below ${r.dte.min} ${fixWhere}`
        : ` (raise dte.min or lower exits.dte)`;
  return { path, message: why + fix };
}

/**
 * Validates a strategies document already read as plain data (from YAML or its compiled JSON).
 * Every strategy listed under `strategies` inherits `defaults` (deep-merged; the strategy's own keys
 * win); strategies not listed are not run. Throws one {@link StrategiesConfigError} listing every
 * problem with its key path (and line, when `lineAt` knows it): unknown keys, bad values (naming the
 * rule) and missing required keys.
 */
export function validateStrategies(
  raw: unknown,
  file?: string,
  lineAt: (path: KeyPath) => number | undefined = () => undefined,
): StrategiesConfig {
  if (!isRecord(raw))
    throw new StrategiesConfigError(
      [{ path: "", message: "must be a mapping with pricing, fill, defaults and strategies" }],
      file,
    );

  const issues: RawIssue[] = [];
  const outer = strategiesFileSchema.safeParse(raw);
  if (!outer.success) issues.push(...flatten(outer.error, strategiesFileSchema));

  const defaults = isRecord(raw.defaults) ? raw.defaults : {};
  const listed = isRecord(raw.strategies) ? raw.strategies : {};
  const strategies: Partial<Record<StrategyName, StrategyRules>> = {};
  for (const name of STRATEGY_NAMES) {
    if (!(name in listed)) continue;
    const own = listed[name] ?? {};
    if (!isRecord(own)) continue;
    const merged = strategyRulesSchema.safeParse(deepMerge(defaults, own));
    if (merged.success) {
      const window = exitWindowIssue(name, merged.data, own, defaults);
      if (window) issues.push(window);
      else strategies[name] = toRules(name, merged.data);
      continue;
    }
    // Report each problem where its value was written: the strategy's own key, else `defaults`.
    for (const i of flatten(merged.error, strategyRulesSchema)) {
      if (hasPath(own, i.path)) issues.push({ path: ["strategies", name, ...i.path], message: i.message });
      else if (hasPath(defaults, i.path)) issues.push({ path: ["defaults", ...i.path], message: i.message });
      else
        issues.push({
          path: ["strategies", name, ...i.path],
          message: i.message.startsWith("required")
            ? `${i.message}: set it under defaults or strategies.${name}`
            : i.message,
        });
    }
  }
  if (isRecord(raw.strategies) && !STRATEGY_NAMES.some((n) => n in listed))
    issues.push({ path: ["strategies"], message: `list at least one of ${STRATEGY_NAMES.join(", ")}` });

  if (issues.length > 0) {
    const seen = new Set<string>();
    const out: StrategiesConfigIssue[] = [];
    for (const i of issues) {
      const path = formatPath(i.path);
      if (seen.has(`${path}\u0000${i.message}`)) continue;
      seen.add(`${path}\u0000${i.message}`);
      out.push({ path, message: i.message, line: lineAt(i.path) });
    }
    out.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    throw new StrategiesConfigError(out, file);
  }
  const data = outer.data;
  if (!data) throw new StrategiesConfigError([{ path: "", message: "invalid strategies file" }], file);
  return {
    pricing: {
      rate: data.pricing.rate,
      dividendYield: data.pricing.dividend_yield,
      volRiskPremium: data.pricing.volatility_risk_premium ?? DEFAULT_VOL_RISK_PREMIUM,
    },
    fill: {
      model: data.fill.model,
      ...(data.fill.max_quote_age_ms === null
        ? { maxQuoteAgeMs: snapshotMaxAgeMs(LOCAL_STREAM_CADENCE), quoteAgeFromStream: true }
        : { maxQuoteAgeMs: data.fill.max_quote_age_ms }),
      ...(data.fill.concession != null ? { concession: data.fill.concession } : {}),
      ...(data.fill.max_spread_width != null ? { maxSpreadWidth: data.fill.max_spread_width } : {}),
      ...(data.fill.max_spread_pct_of_mid != null
        ? { maxSpreadPctOfMid: data.fill.max_spread_pct_of_mid }
        : {}),
    },
    fees: toFees(data.fees),
    ...(data.risk ? { risk: toRisk(data.risk) } : {}),
    strategies,
  };
}

/** The fee model: the file's `fees:` keys over every period of {@link DEFAULT_FEE_SCHEDULE}. */
function toFees(f: StrategiesFileInput["fees"]): FeeSchedule {
  return { periods: DEFAULT_FEE_SCHEDULE.periods.map((d) => overRates(f, d)) };
}

/** One period's rates with the file's keys over them (an index fee's keys over its default's). */
function overRates(f: StrategiesFileInput["fees"], d: FeePeriod): FeePeriod {
  const indexFees = { ...d.indexFees };
  for (const [u, v] of Object.entries(f?.index_fees ?? {})) {
    if (!v) continue;
    const base = indexFees[u];
    indexFees[u] = {
      ...base,
      perContract: v.per_contract,
      ...(v.charged_from_quantity !== undefined ? { chargedFromQuantity: v.charged_from_quantity } : {}),
      ...(v.tiers !== undefined
        ? { tiers: v.tiers.map((t) => ({ fromQuantity: t.from_quantity, perContract: t.per_contract })) }
        : {}),
    };
  }
  return {
    ...d,
    commissionOpen: f?.commission_open ?? d.commissionOpen,
    commissionClose: f?.commission_close ?? d.commissionClose,
    commissionLegCap: f?.commission_leg_cap !== undefined ? f.commission_leg_cap : d.commissionLegCap,
    clearing: f?.clearing ?? d.clearing,
    regulatory: f?.regulatory ?? d.regulatory,
    tafPerContractSold: f?.taf_per_contract_sold ?? d.tafPerContractSold,
    secRate: f?.sec_rate ?? d.secRate,
    indexFees,
  };
}

function toRisk(r: NonNullable<StrategiesFileInput["risk"]>): RiskRules {
  const out: RiskRules = {};
  if (r.max_open_positions !== undefined) out.maxOpenPositions = r.max_open_positions;
  if (r.max_per_underlying !== undefined) out.maxPerUnderlying = r.max_per_underlying;
  if (r.max_per_strategy_underlying !== undefined)
    out.maxPerStrategyUnderlying = r.max_per_strategy_underlying;
  if (r.max_total_risk_usd !== undefined) out.maxTotalRiskCents = Math.round(r.max_total_risk_usd * 100);
  if (r.max_entries_per_slot !== undefined) out.maxEntriesPerSlot = r.max_entries_per_slot;
  if (r.block_reentry_after_manual_close !== undefined)
    out.blockReentryAfterManualClose = r.block_reentry_after_manual_close;
  return out;
}
