export * from "./build-deps";
export * from "./local-stack-file";
