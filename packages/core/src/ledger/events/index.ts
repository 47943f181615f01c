export * from "./ledger-event";
export * from "./ledger-event-schema";
export * from "./ledger-error";
export * from "./outcome";
export * from "./position-state";
export * from "./check-event";
export * from "./order-events";
