import { DynamoAlertStore } from "@stratdeck/core/alerts/dynamo-alert-store";
import type { AlertStore, Notifier } from "@stratdeck/core/alerts";
import type { PaperOrderStore } from "@stratdeck/core/ledger";
import type { LiveOrderGateway } from "@stratdeck/core/venues/tastytrade";
import { DynamoPaperOrderStore } from "@stratdeck/core/ledger/dynamo-paper-order-store";
import {
  RecordingSettlementSource,
  SessionPrintSettlementSource,
} from "@stratdeck/core/ledger/settlement-source";
import { DynamoStatusStore } from "@stratdeck/core/status/dynamo-status-store";
import type { StatusStore } from "@stratdeck/core/status";
import { notifierFor } from "@stratdeck/core/wiring/notifier-part";
import type { LambdaMarket, LambdaTables } from "./lambda-deps";

/** The order log and the status table (heartbeats, reports, recorded settlement values). */
export function ledgerStores(t: LambdaTables): { orders: PaperOrderStore; status: StatusStore } {
  return {
    orders: new DynamoPaperOrderStore(t.doc, t.config.tables.orders),
    status: new DynamoStatusStore(t.doc, t.config.tables.status, t.clock),
  };
}

/** Settlement values recorded at their instants: REST session prints, kept in the status table. */
export function settlementSource(m: LambdaMarket, status: StatusStore): RecordingSettlementSource {
  return new RecordingSettlementSource(new SessionPrintSettlementSource(m.rest), status);
}

/** The alert log (once per position and rule) and where alerts go (SNS when a topic is set). */
export async function alerting(t: LambdaTables): Promise<{ alerts: AlertStore; notifier: Notifier }> {
  return {
    alerts: new DynamoAlertStore(t.doc, t.config.tables.alerts, t.clock),
    notifier: await notifierFor(t.config, t.log, t.awsLog),
  };
}

/**
 * The tastytrade order gateway in live trading mode (the guard decides what it may do), loaded
 * only then; nothing in paper mode.
 */
export async function liveGateway(m: LambdaMarket): Promise<{ live?: LiveOrderGateway }> {
  if (m.config.tradingMode !== "live") return {};
  const { TastyLiveBroker } = await import("@stratdeck/core/venues/tastytrade/tasty-live-broker");
  return { live: new TastyLiveBroker(m.rest, m.config.live.account) };
}
