export * from "./api-types";
export * from "./auth/index";
export * from "./responses";
export * from "./router";
export * from "./routes/index";
export * from "./handle-api-request";
export * from "./query-fields";
