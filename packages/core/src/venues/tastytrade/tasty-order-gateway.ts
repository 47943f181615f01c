import type { TastyAccount } from "../../tasty/account-wire";
import type { DryRunResult, OrderRequest, OrderRequestLeg } from "../../tasty/order-wire";
import { isTastyApiError } from "../../tasty/tasty-api-error";
import type { LegAction } from "../../ledger/order-types";
import type { LiveOrderGateway, LiveOrderRequest, LiveOrderResult } from "./live-order-gateway";

/** The part of `TastyRestClient` the gateway uses. */
export interface TastyOrderClient {
  getAccounts(): Promise<TastyAccount[]>;
  dryRunOrder(accountNumber: string, order: OrderRequest): Promise<DryRunResult>;
}

/**
 * The broker's reasons in a refused order call (a 4xx TastyApiError: its sub-errors, else its
 * message); any other error is rethrown.
 */
export function refusalMessages(err: unknown): string[] {
  if (!isTastyApiError(err, "validation", "not-found")) throw err;
  const subs = err.subErrors.map(
    (e) => e.message ?? (e.domain ? `${e.domain}: ${e.reason ?? ""}` : (e.code ?? "")),
  );
  return subs.length > 0 ? subs : [err.message];
}

const ACTIONS: Record<LegAction, OrderRequestLeg["action"]> = {
  STO: "Sell to Open",
  BTO: "Buy to Open",
  BTC: "Buy to Close",
  STC: "Sell to Close",
};

/**
 * LiveOrderGateway over tastytrade's `/orders/dry-run` only: it never places an order (no `place`),
 * so a confirmed live decision is refused until real placement is built and reviewed. The account
 * is the given one, else the first open account the grant can trade.
 */
export class TastyDryRunGateway implements LiveOrderGateway {
  private account: Promise<string> | undefined;

  constructor(
    private readonly client: TastyOrderClient,
    private readonly accountNumber?: string,
  ) {}

  async dryRun(order: LiveOrderRequest): Promise<LiveOrderResult> {
    const account = await this.resolveAccount();
    let r: DryRunResult;
    try {
      r = await this.client.dryRunOrder(account, this.orderRequest(order));
    } catch (err) {
      // A failed preflight (4xx with tastytrade's messages) is the broker saying no, not a crash.
      return { ok: false, errors: refusalMessages(err) };
    }
    return {
      ok: r.errors.length === 0,
      status: r.status,
      warnings: r.warnings.map((w) => [w.code, w.message].filter(Boolean).join(": ")),
      ...(r.errors.length > 0
        ? { errors: r.errors.map((e) => [e.code, e.message].filter(Boolean).join(": ")) }
        : {}),
      details: {
        account,
        buyingPowerChangeCents: r.buyingPowerChangeCents,
        feesCents: r.feesCents,
      },
    };
  }

  /** The tastytrade order body of a request (the one the dry run validates and a placement sends). */
  protected orderRequest(order: LiveOrderRequest): OrderRequest {
    return {
      timeInForce: order.timeInForce,
      orderType: order.orderType,
      price: order.price,
      priceEffect: order.priceEffect,
      source: "stratdeck",
      legs: order.legs.map((l) => ({
        instrumentType: "Equity Option",
        symbol: l.occSymbol,
        quantity: l.quantity,
        action: ACTIONS[l.action],
      })),
    };
  }

  /** The account orders go to. */
  protected tradingAccount(): Promise<string> {
    return this.resolveAccount();
  }

  private resolveAccount(): Promise<string> {
    this.account ??= this.accountNumber
      ? Promise.resolve(this.accountNumber)
      : this.client.getAccounts().then((accounts) => {
          const a = accounts.find((x) => !x.isClosed && x.authority !== "read-only");
          if (!a) throw new Error("no open tastytrade account this grant can trade");
          return a.accountNumber;
        });
    return this.account;
  }
}
