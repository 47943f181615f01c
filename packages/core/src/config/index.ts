export * from "./app-config";
export * from "./env-fields";
export * from "./validate";
