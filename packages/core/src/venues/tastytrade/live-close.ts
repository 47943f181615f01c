import type { LiveConfig } from "../../config/app-config";
import { tradingDecision, type GuardConfig } from "../../guard/trading-decision";
import { tickFor } from "../../market-data/option-chain";
import { recordClose } from "../../ledger/close-order";
import { closeResult, type CloseResult, type ClosePositionDeps } from "../../ledger/close-position";
import { spreadOrderFees } from "../../ledger/fee-model";
import type { LiveOrderRequest, LiveOrderResult } from "./live-order-gateway";
import { markAll } from "../../ledger/mark-positions";
import type { PaperSettings } from "../../ledger/paper-settings";
import { parsePaperSettings } from "../../ledger/paper-settings";
import { executeOrder, type Execution } from "./execute-order";
import { isLiveBroker } from "./live-broker";

/** The claim taken before a live position's closing order goes to the broker. */
export const liveCloseKey = (positionId: string): string => `live-close|${positionId}`;

/** Deps of {@link closeLivePosition}. */
export interface CloseLiveDeps extends ClosePositionDeps {
  config: GuardConfig;
  live?: unknown;
  sleep?: (ms: number) => Promise<void>;
}

/** A live close: the paper close results, plus `dry-run` (armed, unconfirmed) and the execution. */
export type CloseLiveResult =
  | (CloseResult & { execution?: Execution })
  | { status: "dry-run"; positionId: string; broker: LiveOrderResult }
  | { status: "guard-refused"; positionId: string; reason: string };

/**
 * Closes an open live position at the broker behind the tripwire: unarmed is refused
 * (`guard.refused`), armed and unconfirmed only dry-runs the closing order, armed and confirmed
 * executes it (dry-run, place, follow, cancel, walk toward the natural debit) and records the
 * close from the broker's fills. A partial close records nothing and is reported as refused.
 */
export async function closeLivePosition(
  deps: CloseLiveDeps,
  positionId: string,
  options: { confirm?: boolean; reason?: string; settings?: PaperSettings } = {},
): Promise<CloseLiveResult> {
  const decision = tradingDecision(deps.config, { confirm: options.confirm === true });
  if (decision.mode === "refused" || decision.mode === "paper") {
    const reason =
      decision.mode === "refused"
        ? decision.reason
        : "a live position is closed only with STRATDECK_TRADING_MODE=live";
    deps.log.error("guard.refused", { positionId, reason });
    return { status: "guard-refused", positionId, reason };
  }
  const position = await deps.orders.getPosition(positionId);
  if (!position) return { status: "not-found", positionId };
  if (position.status === "closed") return { status: "already-closed", position };
  const broker = deps.live;
  const settings: LiveConfig | undefined = deps.config.live;
  if (!isLiveBroker(broker) || !settings) {
    const reasons = [{ code: "no-live-gateway", message: "no broker gateway that can place orders" }];
    return { status: "refused", positionId, reasons };
  }
  const paper = options.settings ?? parsePaperSettings();
  const [mark] = await markAll(deps, [position], paper.fill, paper.fees);
  if (!mark || mark.status !== "priced") {
    const reasons = mark?.status === "unpriced" ? mark.reasons : [{ code: "unpriced", message: "no quotes" }];
    return { status: "refused", positionId, reasons };
  }
  const debit = mark.debitToClose;
  const order: LiveOrderRequest = {
    underlying: position.underlying,
    price: Math.abs(debit),
    priceEffect: debit >= 0 ? "Debit" : "Credit",
    timeInForce: "Day",
    orderType: "Limit",
    legs: position.legs.map((l) => ({
      occSymbol: l.occSymbol,
      action: l.side === "short" ? "BTC" : "STC",
      quantity: l.ratio * position.quantity,
    })),
  };
  if (decision.mode === "live-dry-run") {
    const r = await broker.dryRun(order);
    deps.log.info("live.dry-run", { positionId, ok: r.ok, errors: r.errors });
    return { status: "dry-run", positionId, broker: r };
  }
  // Natural debit: buy the shorts at the ask, sell the longs at the bid.
  let natural: number | undefined = 0;
  for (const [i, l] of mark.legs.entries()) {
    const px = position.legs[i]?.side === "short" ? l.ask : l.bid;
    if (px === undefined || natural === undefined) natural = undefined;
    else natural += (position.legs[i]?.side === "short" ? px : -px) * (position.legs[i]?.ratio ?? 1);
  }
  // One closing order per position across concurrent requests (a second tap, the CLI and the
  // phone): a strict claim before the broker sees it; released only when nothing filled.
  const claim = liveCloseKey(positionId);
  if (!(await deps.orders.claimKey(claim, positionId, true))) {
    const reasons = [
      { code: "live-close-in-progress", message: "a closing order for this position was already sent" },
    ];
    deps.log.error("live.close.duplicate", { positionId });
    return { status: "refused", positionId, reasons };
  }
  const execution = await executeOrder(
    { broker, clock: deps.clock, log: deps.log, settings, ...(deps.sleep ? { sleep: deps.sleep } : {}) },
    {
      order,
      tick: tickFor(position.tickSizes ?? [{ value: 0.05, threshold: 3 }, { value: 0.1 }], order.price),
      tickSizes: position.tickSizes ?? [{ value: 0.05, threshold: 3 }, { value: 0.1 }],
      ...(natural !== undefined && debit >= 0 ? { natural: Math.round(natural * 100) / 100 } : {}),
    },
  );
  if (execution.status !== "filled") {
    if (execution.fills.spreads === 0) await deps.orders.releaseKey(claim, positionId);
    const reasons = execution.reasons.map((message) => ({ code: `live-${execution.status}`, message }));
    deps.log.error("live.close.unfilled", { positionId, status: execution.status, reasons });
    return { status: "refused", positionId, reasons, execution };
  }
  const res = await recordClose(deps, position, {
    exitDebit: -execution.fills.net,
    legs: position.legs.map((_, i) => ({
      fillPrice: execution.fills.legs[i]?.averagePrice ?? 0,
      quoteTime: deps.clock.now(),
      ...(mark.legs[i]?.bid !== undefined ? { bid: mark.legs[i]?.bid } : {}),
      ...(mark.legs[i]?.ask !== undefined ? { ask: mark.legs[i]?.ask } : {}),
    })),
    time: deps.clock.now(),
    underlyingPrice: mark.underlyingPrice ?? position.underlyingAtEntry,
    underlyingSource: mark.underlyingSource,
    reason: options.reason ?? "manual",
    // The fee model on the broker's fill prices (the broker's own figure is logged at dry-run).
    fees: spreadOrderFees(
      paper.fees,
      "close",
      position,
      position.legs.map((_, i) => execution.fills.legs[i]?.averagePrice ?? 0),
    ),
  });
  return { ...closeResult(res, position), execution };
}
