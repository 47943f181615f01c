import * as z from "zod";
import type { Idea, StrategyName } from "./idea";
import { STRATEGY_NAMES } from "./names";

/** Where building a candidate stopped. */
export type UnbuiltStage =
  "underlying_price" | "chain" | "expiration" | "strike" | "quotes" | "fill" | "credit";

/** A candidate (strategy × underlying) that could not be built, with every reason. */
export interface UnbuiltCandidate {
  strategy: StrategyName;
  underlying: string;
  verdict: "unbuildable";
  stage: UnbuiltStage;
  /** Present once an expiration was chosen. */
  root?: string;
  expiration?: string;
  dte?: number;
  reasons: string[];
}

/** Counts for "why did nothing qualify". */
export interface IdeasSummary {
  /** Candidates considered (strategy × underlying). */
  considered: number;
  pass: number;
  advisory: number;
  rejected: number;
  unbuilt: number;
  /** Ideas with `tradable: true`. */
  tradable: number;
  /** Failures per filter across built ideas (advisory and rejected). */
  failedFilters: Record<string, number>;
  /** Unbuilt candidates per stage. */
  unbuiltStages: Partial<Record<UnbuiltStage, number>>;
}

/** The result of one scan (also the `trade-ideas --json` document). */
export interface IdeasReport {
  /** ms since epoch. */
  generatedAt: number;
  strictFilters: boolean;
  /** Candidates considered (strategy × underlying). */
  considered: number;
  /** Ranked best first: verdicts `pass` and `advisory`. */
  ideas: Idea[];
  /** Built but dropped by strict filters (verdict `rejected`), best first. */
  rejected: Idea[];
  /** Candidates that could not be built. */
  unbuilt: UnbuiltCandidate[];
  summary: IdeasSummary;
}

const strategyName = z.enum(STRATEGY_NAMES);
const num = z.number();

/** JSON shape of an {@link IdeaLeg}. */
export const IdeaLegSchema = z.strictObject({
  side: z.enum(["short", "long"]),
  optionType: z.enum(["C", "P"]),
  strike: num,
  expiration: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  root: z.string(),
  occSymbol: z.string(),
  streamerSymbol: z.string(),
  bid: num.optional(),
  ask: num.optional(),
  mid: num.optional(),
  fillPrice: num.optional(),
  delta: num.optional(),
  iv: num.optional(),
  quoteSource: z.enum(["stream", "rest"]),
  quoteTime: num,
  quoteAgeMs: num,
});

/** JSON shape of a {@link FilterCheck}. */
export const FilterCheckSchema = z.strictObject({
  filter: z.string(),
  value: num.nullable(),
  threshold: num,
  passed: z.boolean(),
  message: z.string(),
});

/** JSON shape of an {@link Idea}. */
export const IdeaSchema = z.strictObject({
  id: z.string(),
  strategy: strategyName,
  underlying: z.string(),
  root: z.string(),
  settlement: z.enum(["AM", "PM"]),
  expiration: z.string(),
  dte: num,
  legs: z.array(IdeaLegSchema).min(2),
  credit: num.positive(),
  width: num.positive(),
  creditPerWidth: num,
  maxProfitCents: z.number().int(),
  maxLossCents: z.number().int(),
  breakevens: z.array(num),
  pop: num.gt(0).lt(1),
  ivRank: num.optional(),
  underlyingPrice: num,
  underlyingSource: z.enum(["stream", "rest", "ta-hint"]),
  quantity: z.number().int().positive(),
  multiplier: num,
  score: num,
  verdict: z.enum(["pass", "advisory", "rejected"]),
  checks: z.array(FilterCheckSchema),
  reasons: z.array(z.string()),
  tradable: z.boolean(),
  builtAt: num,
  feesCents: z.number().int().optional(),
  netCreditCents: z.number().int().optional(),
  buyingPowerEffectCents: z.number().int().optional(),
  returnOnRisk: num.optional(),
  shortStrikeSd: z.array(z.strictObject({ optionType: z.enum(["C", "P"]), strike: num, sd: num })).optional(),
  fairValue: num.optional(),
  expectedValueCents: z.number().int().optional(),
});

const stage = z.enum(["underlying_price", "chain", "expiration", "strike", "quotes", "fill", "credit"]);

/** JSON shape of an {@link UnbuiltCandidate}. */
export const UnbuiltCandidateSchema = z.strictObject({
  strategy: strategyName,
  underlying: z.string(),
  verdict: z.literal("unbuildable"),
  stage,
  root: z.string().optional(),
  expiration: z.string().optional(),
  dte: num.optional(),
  reasons: z.array(z.string()),
});

/** JSON shape of an {@link IdeasReport}: the stable `trade-ideas --json` document. */
export const IdeasReportSchema = z.strictObject({
  generatedAt: num,
  strictFilters: z.boolean(),
  considered: z.number().int(),
  ideas: z.array(IdeaSchema),
  rejected: z.array(IdeaSchema),
  unbuilt: z.array(UnbuiltCandidateSchema),
  summary: z.strictObject({
    considered: z.number().int(),
    pass: z.number().int(),
    advisory: z.number().int(),
    rejected: z.number().int(),
    unbuilt: z.number().int(),
    tradable: z.number().int(),
    failedFilters: z.record(z.string(), z.number().int()),
    unbuiltStages: z.partialRecord(stage, z.number().int()),
  }),
});

// Compile-time guard: the schema and the TS types describe the same document.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameShape: Same<z.infer<typeof IdeasReportSchema>, IdeasReport> = true;
void _sameShape;
