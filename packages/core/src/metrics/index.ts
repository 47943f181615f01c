export * from "./metrics";
export * from "./emf-metrics";
export * from "./memory-metrics";
