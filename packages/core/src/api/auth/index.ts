export * from "./bearer-auth";
