import { describe, expect, it } from "vitest";
import { PaperVenue, venuesOf } from "@stratdeck/core/venues";
import { silentLog } from "@stratdeck/core/log";
import {
  closePosition,
  DEFAULT_FEE_SCHEDULE,
  feeRatesOn,
  markPosition,
  MemoryPaperOrderStore,
  orderFees,
  type FeeSchedule,
} from "@stratdeck/core/ledger";
import { parseStrategiesYaml, StrategiesConfigError } from "@stratdeck/core/strategies";
import { FakeClock } from "@stratdeck/core/time";
import { readFileSync } from "node:fs";
import { FakeMarket, LONG, putSpread, seed, SHORT, T0 } from "./fake-market";
import { testSettings } from "../../support/paper-settings";

const settings = testSettings({ fill: { model: "mid" } });
const file = readFileSync("strategies.yaml", "utf8");
const withoutFees = file.replace(/^fees:[\s\S]*?(?=^risk:)/m, "");
const sell = (price: number) => ({ action: "sell" as const, ratio: 1, price });
const buy = (price: number) => ({ action: "buy" as const, ratio: 1, price });

describe("the fee schedule: dated, tiered, as tastytrade publishes it", () => {
  it("XSP's index fee: $0.04 a contract on legs of 1–9 contracts, $0.07 from 10 (the support article's footnote)", () => {
    const xsp = (quantity: number) =>
      orderFees(DEFAULT_FEE_SCHEDULE, {
        underlying: "XSP",
        kind: "open",
        quantity,
        multiplier: 100,
        legs: [sell(1), buy(0.5)],
        at: T0,
      }).proprietaryCents;
    expect(xsp(1)).toBe(2 * 4);
    expect(xsp(9)).toBe(2 * 9 * 4);
    expect(xsp(10)).toBe(2 * 10 * 7);
    expect(xsp(25)).toBe(2 * 25 * 7);
  });

  it("an order pays the rates in force on its New York date; a date before the first period takes the first", () => {
    const [today] = DEFAULT_FEE_SCHEDULE.periods;
    const schedule: FeeSchedule = {
      periods: [
        { ...today!, effectiveFrom: "2023-01-01", source: "test", clearing: 0.05 },
        { ...today!, effectiveFrom: "2025-05-14", source: "test", clearing: 0.2 },
      ],
    };
    const clearing = (iso: string) =>
      orderFees(schedule, {
        underlying: "SPX",
        kind: "close",
        quantity: 1,
        multiplier: 100,
        legs: [buy(1)],
        at: Date.parse(iso),
      }).clearingCents;
    expect(clearing("2023-06-01T15:00:00Z")).toBe(5);
    // 2025-05-14 00:30 UTC is still 05-13 in New York: the older period.
    expect(clearing("2025-05-14T00:30:00Z")).toBe(5);
    expect(clearing("2025-05-14T14:00:00Z")).toBe(20);
    expect(clearing("2020-01-02T15:00:00Z")).toBe(5);
    expect(feeRatesOn(schedule, "2026-12-01").effectiveFrom).toBe("2025-05-14");
    expect(() => feeRatesOn({ periods: [] }, "2026-12-01")).toThrow(/no period/);
  });

  it("a worthless long left to expire pays no closing fees: only the short bought back is charged", async () => {
    const clock = new FakeClock(T0);
    const market = new FakeMarket(clock).spot("SPX", 6100).quote(SHORT, 0.05, 0.1).quote(LONG, 0, 0.05);
    const shortOnly = orderFees(settings.fees, {
      underlying: "SPX",
      kind: "close",
      quantity: 1,
      multiplier: 100,
      legs: [buy(0.075)],
      at: T0,
    });
    const mark = markPosition(putSpread(), {
      quotes: market.quotes,
      underlying: market.underlyings.get("SPX"),
      now: T0,
      fill: settings.fill,
      fees: settings.fees,
    });
    expect(mark.status === "priced" && mark.legs.map((l) => l.leftToExpire)).toEqual([undefined, true]);
    expect(mark.status === "priced" && mark.feesCents).toBe(shortOnly.totalCents);
    const orders = new MemoryPaperOrderStore();
    const id = await seed(orders, 1.45);
    const deps = {
      clock,
      log: silentLog,
      orders,
      provider: market,
      config: { tradingMode: "paper" as const, liveArmed: false },
      venues: venuesOf(new PaperVenue()),
    };
    const r = await closePosition(deps, id, { settings });
    expect(r.status).toBe("closed");
    expect((await orders.getPosition(id))?.exitFeesCents).toBe(shortOnly.totalCents);
  });

  it("strategies.yaml states the XSP tier; a file's XSP rate keeps the tier unless it sets its own tiers", () => {
    expect(parseStrategiesYaml(file).fees).toEqual(DEFAULT_FEE_SCHEDULE);
    const rate = parseStrategiesYaml(
      `${withoutFees}\nfees:\n  index_fees:\n    XSP: { per_contract: 0.05 }\n`,
    );
    expect(rate.fees.periods[0]?.indexFees.XSP).toEqual({
      perContract: 0.05,
      tiers: [{ fromQuantity: 10, perContract: 0.07 }],
    });
    const flat = parseStrategiesYaml(
      `${withoutFees}\nfees:\n  index_fees:\n    XSP: { per_contract: 0.05, tiers: [] }\n`,
    );
    expect(flat.fees.periods[0]?.indexFees.XSP).toEqual({ perContract: 0.05, tiers: [] });
    expect(() =>
      parseStrategiesYaml(
        `${withoutFees}\nfees:\n  index_fees:\n    XSP: { per_contract: 0.04, tiers: [{ from_quantity: 0, per_contract: 0.07 }] }\n`,
      ),
    ).toThrow(StrategiesConfigError);
  });
});
