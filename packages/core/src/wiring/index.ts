export * from "./assemble-deps";
export * from "./build-deps";
export * from "./local-stack-file";
export * from "./state-lock";
export * from "./state-folder-errors";
export * from "./resolve-storage";
export * from "./aws-credentials";
export * from "./connect-storage";
