export * from "./schedules";
export * from "./slot";
export * from "./local-scheduler";
export * from "./jobs";
export * from "./job-status";
export * from "./schedule-crons";
export * from "./schedule-gate";
export * from "./stream-capacity";
