import { DynamoPaperOrderStore, MemoryPaperOrderStore } from "@stratdeck/core/ledger";
import { forEachAdapter } from "../support/adapter-matrix";
import { failNextWrite } from "../support/store-faults";
import { claimLeasesCase } from "./claim-leases.case";
import { pendingOrdersCase } from "./paper-order-pending.case";
import { reservationsCase } from "./paper-order-reservations.case";
import { paperOrderStoreCase } from "./paper-order-store.case";
import { ledgerEventsCase } from "./ledger-events.case";
import { ledgerConcurrencyCase } from "./ledger-concurrency.case";

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
  claimLeasesCase(async () => {
    const e = await env();
    if (e.kind === "memory") {
      const store = new MemoryPaperOrderStore();
      const countRisk = store.claims.countRisk.bind(store.claims);
      let fail = false;
      store.claims.countRisk = (...args) => {
        if (!fail) return countRisk(...args);
        fail = false;
        return Promise.reject(new Error("injected: the risk write failed"));
      };
      return { store, failNextRiskWrite: () => (fail = true) };
    }
    const store = new DynamoPaperOrderStore(e.doc, e.tables.orders);
    return { store, failNextRiskWrite: () => failNextWrite(e.doc, addsToRiskTotal) };
  });
  ledgerEventsCase(make);
  // Several stores over one table stand for several processes (memory: one store, one process).
  ledgerConcurrencyCase(async (n) => {
    const e = await env();
    const memory = new MemoryPaperOrderStore();
    if (e.kind === "memory") return Array.from({ length: n }, () => memory);
    return Array.from({ length: n }, () => new DynamoPaperOrderStore(e.doc, e.tables.orders));
  });
});

/** A write that adds to the total risk (today's single book update, or the old counter's). */
function addsToRiskTotal(command: string, input: Record<string, unknown>): boolean {
  const pk = (input.Key as { pk?: unknown } | undefined)?.pk;
  // The document client's input, or the marshalled one ({ S: "..." }) of the client underneath.
  const value = typeof pk === "string" ? pk : (pk as { S?: unknown } | undefined)?.S;
  return (
    command.startsWith("Update") &&
    typeof value === "string" &&
    value.startsWith("CAP#") &&
    / \+ :/.test(String(input.UpdateExpression))
  );
}
