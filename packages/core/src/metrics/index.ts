export * from "./metrics";
export * from "./memory-metrics";
