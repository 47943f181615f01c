import { describe, expect, it } from "vitest";
import { FeedPlans, MarketBook, ThrottledWarnings } from "@stratdeck/core/dxlink";
import { FrameReader } from "../../../packages/core/src/dxlink/frame-reader";
import { FakeClock } from "@stratdeck/core/time";
import { memoryLog } from "@stratdeck/core/log";

function reader() {
  const log = memoryLog();
  const warnings = new ThrottledWarnings(log, new FakeClock(0));
  const r = new FrameReader(new FeedPlans(), new MarketBook(), warnings);
  const read = (frame: unknown) =>
    r.read(Buffer.from(typeof frame === "string" ? frame : JSON.stringify(frame)));
  return { read, log, warnings };
}

describe("DXLink frame validation (one test per class of bad input)", () => {
  it("accepts the control messages tastytrade sends, extra fields included", () => {
    const { read } = reader();
    expect(
      read({ type: "SETUP", channel: 0, version: "1.0", keepaliveTimeout: 60, acceptKeepaliveTimeout: 60 }),
    ).toMatchObject({ type: "SETUP" });
    expect(read({ type: "AUTH_STATE", channel: 0, state: "AUTHORIZED", userId: "u1" })).toMatchObject({
      state: "AUTHORIZED",
    });
    expect(
      read({
        type: "CHANNEL_OPENED",
        channel: 1,
        service: "FEED",
        parameters: { contract: "AUTO", subFormat: "LIST" },
      }),
    ).toMatchObject({ channel: 1 });
    expect(
      read({ type: "FEED_CONFIG", channel: 1, dataFormat: "COMPACT", aggregationPeriod: 0.1 }),
    ).toMatchObject({ type: "FEED_CONFIG" });
  });

  it.each([
    ["not JSON", "{nope", "invalid-json"],
    ["no string type", { type: 42, channel: 0 }, "bad-envelope"],
    ["no numeric channel", { type: "KEEPALIVE", channel: "zero" }, "bad-envelope"],
    ["a JSON array", [1, 2], "bad-envelope"],
    ["unknown message type", { type: "DOM_SNAPSHOT", channel: 3 }, "unhandled-type:DOM_SNAPSHOT"],
    [
      "AUTH_STATE with an unknown state",
      { type: "AUTH_STATE", channel: 0, state: "MAYBE" },
      "invalid-AUTH_STATE",
    ],
    [
      "FEED_CONFIG with non-list eventFields",
      { type: "FEED_CONFIG", channel: 1, eventFields: { Quote: "bidPrice" } },
      "invalid-FEED_CONFIG",
    ],
    ["FEED_DATA without a data array", { type: "FEED_DATA", channel: 1, data: "x" }, "invalid-FEED_DATA"],
    ["ERROR without an error type", { type: "ERROR", channel: 0, message: "x" }, "invalid-ERROR"],
    ["SETUP on a feed channel", { type: "SETUP", channel: 3 }, "invalid-SETUP"],
  ])("drops %s and logs it by kind", (_name, frame, kind) => {
    const { read, log } = reader();
    expect(read(frame)).toBeNull();
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatchObject({ level: "warn", event: "dxlink.malformed", fields: { kind } });
  });

  it("names the offending field of an invalid message", () => {
    const { read, log } = reader();
    read({ type: "FEED_CONFIG", channel: 1, eventFields: { Quote: "bidPrice" } });
    expect(log.lines[0]!.fields.field).toBe("eventFields.Quote");
  });

  it("logs each kind once per interval, counting the suppressed ones", () => {
    const clock = new FakeClock(0);
    const log = memoryLog();
    const w = new ThrottledWarnings(log, clock, "dxlink.malformed", 60_000);
    for (let i = 0; i < 100; i++) w.warn("invalid-json");
    w.warn("row-width");
    expect(log.lines.map((l) => l.fields.kind)).toEqual(["invalid-json", "row-width"]);
    clock.advance(60_000);
    w.warn("invalid-json");
    expect(log.lines[2]!.fields).toMatchObject({ kind: "invalid-json", total: 101, suppressedSinceLast: 99 });
    expect(w.totals()).toEqual({ "invalid-json": 101, "row-width": 1 });
  });
});
