export * from "./dynamics-params";
export * from "./dynamic-market";
export * from "./implied-vol";
export * from "./market-history";
export * from "./seeded-rng";
export * from "./session-path";
export * from "./market-stats";
export * from "./calibration-targets";
