import type { Route } from "./context";
import { customerJson } from "./customer-json";
import { dataReply, itemsReply } from "./envelope";

/** The one account of the simulator. */
export const SIM_ACCOUNT_NUMBER = "5WT00001";
/** Buying power of the simulated account, USD. */
export const SIM_BUYING_POWER = 100_000;

/** `GET /customers/me/accounts` */
export const customerAccounts: Route = {
  method: "GET",
  pattern: /^\/customers\/me\/accounts$/,
  auth: true,
  handle() {
    return itemsReply(
      [
        {
          account: {
            "account-number": SIM_ACCOUNT_NUMBER,
            "external-id": "SIM-0001",
            "opened-at": "2024-01-02T14:30:00.000+00:00",
            nickname: "Simulated",
            "account-type-name": "Individual",
            "day-trader-status": false,
            "is-closed": false,
            "is-firm-error": false,
            "is-firm-proprietary": false,
            "is-futures-approved": false,
            "is-test-drive": false,
            "margin-or-cash": "Margin",
            "is-foreign": false,
            "investment-objective": "SPECULATION",
            "suitable-options-level": "No Restrictions",
            "created-at": "2024-01-02T14:30:00.000+00:00",
          },
          "authority-level": "owner",
        },
      ],
      "/customers/me/accounts",
    );
  },
};

/** `GET /customers/me` */
export const customerMe: Route = {
  method: "GET",
  pattern: /^\/customers\/me$/,
  auth: true,
  handle() {
    return dataReply(customerJson(), "/customers/me");
  },
};
