import { DynamoCooldownStore, MemoryCooldownStore } from "@stratdeck/core/tasty";
import { forEachAdapter } from "../support/adapter-matrix";
import { cooldownStoreCase } from "./cooldown-store.case";

forEachAdapter("CooldownStore", (_name, env) =>
  cooldownStoreCase(async (clock) => {
    const e = await env();
    return e.kind === "memory"
      ? new MemoryCooldownStore(clock)
      : new DynamoCooldownStore(e.doc, e.tables.cooldowns, clock);
  }),
);
