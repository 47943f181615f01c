export * from "./alert-store";
export * from "./memory-alert-store";
export * from "./dynamo-alert-store";
export * from "./notifier";
export * from "./notify-once";
