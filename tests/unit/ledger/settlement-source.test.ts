import { describe, expect, it } from "vitest";
import {
  RecordingSettlementSource,
  SessionPrintSettlementSource,
  settlementMoment,
  type SettlementPrice,
  type SettlementRequest,
} from "@stratdeck/core/ledger";
import { MemoryStatusStore } from "@stratdeck/core/status";
import type { RestQuote } from "@stratdeck/core/tasty";
import { FakeClock } from "@stratdeck/core/time";

const DAY = "2026-12-18";
const AM: SettlementRequest = {
  underlying: "SPX",
  root: "SPX",
  expiration: DAY,
  settlement: "AM",
  at: settlementMoment(DAY, "AM"),
};
const spx: RestQuote = {
  symbol: "SPX",
  instrumentType: "Index",
  halted: false,
  open: 5690.12,
  summaryDate: DAY,
};
const setPending: RestQuote = { symbol: "SET", instrumentType: "Index", halted: false, summaryDate: DAY };
const setFinal: RestQuote = { ...setPending, close: 5687.55, closePriceType: "Final" };

/** A market-data client answering the given items, recording the symbols asked for. */
function client(items: RestQuote[]) {
  const asked: string[][] = [];
  return {
    asked,
    items,
    getMarketData(symbols: { index?: string[] }) {
      asked.push(symbols.index ?? []);
      return Promise.resolve({ items: this.items.filter((i) => symbols.index?.includes(i.symbol)) });
    },
  };
}

describe("AM settlement values: approximate from the open print until the official SOQ", () => {
  it("the open print is approximate; the SET print of the day, once Final, is the official value", async () => {
    const c = client([spx, setPending]);
    const source = new SessionPrintSettlementSource(c);
    expect(await source.settlementPrice(AM)).toEqual({
      price: 5690.12,
      source: "rest:open",
      asOf: AM.at,
      approximate: true,
    });
    expect(c.asked[0]).toEqual(["SPX", "SET"]);
    c.items = [spx, setFinal];
    expect(await source.settlementPrice(AM)).toEqual({
      price: 5687.55,
      source: "soq:SET",
      asOf: AM.at,
      approximate: false,
    });
    // The next session: the SOQ is the prev-close dated that day.
    c.items = [{ ...setPending, summaryDate: "2026-12-21", prevClose: 5687.55, prevCloseDate: DAY }];
    expect(await source.settlementPrice(AM)).toMatchObject({ price: 5687.55, approximate: false });
  });

  it("a recorded open print (also one today's main recorded as official) is replaced once the SOQ is known", async () => {
    const status = new MemoryStatusStore(new FakeClock(AM.at));
    const id = `settlement:SPX:${DAY}:AM`;
    await status.beat(id, { price: 5690.12, source: "rest:open", asOf: AM.at, approximate: false });
    let inner: SettlementPrice | null = null;
    const source = new RecordingSettlementSource({ settlementPrice: () => Promise.resolve(inner) }, status);
    expect(await source.settlementPrice(AM)).toMatchObject({ price: 5690.12, approximate: true });
    inner = { price: 5690.12, source: "rest:open", asOf: AM.at, approximate: true };
    expect(await source.settlementPrice(AM)).toMatchObject({ price: 5690.12, approximate: true });
    inner = { price: 5687.55, source: "soq:SET", asOf: AM.at, approximate: false };
    expect(await source.settlementPrice(AM)).toMatchObject({ price: 5687.55, approximate: false });
    inner = null; // gone from the snapshot: the record keeps it
    expect(await source.settlementPrice(AM)).toMatchObject({
      price: 5687.55,
      source: "soq:SET",
      approximate: false,
    });
    expect((await status.read(id))?.data).toMatchObject({ price: 5687.55, source: "soq:SET" });
  });
});
