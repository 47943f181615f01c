import { describe, expect, it } from "vitest";
import { enterLive, liveLimitBlocks, liveRealizedToday } from "@stratdeck/core/venues/tastytrade";
import {
  MemoryPaperOrderStore,
  settleExpired,
  settlementMoment,
  type SettlementPriceSource,
} from "@stratdeck/core/ledger";
import { entryDeps, liveSettings, spreadRecords, useLiveSim, type LiveEnv } from "./live-sim";

let env: LiveEnv;
let orders: MemoryPaperOrderStore;

useLiveSim((e) => {
  env = e;
  orders = new MemoryPaperOrderStore();
});

describe("a live position that expires", () => {
  it("is settled by the same settlement path as a paper one: closed at intrinsic value, its live-open claim released, its net loss counted by the daily loss stop", async () => {
    const cap = { maxOpenPositions: 1 };
    const { records } = await spreadRecords(env, { key: "expiring" });
    const entry = await enterLive(entryDeps(env, orders, cap), records, env.log);
    expect(entry.status).toBe("placed");
    const position = (await orders.getPosition(entry.positionId!))!;
    expect(position.mode).toBe("live");
    expect(await orders.keyHolder("live-open#0")).toBe(position.positionId);

    // Expiry day's close: the index settles 10 points below the long strike (the full width is lost).
    const [short, long] = position.legs;
    const at = settlementMoment(position.expiration, position.settlement);
    env.clock.set(at + 3_600_000);
    const settlement: SettlementPriceSource = {
      settlementPrice: async (r) =>
        r.at === at ? { price: long!.strike - 10, source: "close", asOf: at, approximate: false } : null,
    };
    const r = await settleExpired({ clock: env.clock, log: env.log, orders, settlement });
    expect(r.settled.map((s) => s.positionId)).toEqual([position.positionId]);
    const settled = (await orders.getPosition(position.positionId))!;
    expect(settled).toMatchObject({ status: "closed", closeReason: "expiry", settlementSource: "close" });
    expect(settled.exitDebit).toBe(short!.strike - long!.strike);
    const loss = -settled.netPnlCents!;
    expect(loss).toBe(Math.round((25 - position.entryCredit) * 100 * 100) + position.entryFeesCents!);

    // The claim is released: the cap of one live position admits the next entry.
    expect(await orders.keyHolder("live-open#0")).toBeNull();
    // The settled loss is today's realised live loss, net of fees, and stops the day's entries.
    expect(await liveRealizedToday(orders, env.clock.now())).toBe(-loss);
    const blocks = await liveLimitBlocks(
      orders,
      liveSettings({ ...cap, dailyLossStopCents: loss }),
      1,
      env.clock.now(),
    );
    expect(blocks.map((b) => b.code)).toEqual(["live-daily-loss-stop"]);
    const calls = env.broker.calls.length;
    const next = await spreadRecords(env, { key: "after-expiry" });
    const refused = await enterLive(
      entryDeps(env, orders, { ...cap, dailyLossStopCents: loss }),
      next.records,
      env.log,
    );
    expect(refused).toMatchObject({ status: "refused", reasons: [{ code: "live-daily-loss-stop" }] });
    expect(env.broker.calls).toHaveLength(calls);
  });
});
