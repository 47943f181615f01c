import { describe, expect, it, vi } from "vitest";
import {
  assertTradingAllowed,
  CONFIRM_NOT_ARMED_REASON,
  NOT_ARMED_REASON,
  tradingDecision,
  TradingRefusedError,
} from "@stratdeck/core/guard";
import { validateConfig } from "@stratdeck/core/config";
import { silentLog } from "@stratdeck/core/log";

const fromEnv = (env: Record<string, string>) => {
  const r = validateConfig(env);
  if (!r.ok) throw new Error("bad env");
  return r.config;
};

describe("trading guard", () => {
  it("is paper by default and whenever the mode is paper (arming alone changes nothing)", () => {
    expect(tradingDecision(fromEnv({}))).toEqual({ mode: "paper" });
    expect(tradingDecision(fromEnv({ STRATDECK_LIVE_ARMED: "YES" }), { confirm: true })).toEqual({
      mode: "paper",
    });
  });

  it("refuses a confirmation without arming in paper mode too: no silent paper trade for --confirm-live", () => {
    expect(tradingDecision(fromEnv({}), { confirm: true })).toEqual({
      mode: "refused",
      reason: CONFIRM_NOT_ARMED_REASON,
    });
    expect(tradingDecision(fromEnv({ STRATDECK_LIVE_ARMED: "NO" }), { confirm: true }).mode).toBe("refused");
  });

  it("refuses live unless STRATDECK_LIVE_ARMED is exactly YES", () => {
    for (const armed of [undefined, "yes", "1", "true", "NO"]) {
      const env: Record<string, string> = { STRATDECK_TRADING_MODE: "live" };
      if (armed !== undefined) env.STRATDECK_LIVE_ARMED = armed;
      expect(tradingDecision(fromEnv(env), { confirm: true })).toEqual({
        mode: "refused",
        reason: NOT_ARMED_REASON,
      });
    }
  });

  it("armed goes to dry-run unless explicitly confirmed", () => {
    const armed = fromEnv({ STRATDECK_TRADING_MODE: "live", STRATDECK_LIVE_ARMED: "YES" });
    expect(tradingDecision(armed)).toEqual({ mode: "live-dry-run" });
    expect(tradingDecision(armed, { confirm: true })).toEqual({ mode: "live-confirmed" });
  });

  it("assertTradingAllowed logs guard.refused and throws a clear error", () => {
    const log = { ...silentLog, error: vi.fn() };
    const unarmed = fromEnv({ STRATDECK_TRADING_MODE: "live" });
    expect(() => assertTradingAllowed(unarmed, { log })).toThrow(TradingRefusedError);
    expect(() => assertTradingAllowed(unarmed)).toThrow(/STRATDECK_LIVE_ARMED is not YES/);
    expect(log.error).toHaveBeenCalledWith("guard.refused", {
      tradingMode: "live",
      reason: NOT_ARMED_REASON,
    });
    expect(assertTradingAllowed(fromEnv({}))).toEqual({ mode: "paper" });
  });
});
