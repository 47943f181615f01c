import type { NotifyOnceDeps } from "../alerts/notify-once";
import type { AppConfig } from "../config/app-config";
import type { PaperOrderStore } from "../ledger/paper-order-store";
import type { Log } from "../log/log";
import type { Clock } from "../time/clock";
import { PaperVenue } from "../venues/paper/paper-venue";
import type { TastyLiveClient } from "../venues/tastytrade/tasty-live-broker";
import { venuesOf, type Venues } from "../venues/venue";

/** What the venues are built from. */
export interface VenueParts extends Partial<Pick<NotifyOnceDeps, "alerts" | "notifier">> {
  config: Pick<AppConfig, "tradingMode" | "live">;
  orders: PaperOrderStore;
  clock: Clock;
  log: Log;
  /** The tastytrade REST client (used in live trading mode only). */
  rest: TastyLiveClient;
}

/**
 * The one place the trading mode picks the venues: paper mode enters and closes on the paper
 * venue; live mode enters at tastytrade (loaded only then) and closes each position at the venue
 * of its mode (paper positions of earlier days stay on paper). The guard decides, per request,
 * whether the broker only dry-runs.
 */
export async function tradingVenues(parts: VenueParts): Promise<Venues> {
  const paper = new PaperVenue();
  if (parts.config.tradingMode !== "live") return venuesOf(paper);
  const { TastyLiveBroker } = await import("../venues/tastytrade/tasty-live-broker");
  const { TastyVenue } = await import("../venues/tastytrade/tasty-venue");
  const tasty = new TastyVenue({
    orders: parts.orders,
    gateway: new TastyLiveBroker(parts.rest, parts.config.live.account),
    clock: parts.clock,
    settings: parts.config.live,
    log: parts.log,
    ...(parts.alerts ? { alerts: parts.alerts } : {}),
    ...(parts.notifier ? { notifier: parts.notifier } : {}),
  });
  return venuesOf(tasty, [paper]);
}
