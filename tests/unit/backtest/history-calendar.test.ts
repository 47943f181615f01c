import { describe, expect, it } from "vitest";
import { barsOn, parseDailyCsv, sessionBars, tradingDaysBetween } from "@stratdeck/sim/backtest";

const H = "Date,Open,High,Low,Close\n";
const row = (d: string, c = 100): string => `${d},${c},${c + 1},${c - 1},${c}\n`;
// 2025-01-02 (Thu), 01-03 (Fri), 01-06 (Mon), 01-07 (Tue); Jan 1 is a holiday, 4–5 a weekend.
const DAYS = tradingDaysBetween("2025-01-01", "2025-01-07");

describe("history files against the NYSE calendar", () => {
  it("takes a bar for every trading day of the range", () => {
    const s = parseDailyCsv(
      H + ["2025-01-02", "2025-01-03", "2025-01-06", "2025-01-07"].map((d) => row(d)).join(""),
      "spx.csv",
    );
    expect(DAYS).toEqual(["2025-01-02", "2025-01-03", "2025-01-06", "2025-01-07"]);
    expect(sessionBars(s, DAYS).map((b) => b.line)).toEqual([2, 3, 4, 5]);
  });

  it("a missing trading day names the line where it should be", () => {
    const s = parseDailyCsv(H + row("2025-01-02") + row("2025-01-03") + row("2025-01-07"), "spx.csv");
    expect(() => sessionBars(s, DAYS)).toThrow("spx.csv:4: missing trading day 2025-01-06");
  });

  it("a bar on a day the NYSE was closed names its line and the holiday", () => {
    const s = parseDailyCsv(
      H + row("2025-01-02") + row("2025-01-03") + row("2025-01-04") + row("2025-01-06") + row("2025-01-07"),
      "spx.csv",
    );
    expect(() => sessionBars(s, DAYS)).toThrow(
      "spx.csv:4: 2025-01-04 is not an NYSE trading day (a weekend)",
    );
  });

  it("a volatility file that does not cover the range names its first or last line", () => {
    const late = parseDailyCsv(
      H + row("2025-01-03", 15) + row("2025-01-06", 15) + row("2025-01-07", 15),
      "vix.csv",
    );
    expect(() => barsOn(late, DAYS, "the replay")).toThrow(
      "vix.csv:2: does not cover the replay: it starts on 2025-01-03, the replay on 2025-01-02",
    );
    const early = parseDailyCsv(
      H + row("2025-01-02", 15) + row("2025-01-03", 15) + row("2025-01-06", 15),
      "vix.csv",
    );
    expect(() => barsOn(early, DAYS, "the replay")).toThrow(
      "vix.csv:4: does not cover the replay: it ends on 2025-01-06, the replay on 2025-01-07",
    );
  });

  it("FRED's '.' on a trading day is a missing day at that line; on a holiday it is ignored", () => {
    const fred = parseDailyCsv(
      "DATE,VIXCLS\n2025-01-01,.\n2025-01-02,15\n2025-01-03,.\n2025-01-06,15\n2025-01-07,15\n",
      "VIXCLS.csv",
    );
    expect(() => barsOn(fred, DAYS, "the replay")).toThrow("VIXCLS.csv:4: missing trading day 2025-01-03");
    const ok = parseDailyCsv(
      "DATE,VIXCLS\n2025-01-01,.\n2025-01-02,15\n2025-01-03,16\n2025-01-06,15\n2025-01-07,15\n",
      "v.csv",
    );
    expect(barsOn(ok, DAYS, "the replay").map((b) => b.close)).toEqual([15, 16, 15, 15]);
  });
});
