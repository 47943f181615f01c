import { describe, expect, it } from "vitest";
import {
  DEFAULT_FEE_SCHEDULE,
  DEFAULT_PAPER_SETTINGS,
  isSlot,
  entryKey,
  parsePaperSettings,
  PaperSettingsError,
} from "@stratdeck/core/ledger";

describe("paper settings", () => {
  it("fills missing fields with the documented defaults", () => {
    expect(parsePaperSettings({}, DEFAULT_FEE_SCHEDULE)).toEqual({
      ...DEFAULT_PAPER_SETTINGS,
      fees: DEFAULT_FEE_SCHEDULE,
    });
    expect(DEFAULT_PAPER_SETTINGS.exits).toEqual({
      profitTargetFraction: 0.5,
      dteThreshold: 21,
      maxLossMultiple: 2,
    });
    const s = parsePaperSettings({ risk: { maxOpenPositions: 3 } }, DEFAULT_FEE_SCHEDULE);
    expect(s.risk).toEqual({ ...DEFAULT_PAPER_SETTINGS.risk, maxOpenPositions: 3 });
  });

  it.each([
    ["a wrong type", { risk: { maxOpenPositions: "5" } }, /risk\.maxOpenPositions/],
    ["a negative count", { risk: { maxPerUnderlying: -1 } }, /risk\.maxPerUnderlying/],
    ["a fraction out of range", { exits: { profitTargetFraction: 1.5 } }, /exits\.profitTargetFraction/],
    ["a fractional cents amount", { risk: { maxTotalRiskCents: 10.5 } }, /risk\.maxTotalRiskCents/],
    ["an unknown key", { risk: { maxOpen: 1 } }, /risk.*maxOpen/],
    ["an unknown fill model", { fill: { model: "aggressive" } }, /fill\.model/],
  ])("rejects %s, naming the field", (_name, input, field) => {
    expect(() => parsePaperSettings(input, DEFAULT_FEE_SCHEDULE)).toThrow(PaperSettingsError);
    expect(() => parsePaperSettings(input, DEFAULT_FEE_SCHEDULE)).toThrow(field);
  });

  it("validates schedule slots in entry keys", () => {
    expect(isSlot("2026-11-25T10:30")).toBe(true);
    expect(isSlot("2026-11-25T24:00")).toBe(false);
    expect(isSlot("2026-11-25 10:30")).toBe(false);
    expect(entryKey("s", "SPX", "2026-11-25T10:30")).toBe("s|SPX|2026-11-25T10:30");
    expect(() => entryKey("s", "SPX", "10:30")).toThrow(/slot must be a New York minute/);
  });
});
