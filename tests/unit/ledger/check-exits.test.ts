import { describe, expect, it } from "vitest";
import { MemoryAlertStore, MemoryNotifier } from "@stratdeck/core/alerts";
import { silentLog } from "@stratdeck/core/log";
import { checkExits, MemoryPaperOrderStore } from "@stratdeck/core/ledger";
import { FakeClock } from "@stratdeck/core/time";
import { FakeMarket, LONG, seed, SHORT, T0 } from "./fake-market";
import { testSettings } from "../../support/paper-settings";

const settings = testSettings({ fill: { model: "mid" } });

function setup() {
  const clock = new FakeClock(T0);
  const orders = new MemoryPaperOrderStore();
  const provider = new FakeMarket(clock).spot("SPX", 6050).quote(SHORT, 0.7, 0.8).quote(LONG, 0.0, 0.05);
  const alerts = new MemoryAlertStore(clock);
  const notifier = new MemoryNotifier();
  return {
    clock,
    orders,
    provider,
    alerts,
    notifier,
    deps: { clock, log: silentLog, orders, provider, alerts, notifier },
  };
}

describe("checkExits", () => {
  it("lists candidates with rule and values, and alerts once across runs", async () => {
    const { deps, orders, notifier } = setup();
    const positionId = await seed(orders);
    const first = await checkExits(deps, { settings });
    expect(first.candidates).toEqual([
      expect.objectContaining({ positionId, rule: "profit-target", threshold: 0.5, alert: "sent" }),
    ]);
    expect(first.candidates[0]?.value).toBeCloseTo(0.5, 9);
    expect(notifier.sent).toHaveLength(1);
    expect(notifier.sent[0]?.attributes).toMatchObject({
      positionId,
      rule: "profit-target",
      underlying: "SPX",
    });
    expect(notifier.sent[0]?.message).toContain(`stratdeck close ${positionId}`);
    const second = await checkExits(deps, { settings });
    expect(second.candidates[0]?.alert).toBe("duplicate");
    expect(notifier.sent).toHaveLength(1);
  });

  it("releases the claim when publishing fails so the next run retries", async () => {
    const { deps, orders, notifier, alerts } = setup();
    await seed(orders);
    notifier.failNext();
    expect((await checkExits(deps, { settings })).candidates[0]?.alert).toBe("failed");
    expect(await alerts.recent(10)).toEqual([]);
    expect((await checkExits(deps, { settings })).candidates[0]?.alert).toBe("sent");
    expect(notifier.sent).toHaveLength(1);
  });

  it("reports unpriced positions and still applies the DTE rule to them", async () => {
    const { deps, orders, provider } = setup();
    const positionId = await seed(orders, 1.5, "2026-12-10");
    provider.drop(SHORT);
    const r = await checkExits(deps, { settings });
    expect(r.unpriced).toEqual([{ positionId, reason: `no quote for ${SHORT}` }]);
    expect(r.candidates.map((c) => c.rule)).toEqual(["dte"]);
  });

  it("applies each strategy's own exit rules over the defaults (strategies.yaml exits:)", async () => {
    const { deps, orders, provider } = setup();
    // 15 DTE and 27.5 % of max profit: only the default DTE rule (21) fires.
    provider.quote(SHORT, 0.7, 0.8);
    const positionId = await seed(orders, 1.0, "2026-12-10");
    const strategy = (await orders.getPosition(positionId))?.strategy ?? "";
    expect((await checkExits(deps, { settings })).candidates.map((c) => c.rule)).toEqual(["dte"]);
    const own = { profitTargetFraction: 0.25, dteThreshold: 7, maxLossMultiple: 2 };
    const other = { ...settings, exitsByStrategy: { iron_condor_index_30d: own } };
    expect((await checkExits(deps, { settings: other })).candidates.map((c) => c.rule)).toEqual(["dte"]);
    const mine = { ...settings, exitsByStrategy: { [strategy]: own } };
    const r = await checkExits(deps, { settings: mine });
    expect(r.candidates).toEqual([
      expect.objectContaining({ positionId, rule: "profit-target", threshold: 0.25 }),
    ]);
  });
});
