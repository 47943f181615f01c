import { DynamoStatusStore, MemoryStatusStore } from "@stratdeck/core/status";
import { forEachAdapter } from "../support/adapter-matrix";
import { statusStoreCase } from "./status-store.case";

forEachAdapter("StatusStore", (_name, env) =>
  statusStoreCase(async (clock) => {
    const e = await env();
    return e.kind === "memory"
      ? new MemoryStatusStore(clock)
      : new DynamoStatusStore(e.doc, e.tables.status, clock);
  }),
);
