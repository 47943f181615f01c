export * from "./entry-mode";
export * from "./manual-close-block";
export * from "./auto-entry";
export * from "./enter-idea";
