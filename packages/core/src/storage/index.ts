export * from "./table-definitions";
export * from "./store-error";
export * from "./retry";
export * from "./dynamo-client";
export * from "./ensure-tables";
export * from "./dynamo-batch";
export * from "./running-engine";
export * from "./table-backup";
