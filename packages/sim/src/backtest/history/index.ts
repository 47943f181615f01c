export * from "./daily-csv";
export * from "./history-calendar";
export * from "./history-file-error";
export * from "./history-market";
export * from "./intraday-path";
export * from "./replay-surface";
export * from "./load-history";
