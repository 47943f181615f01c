import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  loadStrategiesFile,
  parseStrategiesYaml,
  StrategiesConfigError,
  streamWindow,
} from "@stratdeck/core/strategies";
import { DEFAULT_YAML } from "./fixtures";

function issuesOf(text: string): { path: string; message: string; line?: number }[] {
  try {
    parseStrategiesYaml(text);
  } catch (err) {
    expect(err).toBeInstanceOf(StrategiesConfigError);
    return [...(err as StrategiesConfigError).issues];
  }
  throw new Error("expected the config to be rejected");
}

describe("strategies.yaml", () => {
  it("parses the documented default with every strategy inheriting defaults", () => {
    const c = parseStrategiesYaml(DEFAULT_YAML);
    const put = c.strategies.short_put_spread_index_45d!;
    const condor = c.strategies.iron_condor_index_30d!;
    expect(put.dte).toEqual({ target: 45, min: 30, max: 60 });
    expect(put.width).toEqual({ SPX: 25, XSP: 3, RUT: 10, NDX: 100 });
    expect(put.underlyings).toEqual(["SPX", "XSP", "RUT", "NDX"]);
    expect(c.strategies.short_call_spread_index_45d!.filters).toEqual(put.filters);
    // Deep merge: the condor overrides dte and one filter, inherits the rest.
    expect(condor.dte).toEqual({ target: 30, min: 21, max: 45 });
    expect(condor.filters).toEqual({ ...put.filters, minPop: 0.55 });
    expect(condor.width).toEqual(put.width);
    expect(c.fill).toEqual({
      model: "conservative",
      concession: 0.3,
      // null in the file: the stream's snapshot max age (local cadence 5 s + 10 s + 10 s).
      maxQuoteAgeMs: 25000,
      quoteAgeFromStream: true,
      maxSpreadWidth: 3,
    });
    expect(c.pricing).toEqual({ rate: 0.04, dividendYield: 0.013, volRiskPremium: 0.04 });
    // A file written before volatility_risk_premium existed gets the stated default; a bad one is named.
    const without = DEFAULT_YAML.replace(/\n {2}volatility_risk_premium: 0.04\n/, "\n");
    expect(without).not.toContain("volatility_risk_premium:");
    expect(parseStrategiesYaml(without).pricing.volRiskPremium).toBe(0.04);
    const half = DEFAULT_YAML.replace("volatility_risk_premium: 0.04", "volatility_risk_premium: 0.02");
    expect(parseStrategiesYaml(half).pricing.volRiskPremium).toBe(0.02);
    expect(
      issuesOf(DEFAULT_YAML.replace("volatility_risk_premium: 0.04", "volatility_risk_premium: 4")),
    ).toEqual([
      expect.objectContaining({
        path: "pricing.volatility_risk_premium",
        message: "must be a number >= 0 and <= 0.2 (got 4)",
      }),
    ]);
  });

  it("merges key by key: a strategy may override one width only", () => {
    const text = DEFAULT_YAML.replace(
      "short_call_spread_index_45d: {}",
      "short_call_spread_index_45d:\n    width: { SPX: 50 }",
    );
    const call = parseStrategiesYaml(text).strategies.short_call_spread_index_45d!;
    expect(call.width).toEqual({ SPX: 50, XSP: 3, RUT: 10, NDX: 100 });
  });

  it("names an unknown key with its path, the allowed keys and the line (in defaults)", () => {
    const issues = issuesOf(DEFAULT_YAML.replace("    min_pop: 0.65", "    min_popp: 0.65"));
    const i = issues.find((x) => x.path === "defaults.filters.min_popp");
    expect(i?.message).toMatch(/^unknown key \(allowed: min_credit_per_width, min_pop, min_ivr\)/);
    expect(i?.line).toBe(DEFAULT_YAML.split("\n").findIndex((l) => l.includes("min_pop: 0.65")) + 1);
    // the now-missing key is reported too, once per strategy that inherits it
    expect(issues.map((x) => x.path)).toContain("strategies.short_put_spread_index_45d.filters.min_pop");
  });

  it("names an unknown key in a strategy, an unknown strategy and an unknown top-level key", () => {
    const text =
      DEFAULT_YAML.replace("      target: 30", "      targt: 30").replace(
        "strategies:\n",
        "strategies:\n  straddle_spx: {}\n",
      ) + "risks: {}\n";
    const paths = issuesOf(text).map((i) => i.path);
    expect(paths).toContain("strategies.iron_condor_index_30d.dte.targt");
    expect(paths).toContain("strategies.straddle_spx");
    expect(paths).toContain("risks");
  });

  it("names the key and the rule of a bad value, with the value", () => {
    const issues = issuesOf(
      DEFAULT_YAML.replace("\n  quantity: 1\n", "\n  quantity: 1.5\n")
        .replace("model: conservative", "model: optimistic")
        .replace("    SPX: 25", "    SPX: -5")
        .replace("    min_ivr: 0.15", "    min_ivr: lots")
        .replace("underlyings: [SPX, XSP, RUT, NDX]", "underlyings: [SPX, SPY]"),
    );
    const by = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(by["defaults.quantity"]).toBe("must be a whole number >= 1 (got 1.5)");
    expect(by["fill.model"]).toBe('must be one of mid, conservative (got "optimistic")');
    expect(by["defaults.width.SPX"]).toBe("must be a number > 0 (got -5)");
    expect(by["defaults.filters.min_ivr"]).toBe('must be a number >= 0 and <= 1 (got "lots")');
    expect(by["defaults.underlyings[1]"]).toBe('must be one of SPX, XSP, RUT, NDX (got "SPY")');
  });

  it("checks ranges across keys: target within [min, max]", () => {
    const issues = issuesOf(
      DEFAULT_YAML.replace("      target: 30\n      min: 21", "      target: 14\n      min: 21"),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: "strategies.iron_condor_index_30d.dte.target",
        message: "target 14 outside [21, 45]",
      }),
    );
  });

  it("gives each strategy its exit rules: the defaults, the condor held to 7 DTE", () => {
    const c = parseStrategiesYaml(DEFAULT_YAML);
    const defaults = { profitTargetFraction: 0.5, dteThreshold: 21, maxLossMultiple: 2 };
    expect(c.strategies.short_put_spread_index_45d?.exits).toEqual(defaults);
    expect(c.strategies.iron_condor_index_30d?.exits).toEqual({ ...defaults, dteThreshold: 7 });
    // A file written before `exits:` existed keeps the old rules.
    const old = DEFAULT_YAML.replace(/\n {2}exits:\n(?: {4}.*\n| *#.*\n)+/, "\n")
      .replace("    exits:\n      dte: 7\n", "")
      .replace("      target: 30\n      min: 21", "      target: 30\n      min: 22");
    expect(old).not.toContain("exits:");
    expect(parseStrategiesYaml(old).strategies.iron_condor_index_30d?.exits).toEqual(defaults);
  });

  it("refuses the condor of a file written before exit rules per strategy, saying the 21 is the default and how to fix it", () => {
    // The shipped file before `exits:` existed: the condor enters from 21 DTE and sets no exits.
    const old = DEFAULT_YAML.replace(/\n {2}exits:\n(?: {4}.*\n| *#.*\n)+/, "\n").replace(
      /\n {4}# A ~30-day trade[^\n]*\n {4}exits:\n {6}dte: 7\n/,
      "\n",
    );
    expect(old).not.toContain("exits:");
    const issues = issuesOf(old);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue?.path).toBe("strategies.iron_condor_index_30d.dte.min");
    expect(issue?.line).toBe(old.split("\n").findIndex((l) => l === "      min: 21") + 1);
    expect(issue?.message).toContain("exits.dte is not set for iron_condor_index_30d");
    expect(issue?.message).toContain("built-in default 21");
    expect(issue?.message).toContain(
      'add "exits: { dte: N }" with N below 21 under strategies.iron_condor_index_30d',
    );
    // The fix it names works.
    const fixed = old.replace("      min_pop: 0.55\n", "      min_pop: 0.55\n    exits: { dte: 7 }\n");
    expect(parseStrategiesYaml(fixed).strategies.iron_condor_index_30d?.exits.dteThreshold).toBe(7);
  });

  it("says where an inherited exits.dte comes from when it refuses the window", () => {
    const issues = issuesOf(
      DEFAULT_YAML.replace(/\n {4}# A ~30-day trade[^\n]*\n {4}exits:\n {6}dte: 7\n/, "\n"),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain(
      'iron_condor_index_30d inherits exits.dte 21 from defaults.exits: add "exits: { dte: N }" with N below 21 under strategies.iron_condor_index_30d',
    );
  });

  it("refuses a window at or below a dte.min set under defaults, reported there", () => {
    const issues = issuesOf(DEFAULT_YAML.replace("    min: 30\n", "    min: 21\n"));
    // The put and call spreads both inherit it: one issue, at the line that sets it.
    expect(issues.map((i) => i.path)).toEqual(["defaults.dte.min"]);
    expect(issues[0]?.message).toMatch(/^entry DTE window \[21, 60\] must lie above exits.dte 21/);
  });

  it("refuses a strategy whose entry DTE window is at or below its exit DTE, naming both", () => {
    const issues = issuesOf(
      DEFAULT_YAML.replace("    exits:\n      dte: 7\n", "    exits:\n      dte: 21\n"),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: "strategies.iron_condor_index_30d.dte.min",
        message: expect.stringContaining("entry DTE window [21, 45] must lie above exits.dte 21"),
      }),
    );
    expect(issues).toHaveLength(1);
  });

  it("names a missing required key and where to set it", () => {
    const issues = issuesOf(
      DEFAULT_YAML.replace("  max_quote_age_ms: null\n", "").replace("    NDX: 100\n", ""),
    );
    const by = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(by["fill.max_quote_age_ms"]).toBe("required");
    expect(by["strategies.short_put_spread_index_45d.width.NDX"]).toBe(
      "required (NDX is in underlyings): set it under defaults or strategies.short_put_spread_index_45d",
    );
    expect(
      issuesOf("fill: { model: mid, max_quote_age_ms: 1000 }\nstrategies: {}\n").map((i) => i.path),
    ).toEqual(["pricing", "strategies"]);
  });

  it("lists every problem in one error message", () => {
    try {
      parseStrategiesYaml(
        DEFAULT_YAML.replace("\n  quantity: 1\n", "\n  quantity: 0\n").replace("rate: 0.04", "rate: high"),
      );
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/2 problems/);
      expect((err as Error).message).toMatch(/pricing\.rate: must be a number/);
      expect((err as Error).message).toMatch(
        /defaults\.quantity: must be a whole number >= 1 \(got 0\) \(line \d+\)/,
      );
    }
  });

  it("reports YAML syntax errors with a line, and a non-mapping document", () => {
    expect(issuesOf("pricing: [\n")[0]?.line).toBeGreaterThan(0);
    expect(issuesOf("- 1\n- 2\n")[0]?.message).toMatch(/must be a mapping/);
    expect(issuesOf("fill: {}\nfill: {}\n")[0]?.message).toMatch(/unique/i);
  });

  it("loads a file and names it in errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "strategies-"));
    const good = join(dir, "good.yaml");
    writeFileSync(good, DEFAULT_YAML);
    expect((await loadStrategiesFile(good)).strategies.iron_condor_index_30d?.dte.target).toBe(30);
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, DEFAULT_YAML.replace("\n  quantity: 1\n", "\n  quantity: x\n"));
    await expect(loadStrategiesFile(bad)).rejects.toThrow(`Invalid strategies config ${bad}`);
    await expect(loadStrategiesFile(join(dir, "none.yaml"))).rejects.toThrow(/cannot read file/);
  });

  it("derives the stream window from the enabled strategies", () => {
    const all = streamWindow(parseStrategiesYaml(DEFAULT_YAML));
    expect(all).toMatchObject({ underlyings: ["SPX", "XSP", "RUT", "NDX"], minDte: 21, maxDte: 60 });
    // One side per spread and underlying, two per condor: 4 × (1 + 1 + 2).
    expect(all.targets?.sides).toHaveLength(16);
    expect(
      all.targets?.sides.find((s) => s.underlying === "RUT" && s.right === "P" && s.dte.target === 30),
    ).toEqual({
      underlying: "RUT",
      right: "P",
      dte: { target: 30, min: 21, max: 45 },
      delta: { target: 0.16, min: 0.1, max: 0.22 },
      width: 10,
    });
    const text = DEFAULT_YAML.replace(
      "iron_condor_index_30d:\n",
      "iron_condor_index_30d:\n    enabled: false\n",
    ).replace("underlyings: [SPX, XSP, RUT, NDX]", "underlyings: [RUT, SPX]");
    const some = streamWindow(parseStrategiesYaml(text));
    expect(some).toMatchObject({ underlyings: ["SPX", "RUT"], minDte: 30, maxDte: 60 });
    expect(some.targets?.sides.map((s) => `${s.underlying}${s.right}`).sort()).toEqual([
      "RUTC",
      "RUTP",
      "SPXC",
      "SPXP",
    ]);
  });
});
