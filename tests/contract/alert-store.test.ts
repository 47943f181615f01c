import { DynamoAlertStore, MemoryAlertStore } from "@stratdeck/core/alerts";
import { forEachAdapter } from "../support/adapter-matrix";
import { alertStoreCase } from "./alert-store.case";

forEachAdapter("AlertStore", (_name, env) =>
  alertStoreCase(async (clock) => {
    const e = await env();
    return e.kind === "memory"
      ? new MemoryAlertStore(clock)
      : new DynamoAlertStore(e.doc, e.tables.alerts, clock);
  }),
);
