import { describe, expect, it } from "vitest";
import { handleApiRequest } from "@stratdeck/core/api";
import { FakeClock } from "@stratdeck/core/time";
import { MemoryStatusStore } from "@stratdeck/core/status";
import { memoryApiDeps, request } from "./api-fixtures";

/** Sunday 2026-12-06 12:00 New York: no NYSE session, but a simulated market runs. */
const SUNDAY = "2026-12-06T17:00:00Z";

async function stalledFeed(sessionOpen?: () => boolean) {
  const clock = new FakeClock(SUNDAY);
  const deps = memoryApiDeps({ clock, status: new MemoryStatusStore(clock) });
  const at = clock.now();
  // The stream task beats (it runs) but its market events stopped 50 s ago.
  await deps.status.beat("stream", {
    state: "running",
    healthy: true,
    feedState: "streaming",
    freshness: {
      underlyingsLastEventAt: at - 50_000,
      optionsLastEventAt: at - 50_000,
      underlyings: 4,
      options: 40,
      eventsPerMinute: 0,
    },
  });
  clock.advance(20_000); // now 70 s without an event (> 60 s), heartbeat 20 s old
  return handleApiRequest({ ...deps, ...(sessionOpen ? { sessionOpen } : {}) }, request("GET", "/health"));
}

describe("GET /health judges the stream at the moment of reading, in the scheduler's session", () => {
  it("a stalled feed while the (simulated) session is open: 503 with the reason at once", async () => {
    const r = await stalledFeed(() => true);
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({
      ok: false,
      stream: { ok: false, detail: { staleKinds: ["underlyings", "options"] } },
      problems: ["stream stalled: no underlyings or options event for over 60000 ms"],
    });
  });

  it("outside a session the same feed is reported but not a problem (NYSE closed on Sunday)", async () => {
    const r = await stalledFeed();
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, stream: { ok: false }, problems: [] });
  });
});
