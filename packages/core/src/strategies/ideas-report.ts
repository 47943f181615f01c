import * as z from "zod/mini";
import "../validation/zod-english";
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
const int = z.int();

/** JSON shape of an {@link IdeaLeg}. */
export const IdeaLegSchema = z.strictObject({
  side: z.enum(["short", "long"]),
  optionType: z.enum(["C", "P"]),
  strike: num,
  expiration: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  root: z.string(),
  occSymbol: z.string(),
  streamerSymbol: z.string(),
  bid: z.optional(num),
  ask: z.optional(num),
  mid: z.optional(num),
  fillPrice: z.optional(num),
  delta: z.optional(num),
  iv: z.optional(num),
  quoteSource: z.enum(["stream", "rest"]),
  quoteTime: num,
  quoteAgeMs: num,
});

/** JSON shape of a {@link FilterCheck}. */
export const FilterCheckSchema = z.strictObject({
  filter: z.string(),
  value: z.nullable(num),
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
  legs: z.array(IdeaLegSchema).check(z.minLength(2)),
  credit: z.number().check(z.positive()),
  width: z.number().check(z.positive()),
  creditPerWidth: num,
  maxProfitCents: int,
  maxLossCents: int,
  breakevens: z.array(num),
  pop: z.number().check(z.gt(0), z.lt(1)),
  ivRank: z.optional(num),
  underlyingPrice: num,
  underlyingSource: z.enum(["stream", "rest", "ta-hint"]),
  quantity: int.check(z.positive()),
  multiplier: num,
  score: num,
  verdict: z.enum(["pass", "advisory", "rejected"]),
  checks: z.array(FilterCheckSchema),
  reasons: z.array(z.string()),
  tradable: z.boolean(),
  builtAt: num,
  feesCents: z.optional(int),
  netCreditCents: z.optional(int),
  buyingPowerEffectCents: z.optional(int),
  returnOnRisk: z.optional(num),
  shortStrikeSd: z.optional(
    z.array(z.strictObject({ optionType: z.enum(["C", "P"]), strike: num, sd: num })),
  ),
  fairValue: z.optional(num),
  fillCostCents: z.optional(int),
  realWorld: z.optional(
    z.strictObject({
      volRiskPremium: num,
      pop: z.number().check(z.gt(0), z.lt(1)),
      expectedPnlCents: int,
      basis: z.string(),
    }),
  ),
  // Written by reports before fillCostCents; accepted so stored reports still read.
  expectedValueCents: z.optional(int),
});

const stage = z.enum(["underlying_price", "chain", "expiration", "strike", "quotes", "fill", "credit"]);

/** JSON shape of an {@link UnbuiltCandidate}. */
export const UnbuiltCandidateSchema = z.strictObject({
  strategy: strategyName,
  underlying: z.string(),
  verdict: z.literal("unbuildable"),
  stage,
  root: z.optional(z.string()),
  expiration: z.optional(z.string()),
  dte: z.optional(num),
  reasons: z.array(z.string()),
});

/** JSON shape of an {@link IdeasReport}: the stable `trade-ideas --json` document. */
export const IdeasReportSchema = z.strictObject({
  generatedAt: num,
  strictFilters: z.boolean(),
  considered: int,
  ideas: z.array(IdeaSchema),
  rejected: z.array(IdeaSchema),
  unbuilt: z.array(UnbuiltCandidateSchema),
  summary: z.strictObject({
    considered: int,
    pass: int,
    advisory: int,
    rejected: int,
    unbuilt: int,
    tradable: int,
    failedFilters: z.record(z.string(), int),
    unbuiltStages: z.partialRecord(stage, int),
  }),
});

// Compile-time guard: the schema and the TS types describe the same document.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameShape: Same<z.infer<typeof IdeasReportSchema>, IdeasReport> = true;
void _sameShape;
