export * from "./snapshot";
export * from "./snapshot-store";
export * from "./memory-snapshot-store";
export * from "./dynamo-snapshot-store";
export * from "./option-chain";
export * from "./market-data-provider";
export * from "./snapshot-max-age";
export * from "./option-symbols";
