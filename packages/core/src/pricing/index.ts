export * from "./normal";
export * from "./black-scholes";
export * from "./fill-model";
export * from "./spread-fill";
export * from "./leg-cents";
export * from "./natural-price";
