export * from "./tasty-health-report";
export * from "./tasty-health";
export * from "./stored-health";
