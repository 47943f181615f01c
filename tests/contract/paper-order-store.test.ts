import { DynamoPaperOrderStore, MemoryPaperOrderStore } from "@stratdeck/core/paper";
import { forEachAdapter } from "../support/adapter-matrix";
import { paperOrderStoreCase } from "./paper-order-store.case";

forEachAdapter("PaperOrderStore", (_name, env) =>
  paperOrderStoreCase(async () => {
    const e = await env();
    return e.kind === "memory"
      ? new MemoryPaperOrderStore()
      : new DynamoPaperOrderStore(e.doc, e.tables.orders);
  }),
);
