import { refusalMessages, TastyDryRunGateway, type TastyOrderClient } from "./tasty-order-gateway";
import type { LiveOrderRequest, LiveOrderResult } from "./live-order-gateway";
import type { BrokerOrder, BrokerPosition, PlacedOrderReply } from "../../tasty/placed-order-wire";
import { isTastyApiError } from "../../tasty/tasty-api-error";
import type { LiveBroker, SubmitReply } from "./live-broker";

/** The part of `TastyRestClient` the live broker uses. */
export interface TastyLiveClient extends TastyOrderClient {
  placeOrder: (
    account: string,
    order: Parameters<TastyOrderClient["dryRunOrder"]>[1],
  ) => Promise<PlacedOrderReply>;
  getOrder(account: string, orderId: string): Promise<BrokerOrder>;
  cancelOrder(account: string, orderId: string): Promise<BrokerOrder>;
  getPositions(account: string): Promise<BrokerPosition[]>;
}

const text = (m: { code?: string; message?: string }): string =>
  [m.code, m.message].filter(Boolean).join(": ");

/**
 * {@link LiveBroker} over tastytrade REST: the dry-run gateway's account and body, plus
 * POST /orders, GET and DELETE /orders/{id} and GET /positions. A preflight failure (HTTP 4xx,
 * 429) is a refusal with tastytrade's messages, never a throw; a placement with no answer (5xx,
 * timeout, network) throws, since the order may be working.
 */
export class TastyLiveBroker extends TastyDryRunGateway implements LiveBroker {
  constructor(
    private readonly live: TastyLiveClient,
    accountNumber?: string,
  ) {
    super(live, accountNumber);
  }

  async submit(order: LiveOrderRequest): Promise<SubmitReply> {
    const account = await this.tradingAccount();
    try {
      const r = await this.live.placeOrder(account, this.orderRequest(order));
      if (r.errors.length > 0) return { ok: false, errors: r.errors.map(text) };
      return { ok: true, order: r.order, warnings: r.warnings.map(text) };
    } catch (err) {
      // No answer (timeout, dropped connection, 5xx): the order may be working at the broker, so
      // this is not a refusal; the pending record written before it stays for the next run.
      if (isTastyApiError(err, "server", "timeout", "network")) throw err;
      return { ok: false, errors: refusalMessages(err) };
    }
  }

  /** LiveOrderGateway.place: submit, reported as a LiveOrderResult. */
  async place(order: LiveOrderRequest): Promise<LiveOrderResult> {
    const r = await this.submit(order);
    return r.ok
      ? { ok: true, orderId: r.order.id, status: r.order.status, warnings: r.warnings }
      : { ok: false, errors: r.errors };
  }

  async getOrder(orderId: string): Promise<BrokerOrder> {
    return this.live.getOrder(await this.tradingAccount(), orderId);
  }

  async cancelOrder(orderId: string): Promise<BrokerOrder> {
    return this.live.cancelOrder(await this.tradingAccount(), orderId);
  }

  async positions(): Promise<BrokerPosition[]> {
    return this.live.getPositions(await this.tradingAccount());
  }
}
