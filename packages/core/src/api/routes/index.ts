import { alertsRoute } from "./alerts";
import { closePositionRoute } from "./close-position";
import { entryModeRoute, entryModesRoute } from "./entry-mode";
import { enterIdeaRoute } from "./enter-idea";
import { healthRoute } from "./health";
import { historyRoute } from "./history";
import { ideasRoute } from "./ideas";
import { ideasRescanRoute } from "./ideas-rescan";
import { ordersRoute } from "./orders";
import { positionsRoute } from "./positions";

export {
  alertsRoute,
  closePositionRoute,
  enterIdeaRoute,
  entryModeRoute,
  entryModesRoute,
  healthRoute,
  historyRoute,
  ideasRescanRoute,
  ideasRoute,
  ordersRoute,
  positionsRoute,
};
export { MAX_HISTORY_LIMIT } from "./history";
export { RESCAN_MIN_INTERVAL_MS } from "./ideas-rescan";
export { MAX_ALERTS_LIMIT } from "./alerts";
export { MAX_ORDERS_LIMIT } from "./orders";

/** Every route of the StratDeck API (Lambda functions each serve one; the local server all). */
export const API_ROUTES = [
  positionsRoute,
  ordersRoute,
  alertsRoute,
  ideasRoute,
  ideasRescanRoute,
  healthRoute,
  closePositionRoute,
  historyRoute,
  enterIdeaRoute,
  entryModesRoute,
  entryModeRoute,
] as const;
