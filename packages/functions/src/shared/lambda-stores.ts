import { DynamoAlertStore } from "@stratdeck/core/alerts/dynamo-alert-store";
import type { AlertStore, Notifier } from "@stratdeck/core/alerts";
import type { PaperOrderStore } from "@stratdeck/core/ledger";
import type { Venues } from "@stratdeck/core/venues/venue";
import { tradingVenues } from "@stratdeck/core/wiring/venues-part";
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
    orders: new DynamoPaperOrderStore(t.doc, t.config.tables.orders).reportLegacyReads(t.log),
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
 * Where orders go, chosen by the trading mode in core's one place ({@link tradingVenues}): the
 * paper venue, and in live mode tastytrade (loaded only then) for entries and live positions.
 */
export async function venues(
  m: LambdaMarket,
  orders: PaperOrderStore,
  alerting: Partial<{ alerts: AlertStore; notifier: Notifier }> = {},
): Promise<{ venues: Venues }> {
  return { venues: await tradingVenues({ ...m, ...alerting, orders }) };
}
