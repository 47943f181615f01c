export * from "./status-store";
export * from "./memory-status-store";
export * from "./dynamo-status-store";
