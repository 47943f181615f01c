import { describe, expect, it } from "vitest";
import {
  liveOrderRequest,
  TastyDryRunGateway,
  type TastyOrderClient,
} from "@stratdeck/core/venues/tastytrade";
import type { OrderRequest } from "@stratdeck/core/tasty";

function fakeClient() {
  const sent: { account: string; order: OrderRequest }[] = [];
  const client: TastyOrderClient = {
    async getAccounts() {
      return [
        { accountNumber: "5WX00001", isClosed: true },
        { accountNumber: "5WX00002", isClosed: false, authority: "read-only" },
        { accountNumber: "5WX00003", isClosed: false, authority: "owner" },
      ];
    },
    async dryRunOrder(account, order) {
      sent.push({ account, order });
      return {
        status: "Received",
        buyingPowerChangeCents: -236_500,
        feesCents: -230,
        warnings: [{ code: "w", message: "late" }],
        errors: [],
      };
    },
  };
  return { client, sent };
}

describe("TastyDryRunGateway", () => {
  it("dry-runs a credit spread on the first tradable account and cannot place", async () => {
    const { client, sent } = fakeClient();
    const gw = new TastyDryRunGateway(client);
    const req = liveOrderRequest({
      underlying: "SPX",
      price: 1.35,
      side: "credit",
      quantity: 2,
      legs: [
        { occSymbol: "SPXW  270108P05700000", action: "STO", ratio: 1 },
        { occSymbol: "SPXW  270108P05675000", action: "BTO", ratio: 1 },
      ],
    });
    const r = await gw.dryRun(req);
    expect(r).toMatchObject({
      ok: true,
      status: "Received",
      warnings: ["w: late"],
      details: { account: "5WX00003", feesCents: -230 },
    });
    expect(sent[0]).toEqual({
      account: "5WX00003",
      order: {
        timeInForce: "Day",
        orderType: "Limit",
        price: 1.35,
        priceEffect: "Credit",
        source: "stratdeck",
        legs: [
          {
            instrumentType: "Equity Option",
            symbol: "SPXW  270108P05700000",
            quantity: 2,
            action: "Sell to Open",
          },
          {
            instrumentType: "Equity Option",
            symbol: "SPXW  270108P05675000",
            quantity: 2,
            action: "Buy to Open",
          },
        ],
      },
    });
    expect("place" in gw).toBe(false);
  });
});
