export * from "./snapshot-writer";
export * from "./subscription-plan";
export * from "./stream-task";
export * from "./stream-task-deps";
export * from "./stream-status";
export * from "./stream-options";
export * from "./frame-recording";
