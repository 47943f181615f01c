import { tradingDecision, type GuardConfig } from "../guard/trading-decision";
import type { CloseOutcome, LiveOrderResult, Venues } from "../venues/venue";
import type { OrderRecord, PositionRecord } from "./order-types";
import type { Refusal } from "./leg-fill";
import { fillBook } from "./fill-book";
import { markAll, type MarkPositionsDeps } from "./mark-positions";
import type { PaperOrderStore } from "./paper-order-store";
import type { PaperSettings } from "./paper-settings";
import type { PositionMark } from "./position-mark";

/** Deps of {@link closePosition}. */
export interface ClosePositionDeps extends Omit<MarkPositionsDeps, "orders"> {
  orders: PaperOrderStore;
  /** The tripwire's fields (trading mode, arming). */
  config: GuardConfig;
  /** The venues chosen in wiring: a position is closed by the venue of its mode. */
  venues: Venues;
}

/** Options of {@link closePosition}. */
export interface ClosePositionOptions {
  /** Why (recorded on the close): `manual` by default, or an exit rule's name. */
  reason?: string;
  /** Fill and fee settings (strategies.yaml; required: `paperSettingsFromStrategies`). */
  settings: PaperSettings;
  /** The operator confirmed a real order (`--confirm-live`, `confirmLive` in the request body). */
  confirm?: boolean;
}

/** Result of {@link closePosition}. */
export type CloseResult =
  | {
      status: "closed";
      position: PositionRecord;
      order: OrderRecord;
      realizedPnlCents: number;
      details?: Record<string, unknown>;
    }
  | { status: "already-closed"; position: PositionRecord }
  | {
      status: "refused";
      positionId: string;
      reasons: Refusal[];
      mark?: PositionMark;
      details?: Record<string, unknown>;
    }
  | { status: "not-found"; positionId: string }
  | { status: "dry-run"; positionId: string; broker: LiveOrderResult }
  | { status: "guard-refused"; positionId: string; reason: string };

/**
 * Closes an open position, wherever the request comes from (`stratdeck close`, `POST
 * /positions/{id}/close`, the phone, an exit rule): behind the tripwire (a confirmation without
 * arming, or live mode unarmed, is `guard-refused` and logged as `guard.refused`), marked at current
 * quotes (refused when a leg cannot be priced), then sent to the venue of the position's mode: the
 * paper venue fills at the fill model's closing price; the broker dry-runs unless confirmed, else
 * places, follows and records what filled. A venue this process does not have (a live position in
 * paper mode) is `guard-refused` too.
 */
export async function closePosition(
  deps: ClosePositionDeps,
  positionId: string,
  options: ClosePositionOptions,
): Promise<CloseResult> {
  const decision = tradingDecision(deps.config, { confirm: options.confirm === true });
  if (decision.mode === "refused") {
    deps.log.error("guard.refused", { positionId, reason: decision.reason });
    return { status: "guard-refused", positionId, reason: decision.reason };
  }
  const position = await deps.orders.getPosition(positionId);
  if (!position) return { status: "not-found", positionId };
  if (position.status === "closed") return { status: "already-closed", position };
  const venue = deps.venues.holding(position.mode);
  if (!venue) {
    const reason = `a ${position.mode} position is closed only with STRATDECK_TRADING_MODE=${position.mode}`;
    deps.log.error("guard.refused", { positionId, reason });
    return { status: "guard-refused", positionId, reason };
  }
  const settings = options.settings;
  const [mark] = await markAll(deps, [position], settings.fill, settings.fees);
  if (!mark || mark.status !== "priced") {
    const reasons = mark?.status === "unpriced" ? mark.reasons : [{ code: "unpriced", message: "no quotes" }];
    deps.log.warn("close.refused", { positionId, reasons });
    return { status: "refused", positionId, reasons, ...(mark ? { mark } : {}) };
  }
  const book = fillBook({ orders: deps.orders, log: deps.log, feeSchedule: settings.fees });
  const request = { position, mark, decision, reason: options.reason ?? "manual" };
  const sent = await venue.close({ ...request, now: deps.clock.now(), log: deps.log }, book);
  return closeResult(sent, position);
}

/** The result of a venue's close: `closed` (or `already-closed` for a duplicate), or why not. */
function closeResult(sent: CloseOutcome, position: PositionRecord): CloseResult {
  const positionId = position.positionId;
  if (sent.status === "dry-run") return { status: "dry-run", positionId, broker: sent.broker };
  const details = sent.details ? { details: sent.details } : {};
  if (sent.status === "refused") return { status: "refused", positionId, reasons: sent.reasons, ...details };
  const res = sent.record;
  if (res.status === "duplicate") return { status: "already-closed", position: res.position ?? position };
  return {
    status: "closed",
    position: res.position,
    order: res.order,
    realizedPnlCents: res.realizedPnlCents,
    ...details,
  };
}
