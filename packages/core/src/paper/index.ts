export * from "./order-types";
export * from "./paper-order-store";
export * from "./memory-paper-order-store";
export * from "./dynamo-paper-order-store";
