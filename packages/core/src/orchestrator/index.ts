export * from "./schedules";
export * from "./slot";
export * from "./local-scheduler";
export * from "./jobs";
export * from "./simulated-day";
export * from "./job-status";
