import { describe, expect, it } from "vitest";
import { enterLive } from "@stratdeck/core/venues/tastytrade";
import { closePosition, MemoryPaperOrderStore } from "@stratdeck/core/ledger";
import { liveSettings, entryDeps, spreadRecords, liveCloseDeps, useLiveSim, type LiveEnv } from "./live-sim";
import { testSettings } from "../../support/paper-settings";

let env: LiveEnv;
let orders: MemoryPaperOrderStore;

useLiveSim((e) => {
  env = e;
  orders = new MemoryPaperOrderStore();
});

async function openLive(): Promise<string> {
  const { records } = await spreadRecords(env);
  const r = await enterLive(entryDeps(env, orders), records, env.log);
  return r.positionId!;
}

const closeDeps = (config: { tradingMode: "paper" | "live"; liveArmed: boolean }) =>
  liveCloseDeps(env, orders, { settings: liveSettings({ walkSteps: 3, cancelAfterMs: 2_000 }), ...config });

describe("closing a live position at the broker", () => {
  it("unarmed is refused (guard.refused) and nothing reaches the broker", async () => {
    const id = await openLive();
    const calls = env.broker.calls.length;
    const r = await closePosition(closeDeps({ tradingMode: "live", liveArmed: false }), id, {
      confirm: true,
      settings: testSettings(),
    });
    expect(r.status).toBe("guard-refused");
    expect(env.broker.calls).toHaveLength(calls);
    expect(env.log.events("guard.refused")).toHaveLength(1);
  });

  it("armed but unconfirmed only dry-runs the closing order", async () => {
    const id = await openLive();
    const r = await closePosition(closeDeps({ tradingMode: "live", liveArmed: true }), id, {
      settings: testSettings(),
    });
    expect(r).toMatchObject({ status: "dry-run", broker: { ok: true } });
    expect(env.broker.calls.slice(-1).map((c) => c.call)).toEqual(["dryRun"]);
    expect((await orders.getPosition(id))?.status).toBe("open");
  });

  it("armed and confirmed: buys back at the broker, records the close from the fills, and the broker is flat", async () => {
    const id = await openLive();
    const r = await closePosition(closeDeps({ tradingMode: "live", liveArmed: true }), id, {
      confirm: true,
      settings: testSettings({ fill: { model: "mid" } }),
    });
    expect(r.status).toBe("closed");
    if (r.status !== "closed") return;
    const position = await orders.getPosition(id);
    expect(position?.status).toBe("closed");
    expect(position?.mode).toBe("live");
    // Realised P&L from the broker's own fills: (entry credit − exit debit) × 100.
    expect(r.realizedPnlCents).toBe(Math.round((position!.entryCredit - position!.exitDebit!) * 100 * 100));
    expect(r.order.legs.map((l) => l.action)).toEqual(["BTC", "STC"]);
    expect(await env.broker.positions()).toEqual([]);
  });

  it("two confirmed closes at once send one closing order; the other is refused and the broker is flat", async () => {
    const id = await openLive();
    const close = () =>
      closePosition(closeDeps({ tradingMode: "live", liveArmed: true }), id, {
        confirm: true,
        settings: testSettings({ fill: { model: "mid" } }),
      });
    const [a, b] = await Promise.all([close(), close()]);
    expect([a.status, b.status].sort()).toEqual(["closed", "refused"]);
    const refused = a.status === "refused" ? a : b;
    expect(refused).toMatchObject({ reasons: [{ code: "live-close-in-progress" }] });
    // A second closing order would have left the account short the long leg and long the short one.
    expect(await env.broker.positions()).toEqual([]);
  });
});
