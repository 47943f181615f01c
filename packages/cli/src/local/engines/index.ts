export * from "./dynalite-engine";
export * from "./dynamodb-local-engine";
