export * from "./types";
export { startSimulator } from "./simulator";
export { FaultState } from "./faults";
export { TokenBook } from "./tokens";
export {
  SyntheticMarket,
  UNDERLYINGS,
  listChain,
  listExpirations,
  occSymbol,
  parseOccSymbol,
  parseStreamerSymbol,
  streamerSymbol,
  type OptionId,
  type SimChain,
  type SimExpiration,
} from "./market";
export { DEFAULT_EVENT_FIELDS, EVENT_TYPES, SIM_DXLINK_VERSION, type EventType } from "./dxlink";
export { MAX_MARKET_DATA_SYMBOLS, SIM_ACCOUNT_NUMBER } from "./rest";
export type { BrokerControls, SimPosition } from "./broker/sim-broker";
export type { OrderFaults, PreLiveStatus } from "./broker/order-faults";
export type { RouteFaultKind, RouteFaultRule, RouteFaultsHandle } from "./rest/route-faults";
