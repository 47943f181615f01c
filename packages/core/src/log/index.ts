export * from "./log";
export * from "./memory-log";
export * from "./redact";
export * from "./secret-registry";
export * from "./powertools-log";
export * from "./pretty-line";
export * from "./sdk-logger";
