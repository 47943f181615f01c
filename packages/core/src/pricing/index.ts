export * from "./normal";
export * from "./black-scholes";
