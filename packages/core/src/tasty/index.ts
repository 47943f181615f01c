export * from "./cooldown-store";
export * from "./memory-cooldown-store";
export * from "./dynamo-cooldown-store";
