import { DynamoSnapshotStore, MemorySnapshotStore } from "@stratdeck/core/market-data";
import { forEachAdapter } from "../support/adapter-matrix";
import { snapshotStoreCase } from "./snapshot-store.case";

forEachAdapter("SnapshotStore", (_name, env) =>
  snapshotStoreCase(async (clock) => {
    const e = await env();
    return e.kind === "memory"
      ? new MemorySnapshotStore(clock)
      : new DynamoSnapshotStore(e.doc, e.tables.snapshots, clock);
  }),
);
