export * from "./chain";
export * from "./expirations";
export * from "./memo";
export * from "./option-pricer";
export * from "./prng";
export * from "./strikes";
export {
  occSymbol,
  parseOccSymbol,
  parseStreamerSymbol,
  streamerSymbol,
  strikeText,
  type OptionId,
} from "@stratdeck/core/market-data";
export * from "./synthetic-market";
export * from "./underlyings";
export * from "./vol-surface";
export * from "./day-stats";
export * from "./settlement-values";
export * from "./dynamics";
export * from "./surface-smile";
