import { customerAccounts, customerMe } from "./account-routes";
import { apiQuoteTokens, oauthToken } from "./auth-routes";
import { equityHolidays } from "./calendar-routes";
import { accountBalances } from "./balance-routes";
import { compactChain, equityOption, flatChain, nestedChain } from "./chain-routes";
import type { Route } from "./context";
import { marketDataByType, marketDataSingle } from "./market-data-routes";
import { marketMetrics } from "./metrics-routes";
import { orderCancel, orderDryRun, orderGet, orderPlace, ordersList, ordersLive } from "./order-routes";
import { positionsList } from "./position-routes";

/** Every REST route of the simulator, first match wins. */
export const ROUTES: readonly Route[] = [
  oauthToken,
  apiQuoteTokens,
  nestedChain,
  compactChain,
  flatChain,
  equityOption,
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
  ordersList,
  accountBalances,
  positionsList,
  equityHolidays,
];
