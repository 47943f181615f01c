import { alertsRoute } from "./alerts";
import { closePositionRoute } from "./close-position";
import { healthRoute } from "./health";
import { ideasRoute } from "./ideas";
import { ordersRoute } from "./orders";
import { positionsRoute } from "./positions";

export { alertsRoute, closePositionRoute, healthRoute, ideasRoute, ordersRoute, positionsRoute };
export { MAX_ALERTS_LIMIT } from "./alerts";
export { MAX_ORDERS_LIMIT } from "./orders";

/** Every route of the StratDeck API (Lambda functions each serve one; the local server all). */
export const API_ROUTES = [
  positionsRoute,
  ordersRoute,
  alertsRoute,
  ideasRoute,
  healthRoute,
  closePositionRoute,
] as const;
