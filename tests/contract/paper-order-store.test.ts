import { DynamoPaperOrderStore, MemoryPaperOrderStore } from "@stratdeck/core/ledger";
import { forEachAdapter } from "../support/adapter-matrix";
import { pendingOrdersCase } from "./paper-order-pending.case";
import { reservationsCase } from "./paper-order-reservations.case";
import { paperOrderStoreCase } from "./paper-order-store.case";

forEachAdapter("PaperOrderStore", (_name, env) => {
  const make = async () => {
    const e = await env();
    return e.kind === "memory"
      ? new MemoryPaperOrderStore()
      : new DynamoPaperOrderStore(e.doc, e.tables.orders);
  };
  paperOrderStoreCase(make);
  reservationsCase(make);
  pendingOrdersCase(make);
});
