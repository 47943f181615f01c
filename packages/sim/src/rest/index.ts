export * from "./context";
export * from "./envelope";
export * from "./query";
export * from "./rest-handler";
export { MAX_MARKET_DATA_SYMBOLS } from "./market-data-routes";
export { SIM_ACCOUNT_NUMBER, SIM_BUYING_POWER } from "./account-routes";
