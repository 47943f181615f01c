export * from "./alert-store";
export * from "./memory-alert-store";
export * from "./dynamo-alert-store";
