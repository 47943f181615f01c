import { customerAccounts, customerMe } from "./account-routes";
import { apiQuoteTokens, oauthToken } from "./auth-routes";
import { equityHolidays } from "./calendar-routes";
import { flatChain, nestedChain } from "./chain-routes";
import type { Route } from "./context";
import { marketDataByType, marketDataSingle } from "./market-data-routes";
import { marketMetrics } from "./metrics-routes";
import { orderCancel, orderDryRun, orderGet, orderPlace, ordersLive } from "./order-routes";
import { positionsList } from "./position-routes";

/** Every REST route of the simulator, first match wins. */
export const ROUTES: readonly Route[] = [
  oauthToken,
  apiQuoteTokens,
  nestedChain,
  flatChain,
  marketDataByType,
  marketDataSingle,
  marketMetrics,
  customerAccounts,
  customerMe,
  orderDryRun,
  ordersLive,
  orderGet,
  orderCancel,
  orderPlace,
  positionsList,
  equityHolidays,
];
