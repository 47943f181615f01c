import { describe, expect, it } from "vitest";
import { FeedPlans, ISSUE, ISSUE_KINDS } from "@stratdeck/core/dxlink";
import { feedData, parseFrame, scanFrame } from "./decode-helpers";

// Rows in our requested field order (ACCEPT_EVENT_FIELDS): symbol first, no eventType/eventTime.
const quote = (sym: unknown, bid: unknown, ask: unknown, bs: unknown = 1, as: unknown = 2) => [
  sym,
  bid,
  ask,
  bs,
  as,
];
const greeks = (sym: string, ...v: unknown[]) => [sym, ...v];

describe("COMPACT byte scanner", () => {
  it("decodes rows by field position, same result as JSON.parse", () => {
    const text = feedData([
      "Quote",
      [...quote("SPX", 5900.25, 5901.5, 10, 12), ...quote(".SPXW261218P5800", 1.05, 1.1)],
    ]);
    const fast = scanFrame(text)!;
    expect(fast.applied).toBe(2);
    expect(fast.states).toEqual(parseFrame(text).states);
    const spx = fast.book.get("SPX")!;
    expect([spx.bid, spx.ask, spx.bidSize, spx.askSize]).toEqual([5900.25, 5901.5, 10, 12]);
  });

  it("decodes every [type, values] pair, not only the first", () => {
    const text = feedData([
      "Quote",
      quote("SPX", 1, 2),
      "Greeks",
      greeks(".SPXW261218P5800", 1.2, 0.18, -0.3, 0.01, -0.5, 0.02, 0.9),
      "Trade",
      ["SPX", 5900.5],
      "Summary",
      ["SPX", 5880.1],
    ]);
    const fast = scanFrame(text)!;
    expect(fast.applied).toBe(4);
    const opt = fast.book.get(".SPXW261218P5800")!;
    expect([opt.theo, opt.iv, opt.delta, opt.vega]).toEqual([1.2, 0.18, -0.3, 0.9]);
    expect(fast.book.get("SPX")!.last).toBe(5900.5);
    expect(fast.book.get("SPX")!.prevClose).toBe(5880.1);
    expect(fast.states).toEqual(parseFrame(text).states);
  });

  it('turns "NaN", "Infinity" and "-Infinity" into absent values (a new event replaces old ones)', () => {
    const plans = new FeedPlans();
    const f = scanFrame(feedData(["Quote", quote("SPX", "NaN", "Infinity", "-Infinity", "NaN")]), plans)!;
    const st = f.book.get("SPX")!;
    expect([st.bid, st.ask, st.bidSize, st.askSize].every(Number.isNaN)).toBe(true);
    expect(f.stage.issues[ISSUE.badNumber]).toBe(0);
  });

  it("parses numbers exactly like JSON.parse (short mantissas) and within 1e-15 (long ones)", () => {
    const values: number[] = [0, -0, 1, -1, 0.1, 5900.25, 1.3743299e7, 1e-7, 123456789012345, 2 ** 53];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let i = 0; i < 500; i++)
      values.push(rnd() - 0.5, Math.round(rnd() * 1e6) / 100, rnd() * 1e-3, -rnd() * 1e5);
    const rows = values.flatMap((v, i) => quote(`S${i}`, v, 1));
    const text = feedData(["Quote", rows]).replace("13743299", "1.3743299E7");
    const fast = scanFrame(text)!;
    values.forEach((v, i) => {
      const got = fast.book.get(`S${i}`)!.bid;
      const short = String(v).replace(/^-?0\.0*|[.-]|e.*$/g, "").length <= 15;
      if (short) expect(Object.is(got, v) || got === v).toBe(true);
      else expect(Math.abs(got - v)).toBeLessThanOrEqual(Math.abs(v) * 1e-15);
    });
  });

  it("skips a pair whose value count is not a multiple of the row width, keeps the others", () => {
    const text = feedData(["Quote", [...quote("SPX", 1, 2), "XSP", 1], "Trade", ["RUT", 2100]]);
    const f = scanFrame(text)!;
    expect(f.book.get("SPX")).toBeUndefined();
    expect(f.book.get("RUT")!.last).toBe(2100);
    expect(f.stage.issues[ISSUE.rowWidth]).toBe(1);
  });

  it("skips rows whose symbol is not a string and counts bad numbers", () => {
    const f = scanFrame(feedData(["Quote", [...quote("SPX", "abc", 2), ...quote(42, 1, 2)]]))!;
    expect(f.applied).toBe(1);
    expect(Number.isNaN(f.book.get("SPX")!.bid)).toBe(true);
    expect(f.stage.issues[ISSUE.badNumber]).toBe(1);
    expect(f.stage.issues[ISSUE.badSymbol]).toBe(1);
  });

  it("ignores event types we do not decode", () => {
    const f = scanFrame(feedData(["Profile", ["Profile", "SPX", "S&P 500"], "Trade", ["SPX", 1]]))!;
    expect(f.applied).toBe(1);
    expect(f.stage.issues[ISSUE.unknownType]).toBe(1);
  });

  it("follows the server's FEED_CONFIG field order when it differs from ours", () => {
    const plans = new FeedPlans();
    plans.update({ Quote: ["eventType", "eventSymbol", "eventTime", "askPrice", "bidPrice", "sequence"] });
    const f = scanFrame(feedData(["Quote", ["Quote", ".X", 1_700_000_000_000, 2.5, 2.25, 99]]), plans)!;
    const st = f.book.get(".X")!;
    expect([st.bid, st.ask, st.eventTime]).toEqual([2.25, 2.5, 1_700_000_000_000]);
    expect(Number.isNaN(st.bidSize)).toBe(true);
  });

  it("uses the receive time as event time when the feed sends none (or 0)", () => {
    const f = scanFrame(feedData(["Trade", ["SPX", 1]]))!;
    expect(f.book.get("SPX")!.eventTime).toBe(1_000);
  });

  it.each([
    ["not FEED_DATA", JSON.stringify({ type: "KEEPALIVE", channel: 0 })],
    ["other key order", JSON.stringify({ channel: 1, type: "FEED_DATA", data: ["Trade", ["SPX", 1]] })],
    ["whitespace", '{"type":"FEED_DATA","channel":1,"data":["Trade", ["SPX",1]]}'],
    ["escaped symbol", feedData(["Trade", ['A"B', 1]])],
    ["FULL format", feedData([{ eventType: "Trade", eventSymbol: "SPX", price: 1 }])],
    ["truncated", '{"type":"FEED_DATA","channel":1,"data":["Quote",['],
    ["trailing garbage", feedData(["Trade", ["SPX", 1]]) + "x"],
    ["nested array value", feedData(["Trade", ["SPX", [0]]])],
  ])("leaves %s to the JSON.parse path and stages nothing", (_name, text) => {
    expect(scanFrame(text)).toBeNull();
  });

  it("the JSON.parse path decodes FULL-format events and escaped symbols", () => {
    const full = parseFrame(feedData([{ eventType: "Trade", eventSymbol: "SPX", price: 7, eventTime: 5 }]));
    expect(full.book.get("SPX")).toMatchObject({ last: 7, eventTime: 5 });
    const esc = parseFrame(feedData(["Trade", ['A"B', 1]]));
    expect(esc.book.get('A"B')!.last).toBe(1);
  });

  it("names every issue kind", () => {
    expect(ISSUE_KINDS).toHaveLength(Object.keys(ISSUE).length);
  });
});
