export * from "./venue";
export * from "./paper/paper-venue";
