export * from "./backtest-job";
export * from "./run-jobs";
