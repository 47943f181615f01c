import { PaperVenue, venuesOf } from "@stratdeck/core/venues";
import { describe, expect, it } from "vitest";
import { MemoryAlertStore, MemoryNotifier } from "@stratdeck/core/alerts";
import { silentLog } from "@stratdeck/core/log";
import {
  checkExits,
  closePosition,
  DEFAULT_FEE_SCHEDULE,
  enterAuto,
  FeeModelError,
  MemoryPaperOrderStore,
  orderFees,
  paperSettingsFromStrategies,
  DEFAULT_PAPER_SETTINGS,
  type FeeRates,
  type FeeSchedule,
} from "@stratdeck/core/ledger";
import { parseStrategiesYaml, StrategiesConfigError } from "@stratdeck/core/strategies";
import { FakeClock } from "@stratdeck/core/time";
import { readFileSync } from "node:fs";
import { entryMarket, LONG, putSpreadIdea, SHORT, T0 } from "./fake-market";
import { testSettings } from "../../support/paper-settings";

const file = readFileSync("strategies.yaml", "utf8");
/** strategies.yaml without its `fees:` section (the tests append their own). */
const yaml = file.replace(/^fees:[\s\S]*?(?=^risk:)/m, "");
const sell = (price: number) => ({ action: "sell" as const, ratio: 1, price });
/** A trading instant within the default schedule's period, ms since epoch. */
const at = T0;
/** The default schedule with some rates replaced in its every period. */
const withRates = (rates: Partial<FeeRates>): FeeSchedule => ({
  periods: DEFAULT_FEE_SCHEDULE.periods.map((p) => ({ ...p, ...rates })),
});
const buy = (price: number) => ({ action: "buy" as const, ratio: 1, price });

describe("fee model (tastytrade's schedule)", () => {
  it("an XSP vertical, 1 lot: $1.00/contract to open, clearing, ORF, TAF + SEC on the sale, XSP index fee", () => {
    const open = orderFees(DEFAULT_FEE_SCHEDULE, {
      underlying: "XSP",
      kind: "open",
      quantity: 1,
      multiplier: 100,
      legs: [sell(1.2), buy(0.8)],
      at,
    });
    // Each component summed in USD, then rounded up to the cent.
    const regulatory = 2 * 0.0388 + 0.002 + 0.000013 * 100 * 1.2;
    expect(open).toEqual({
      commissionCents: 200,
      clearingCents: 20,
      regulatoryCents: Math.ceil(regulatory * 100),
      proprietaryCents: 8,
      totalCents: 200 + 20 + Math.ceil(regulatory * 100) + 8,
    });
    const close = orderFees(DEFAULT_FEE_SCHEDULE, {
      underlying: "XSP",
      kind: "close",
      quantity: 1,
      multiplier: 100,
      legs: [buy(0.6), sell(0.4)],
      at,
    });
    expect(close.commissionCents).toBe(0); // $0.00 commission to close
    expect(close.clearingCents).toBe(20);
  });

  it("no per-leg commission cap for broad-based index options; a configured cap applies", () => {
    const order = {
      underlying: "SPX",
      kind: "open" as const,
      quantity: 20,
      multiplier: 100,
      legs: [sell(5), buy(3)],
      at,
    };
    const uncapped = orderFees(DEFAULT_FEE_SCHEDULE, order);
    expect(uncapped.commissionCents).toBe(2 * 20 * 100);
    expect(uncapped.proprietaryCents).toBe(2 * 20 * 65);
    const capped = orderFees(withRates({ commissionLegCap: 10 }), order);
    expect(capped.commissionCents).toBe(2 * 1000);
  });

  it("XSP's small-order exemption is configurable (charged from 10 contracts a leg)", () => {
    const schedule = withRates({ indexFees: { XSP: { perContract: 0.07, chargedFromQuantity: 10 } } });
    const legs = [sell(1), buy(0.5)];
    const o = (quantity: number) =>
      orderFees(schedule, { underlying: "XSP", kind: "open", quantity, multiplier: 100, legs, at })
        .proprietaryCents;
    expect(o(9)).toBe(0);
    expect(o(10)).toBe(2 * 10 * 7);
  });

  it("an underlying without an index fee is an error naming the field, never a silent zero", () => {
    expect(() =>
      orderFees(DEFAULT_FEE_SCHEDULE, {
        underlying: "DJX",
        kind: "open",
        quantity: 1,
        multiplier: 100,
        legs: [sell(1)],
        at,
      }),
    ).toThrow(new FeeModelError("fees.index_fees.DJX: no proprietary index option fee configured"));
  });

  it("strategies.yaml: fees default to the schedule; a negative fee or a fee model that does not parse names the key", () => {
    expect(parseStrategiesYaml(yaml).fees).toEqual(DEFAULT_FEE_SCHEDULE);
    // The file's own fees section states the same defaults, and its risk section the default limits.
    const own = parseStrategiesYaml(file);
    expect(own.fees).toEqual(DEFAULT_FEE_SCHEDULE);
    expect(paperSettingsFromStrategies(own).risk).toEqual(DEFAULT_PAPER_SETTINGS.risk);
    const custom = parseStrategiesYaml(
      `${yaml}\nfees:\n  clearing: 0.2\n  index_fees:\n    NDX: { per_contract: 0.5 }\n`,
    );
    expect(custom.fees.periods[0]).toMatchObject({
      clearing: 0.2,
      indexFees: { NDX: { perContract: 0.5 }, SPX: { perContract: 0.65 } },
    });
    const bad = (extra: string) => {
      try {
        parseStrategiesYaml(`${yaml}\n${extra}`);
      } catch (e) {
        expect(e).toBeInstanceOf(StrategiesConfigError);
        return (e as Error).message;
      }
      throw new Error("expected a StrategiesConfigError");
    };
    expect(bad("fees:\n  clearing: -0.1\n")).toMatch(/fees\.clearing.*must be a number >= 0 \(got -0\.1\)/);
    expect(bad("fees: cheap\n")).toMatch(/fees.*must be a mapping/);
    expect(bad("fees:\n  commision_open: 1\n")).toMatch(/fees\.commision_open.*unknown key/);
    expect(bad("fees:\n  index_fees:\n    SPX: { per_contract: -1 }\n")).toMatch(
      /fees\.index_fees\.SPX\.per_contract/,
    );
  });

  it("gross, fees and net on the entry, the mark, the alert and the close; net = gross − fees", async () => {
    const clock = new FakeClock(T0);
    const provider = entryMarket(clock);
    const orders = new MemoryPaperOrderStore();
    const settings = testSettings({ fill: { model: "mid" } });
    const deps = {
      clock,
      log: silentLog,
      orders,
      provider,
      config: { tradingMode: "paper" as const, liveArmed: false },
      venues: venuesOf(new PaperVenue()),
      alerts: new MemoryAlertStore(clock),
      notifier: new MemoryNotifier(),
    };
    const r = await enterAuto(deps, [putSpreadIdea()], { slot: "2026-11-25T10:00", settings });
    const positionId = r.outcomes[0]!.positionId!;
    const [openOrder] = await orders.ordersOf(positionId);
    const position = (await orders.getPosition(positionId))!;
    expect(openOrder!.fees!.totalCents).toBeGreaterThan(0);
    expect(position.entryFeesCents).toBe(openOrder!.fees!.totalCents);
    // The market rallies: the spread is nearly worthless; the profit-target alert shows the net.
    provider.spot("SPX", 6100).quote(SHORT, 0.2, 0.3).quote(LONG, 0.05, 0.1);
    const exits = await checkExits(deps, { settings });
    const mark = exits.marks[0]!;
    expect(mark.status).toBe("priced");
    if (mark.status !== "priced") return;
    expect(mark.netPnlCents).toBe(mark.pnlCents - mark.feesCents);
    expect(mark.feesCents).toBeGreaterThan(position.entryFeesCents!);
    const alert = deps.notifier.sent.find((m) => m.attributes?.rule === "profit-target")!;
    expect(alert.message).toMatch(/gross \$[\d,.]+, fees \$[\d,.]+, net \$[\d,.]+/);
    const closed = await closePosition(deps, positionId, { settings });
    expect(closed.status).toBe("closed");
    const after = (await orders.getPosition(positionId))!;
    const [, closeOrder] = await orders.ordersOf(positionId);
    expect(after.exitFeesCents).toBe(closeOrder!.fees!.totalCents);
    expect(after.feesCents).toBe(after.entryFeesCents! + after.exitFeesCents!);
    expect(after.netPnlCents).toBe(after.realizedPnlCents! - after.feesCents!);
    expect(after.feesCents).toBe(mark.feesCents); // the mark's estimate is what the close charged
    // Every order's legs add up to its price exactly, in integer cents (sells − buys = ± price).
    for (const o of await orders.ordersOf(positionId)) {
      const legsCents = o.legs.reduce(
        (sum, l) => sum + (l.action === "STO" || l.action === "STC" ? 1 : -1) * Math.round(l.fillPrice * 100),
        0,
      );
      expect(legsCents).toBe((o.side === "credit" ? 1 : -1) * Math.round(o.price * 100));
      for (const l of o.legs) expect(Number.isInteger(Math.round(l.fillPrice * 1e6) / 1e4)).toBe(true);
    }
  });
});
