import { describe, expect, it } from "vitest";
import {
  DynamoCooldownStore,
  LocalWriteCooldownStore,
  MemoryCooldownStore,
  type CooldownStore,
} from "@stratdeck/core/tasty";
import { FakeClock } from "@stratdeck/core/time";
import { forEachAdapter } from "../support/adapter-matrix";
import { cooldownStoreCase } from "./cooldown-store.case";

forEachAdapter("CooldownStore", (_name, env) => {
  const shared = async (clock: FakeClock): Promise<CooldownStore> => {
    const e = await env();
    return e.kind === "memory"
      ? new MemoryCooldownStore(clock)
      : new DynamoCooldownStore(e.doc, e.tables.cooldowns, clock);
  };
  cooldownStoreCase(shared);
  describe("read-only (local writes over the shared store, GET routes)", () => {
    cooldownStoreCase(async (clock) => new LocalWriteCooldownStore(await shared(clock), clock));

    it("honours the shared cooldowns and never writes the shared store", async () => {
      const clock = new FakeClock("2026-11-25T15:00:00Z");
      const base = await shared(clock);
      const readOnly = new LocalWriteCooldownStore(base, clock);
      await base.start("RUT", 30_000, "http-429 by a job");
      expect((await readOnly.active("RUT"))?.reason).toBe("http-429 by a job");
      await readOnly.start("SPX", 60_000, "http-429 by a GET route");
      expect((await readOnly.active("SPX"))?.until).toBe(clock.now() + 60_000);
      expect(await base.active("SPX")).toBeNull();
    });
  });
});
