export * from "./build-deps";
export * from "./local-stack-file";
export * from "./state-lock";
export * from "./resolve-storage";
export * from "./aws-credentials";
