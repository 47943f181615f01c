export * from "./snapshot-writer";
export * from "./subscription-plan";
export * from "./stream-task";
export * from "./stream-task-deps";
