export * from "./schedules";
export * from "./slot";
export * from "./local-scheduler";
