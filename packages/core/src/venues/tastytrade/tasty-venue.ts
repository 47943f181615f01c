import type { NotifyOnceDeps } from "../../alerts/notify-once";
import type { LiveConfig } from "../../config/app-config";
import type { Log } from "../../log/log";
import type { PaperOrderStore } from "../../ledger/paper-order-store";
import type { Refusal } from "../../ledger/leg-fill";
import type { Clock } from "../../time/clock";
import {
  NOTHING_PENDING,
  type CloseOutcome,
  type CloseRequest,
  type FillBook,
  type FinishReport,
  type OpenOutcome,
  type OpenRequest,
  type Venue,
} from "../venue";
import { finishPendingOrders } from "./finish-pending";
import { isLiveBroker, type LiveBroker } from "./live-broker";
import { closeAtBroker, closingOrder } from "./live-close";
import { liveOrderRequest, type LiveOrderGateway, type LiveOrderResult } from "./live-order-gateway";
import { reconcileLive, type ReconcileReport } from "./reconcile";
import { submitLive } from "./submit-live";

/** Deps of the {@link TastyVenue}. */
export interface TastyVenueDeps extends Partial<Pick<NotifyOnceDeps, "alerts" | "notifier">> {
  /** The order log's claims and pending-order records (fills go to the use case's book). */
  orders: PaperOrderStore;
  /** The broker: dry-run at least; a {@link LiveBroker} also places, follows and cancels. */
  gateway: LiveOrderGateway;
  clock: Clock;
  /** Live limits and order following (absent: nothing is placed). */
  settings?: LiveConfig;
  log: Log;
  /** Waits between order polls (tests); default a real timer. */
  sleep?: (ms: number) => Promise<void>;
}

const NO_BROKER: Refusal = { code: "no-live-gateway", message: "no broker gateway that can place orders" };

const brokerReasons = (r: LiveOrderResult): Refusal[] =>
  (r.errors ?? ["rejected by the broker"]).map((message) => ({ code: "broker-rejected", message }));

/**
 * The tastytrade venue: an unconfirmed order is only dry-run (the broker validates it, nothing is
 * written); a confirmed one is placed within the hard limits, followed to a final state (retries,
 * cancel, price walk) and what the broker filled is written to the book. Orders of runs that
 * stopped mid-order are finished before new ones are placed.
 */
export class TastyVenue implements Venue {
  readonly mode = "live" as const;

  constructor(private readonly deps: TastyVenueDeps) {}

  async open(request: OpenRequest, book: FillBook): Promise<OpenOutcome> {
    const { records, log } = request;
    if (request.decision.mode === "live-confirmed") {
      const live = this.placing();
      if (!live) {
        log.error("live.order.refused", { key: records.order.idempotencyKey, reasons: [NO_BROKER] });
        return { status: "refused", reasons: [NO_BROKER] };
      }
      const sleep = this.deps.sleep ? { sleep: this.deps.sleep } : {};
      return submitLive({ ...this.deps, ...live, book, ...sleep }, records, log);
    }
    const broker = await this.dryRun(liveOrderRequest(records.order));
    // The broker's fee-calculation beside the fee model's figure (cents), for reconciliation.
    log.info("live.dry-run", {
      key: records.order.idempotencyKey,
      credit: records.order.price,
      mode: request.decision.mode,
      ok: broker.ok,
      warnings: broker.warnings,
      errors: broker.errors,
      modelFeesCents: records.order.fees?.totalCents,
      brokerFeesCents: broker.details?.feesCents,
    });
    return { status: "dry-run", reasons: broker.ok ? [] : brokerReasons(broker), broker };
  }

  async close(request: CloseRequest, book: FillBook): Promise<CloseOutcome> {
    const positionId = request.position.positionId;
    if (request.decision.mode !== "live-confirmed") {
      const broker = await this.dryRun(closingOrder(request.position, request.mark.debitToClose));
      request.log.info("live.dry-run", { positionId, ok: broker.ok, errors: broker.errors });
      return { status: "dry-run", broker };
    }
    const live = this.placing();
    if (!live) return { status: "refused", reasons: [NO_BROKER] };
    const sleep = this.deps.sleep ? { sleep: this.deps.sleep } : {};
    return closeAtBroker({ ...this.deps, ...live, ...sleep }, request, book);
  }

  async finishPending(book: FillBook): Promise<FinishReport> {
    const live = this.placing();
    if (!live) return NOTHING_PENDING;
    const sleep = this.deps.sleep ? { sleep: this.deps.sleep } : {};
    return finishPendingOrders({ ...this.deps, ...live, book, ...sleep });
  }

  /** The broker's positions against the order log's open live positions (drift alerted once a day). */
  reconcile(): Promise<ReconcileReport | null> {
    const live = this.placing();
    return live ? reconcileLive({ ...this.deps, broker: live.broker }) : Promise.resolve(null);
  }

  /** The broker and settings that can place orders, or null (a dry-run-only gateway, no live settings). */
  private placing(): { broker: LiveBroker; settings: LiveConfig } | null {
    const broker = this.deps.gateway;
    return isLiveBroker(broker) && this.deps.settings ? { broker, settings: this.deps.settings } : null;
  }

  private dryRun(order: Parameters<LiveOrderGateway["dryRun"]>[0]): Promise<LiveOrderResult> {
    return this.deps.gateway
      .dryRun(order)
      .catch((err: Error): LiveOrderResult => ({ ok: false, errors: [`dry-run failed: ${err.message}`] }));
  }
}
