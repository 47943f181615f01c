import { describe, expect, it } from "vitest";
import { evaluateFilters, generateIdeas, scoreIdea } from "@stratdeck/core/strategies";
import { configWith, depsFor, recordingLog, smallMarket } from "./fixtures";

// The small chain's put spread: credit/width 0.118, POP 0.784, IV rank 0.4.
const PASS = { min_credit_per_width: 0.1, min_pop: 0.7, min_ivr: 0.3 };
const FAIL = { min_credit_per_width: 0.2, min_pop: 0.9, min_ivr: 0.5 };
type Filter = keyof typeof PASS;
const FILTERS = Object.keys(PASS) as Filter[];

async function putSpread(
  filters: Partial<Record<Filter, number | null>>,
  strict = false,
  market = smallMarket(),
) {
  const log = recordingLog();
  const config = configWith({ defaults: { filters } });
  const r = await generateIdeas(depsFor(market, config, strict, log), {
    strategy: "short_put_spread_index_45d",
  });
  return { r, log, idea: r.ideas[0] ?? r.rejected[0]! };
}

describe("filters on live values", () => {
  it("min_credit_per_width passes and fails on the idea's credit/width", async () => {
    const ok = await putSpread({ min_credit_per_width: 0.1 });
    expect(ok.idea.checks).toEqual([
      {
        filter: "min_credit_per_width",
        value: ok.idea.creditPerWidth,
        threshold: 0.1,
        passed: true,
        message: "credit/width 0.118 >= min 0.1",
      },
    ]);
    const bad = await putSpread({ min_credit_per_width: 0.2 });
    expect(bad.idea.checks[0]).toMatchObject({ passed: false, message: "credit/width 0.118 < min 0.2" });
  });

  it("min_pop passes and fails on the lognormal POP", async () => {
    expect((await putSpread({ min_pop: 0.7 })).idea.checks[0]).toMatchObject({
      filter: "min_pop",
      passed: true,
    });
    const bad = await putSpread({ min_pop: 0.9 });
    expect(bad.idea.checks[0]).toMatchObject({ filter: "min_pop", value: bad.idea.pop, passed: false });
  });

  it("min_ivr passes and fails on the provider's IV rank; an unknown IV rank fails", async () => {
    expect((await putSpread({ min_ivr: 0.3 })).idea.checks[0]).toMatchObject({
      filter: "min_ivr",
      value: 0.4,
      passed: true,
    });
    expect((await putSpread({ min_ivr: 0.5 })).idea.checks[0]).toMatchObject({ value: 0.4, passed: false });
    const market = smallMarket();
    market.metrics.set("SPX", { symbol: "SPX" });
    const unknown = await putSpread({ min_ivr: 0.1 }, false, market);
    expect(unknown.idea.checks[0]).toMatchObject({
      value: null,
      passed: false,
      message: "IV rank unknown (min 0.1)",
    });
  });

  it("a null threshold switches a filter off", async () => {
    const r = await putSpread({ min_credit_per_width: null, min_pop: 0.7, min_ivr: null });
    expect(r.idea.checks.map((c) => c.filter)).toEqual(["min_pop"]);
  });

  // Every combination of the three filters passing or failing, in both modes.
  const combos = Array.from({ length: 8 }, (_, n) => FILTERS.filter((_, b) => n & (1 << b)));
  for (const failing of combos) {
    const label = failing.length ? `failing ${failing.join(" + ")}` : "all passing";
    it(`combination: ${label}`, async () => {
      const filters = Object.fromEntries(FILTERS.map((f) => [f, failing.includes(f) ? FAIL[f] : PASS[f]]));
      for (const strict of [false, true]) {
        const { r, idea, log } = await putSpread(filters, strict);
        expect(idea.checks.filter((c) => !c.passed).map((c) => c.filter)).toEqual(failing);
        expect(idea.reasons).toHaveLength(failing.length);
        expect(idea.score).toBeCloseTo(idea.creditPerWidth * idea.pop * 0.5 ** failing.length, 6);
        if (failing.length === 0) {
          expect(idea).toMatchObject({ verdict: "pass", tradable: true });
          expect(r.ideas).toHaveLength(1);
          expect(log.lines.some((l) => l.event === "strategies.filter_failed")).toBe(false);
          continue;
        }
        expect(idea.tradable).toBe(false);
        expect(log.lines).toContainEqual(
          expect.objectContaining({
            level: "warn",
            event: "strategies.filter_failed",
            fields: expect.objectContaining({ strict }),
          }),
        );
        expect(r.summary.failedFilters).toEqual(Object.fromEntries(failing.map((f) => [f, 1])));
        if (strict) {
          expect(idea.verdict).toBe("rejected");
          expect(r.ideas).toEqual([]);
          expect(r.rejected).toHaveLength(1);
        } else {
          expect(idea.verdict).toBe("advisory");
          expect(r.ideas).toHaveLength(1);
          expect(r.rejected).toEqual([]);
        }
      }
    });
  }

  it("strict mode drops failing ideas but keeps passing ones, and reports both", async () => {
    const config = configWith({ defaults: { filters: { min_credit_per_width: 0.15 } } });
    const strict = await generateIdeas(depsFor(smallMarket(), config, true));
    expect(strict.ideas.map((i) => i.strategy).sort()).toEqual([
      "iron_condor_index_30d",
      "short_call_spread_index_45d",
    ]);
    expect(strict.rejected.map((i) => [i.strategy, i.verdict])).toEqual([
      ["short_put_spread_index_45d", "rejected"],
    ]);
    expect(strict.summary).toMatchObject({ pass: 2, rejected: 1, tradable: 2 });
    const loose = await generateIdeas(depsFor(smallMarket(), config, false));
    expect(loose.ideas).toHaveLength(3);
    // the advisory idea ranks last: its score is halved for the failed filter
    expect(loose.ideas[2]).toMatchObject({
      strategy: "short_put_spread_index_45d",
      verdict: "advisory",
      tradable: false,
    });
    expect(loose.summary).toMatchObject({ pass: 2, advisory: 1, rejected: 0, tradable: 2 });
  });

  it("evaluateFilters and scoreIdea as pure functions", () => {
    const rules = { minCreditPerWidth: 0.2, minPop: 0.6, minIvr: 0.25 };
    const checks = evaluateFilters(rules, { creditPerWidth: 0.25, pop: 0.55 });
    expect(checks.map((c) => [c.filter, c.passed])).toEqual([
      ["min_credit_per_width", true],
      ["min_pop", false],
      ["min_ivr", false],
    ]);
    expect(scoreIdea(0.25, 0.8, 0, false)).toBe(0.2);
    expect(scoreIdea(0.25, 0.8, 2, false)).toBe(0.05);
    expect(scoreIdea(0.25, 0.8, 0, true)).toBe(0.1);
  });
});

describe("filter messages agree with their verdict", () => {
  it("shows enough digits that a failing value never reads as its threshold", () => {
    const [cw] = evaluateFilters(
      { minCreditPerWidth: 0.15, minPop: null, minIvr: null },
      { creditPerWidth: 0.14996, pop: 0.7 },
    );
    expect(cw).toMatchObject({ passed: false, message: "credit/width 0.14996 < min 0.15" });
  });
});
