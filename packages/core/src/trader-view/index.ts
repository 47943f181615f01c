export * from "./exit-distance";
export * from "./open-duplicates";
