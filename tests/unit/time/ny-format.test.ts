import { describe, expect, it } from "vitest";
import { nyClockText, nyTimeText, nyZone } from "@stratdeck/core/time";

describe("New York time as a person reads it", () => {
  it("shows the wall clock with EST or EDT, across the daylight-saving switches", () => {
    expect(nyTimeText(Date.parse("2026-12-04T15:00:00Z"))).toBe("2026-12-04 10:00 EST");
    expect(nyTimeText(Date.parse("2026-07-01T13:30:00Z"))).toBe("2026-07-01 09:30 EDT");
    // 2026-03-08 07:00Z is 03:00 EDT, one minute earlier 01:59 EST.
    expect(nyClockText(Date.parse("2026-03-08T07:00:00Z"))).toBe("03:00 EDT");
    expect(nyClockText(Date.parse("2026-03-08T06:59:00Z"))).toBe("01:59 EST");
    expect(nyZone(Date.parse("2026-11-01T06:00:00Z"))).toBe("EST");
    expect(nyZone(Date.parse("2026-11-01T05:59:59Z"))).toBe("EDT");
  });
});
