export * from "./trading-decision";
