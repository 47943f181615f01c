import { closePositionRoute } from "./close-position";
import { healthRoute } from "./health";
import { ideasRoute } from "./ideas";
import { ordersRoute } from "./orders";
import { positionsRoute } from "./positions";

export { closePositionRoute, healthRoute, ideasRoute, ordersRoute, positionsRoute };
export { MAX_ORDERS_LIMIT } from "./orders";

/** Every route of the StratDeck API (Lambda functions each serve one; the local server all). */
export const API_ROUTES = [positionsRoute, ordersRoute, ideasRoute, healthRoute, closePositionRoute] as const;
