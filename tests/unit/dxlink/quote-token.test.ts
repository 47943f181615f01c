import { describe, expect, it } from "vitest";
import { QuoteTokenKeeper, type QuoteTokenGrant } from "@stratdeck/core/dxlink";
import { silentLog } from "@stratdeck/core/log";
import { FakeClock } from "@stratdeck/core/time";

describe("quote token keeper", () => {
  it("reuses a token until it nears expiry or is rejected", async () => {
    const clock = new FakeClock(0);
    let n = 0;
    const source = {
      fetch: async (): Promise<QuoteTokenGrant> => ({
        token: `tok-${++n}`,
        dxlinkUrl: "ws://127.0.0.1:1/realtime",
        level: "api",
        expiresAt: clock.now() + 86_400_000,
      }),
    };
    const keeper = new QuoteTokenKeeper(source, clock, silentLog, 600_000);
    expect((await keeper.get()).token).toBe("tok-1");
    clock.advance(86_400_000 - 600_001);
    expect((await keeper.get()).token).toBe("tok-1");
    clock.advance(2);
    expect((await keeper.get()).token).toBe("tok-2");
    keeper.invalidate();
    expect((await keeper.get()).token).toBe("tok-3");
    expect(keeper.fetches).toBe(3);
    expect(keeper.refreshDueAt()).toBe(clock.now() + 86_400_000 - 600_000);
  });
});
