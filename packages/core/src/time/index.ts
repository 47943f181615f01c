export * from "./clock";
export * from "./new-york";
export * from "./nyse-calendar";
export * from "./settlement";
export * from "./nyse-closures";
export * from "./calendar-confirmation";
export * from "./ny-format";
