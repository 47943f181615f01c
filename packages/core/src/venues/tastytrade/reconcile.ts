import { createHash } from "node:crypto";
import type { NotifyOnceDeps } from "../../alerts/notify-once";
import type { Log } from "../../log/log";
import type { PaperOrderStore } from "../../ledger/paper-order-store";
import type { Clock } from "../../time/clock";
import { nyDate } from "../../time/new-york";
import type { LiveBroker } from "./live-broker";
import { liveAlert } from "./live-alert";
import type { PositionDrift, ReconcileReport } from "../venue";

export type { PositionDrift, ReconcileReport } from "../venue";

/** Deps of {@link reconcileLive}. */
export interface ReconcileDeps extends Partial<Pick<NotifyOnceDeps, "alerts" | "notifier">> {
  orders: PaperOrderStore;
  broker: Pick<LiveBroker, "positions">;
  clock: Clock;
  log: Log;
}

/**
 * Compares the legs of the order log's open live positions with the broker's positions
 * (GET /accounts/{a}/positions): a leg the broker holds that the log does not, the reverse, or a
 * different quantity is drift, logged as `live.reconcile.drift` and alerted once per distinct
 * drift per New York day.
 */
export async function reconcileLive(deps: ReconcileDeps): Promise<ReconcileReport> {
  const open = (await deps.orders.listOpenPositions()).filter((p) => p.mode === "live");
  const expected = new Map<string, number>();
  for (const p of open)
    for (const l of p.legs)
      expected.set(
        l.occSymbol,
        (expected.get(l.occSymbol) ?? 0) + (l.side === "short" ? -1 : 1) * l.ratio * p.quantity,
      );
  const held = new Map<string, number>();
  const brokerLegs = (await deps.broker.positions()).filter((p) => p.instrumentType.includes("Option"));
  for (const b of brokerLegs) held.set(b.symbol, (held.get(b.symbol) ?? 0) + b.quantity);
  const drift: PositionDrift[] = [];
  for (const symbol of [...new Set([...expected.keys(), ...held.keys()])].sort()) {
    const e = expected.get(symbol) ?? 0;
    const h = held.get(symbol) ?? 0;
    if (e === h) continue;
    drift.push({
      symbol,
      expected: e,
      held: h,
      kind: e === 0 ? "broker-only" : h === 0 ? "log-only" : "quantity",
    });
  }
  const base = { livePositions: open.length, brokerLegs: brokerLegs.length, drift };
  if (drift.length === 0) {
    deps.log.info("live.reconcile", { livePositions: open.length, brokerLegs: brokerLegs.length, drift: 0 });
    return { ...base, alert: "none" };
  }
  deps.log.error("live.reconcile.drift", { drift });
  const signature = createHash("sha256").update(JSON.stringify(drift)).digest("hex").slice(0, 16);
  const alert = await liveAlert(deps, {
    rule: `reconcile:${nyDate(deps.clock.now())}:${signature}`,
    subject: "StratDeck: live positions differ from the broker",
    message: drift
      .map((d) => `${d.symbol}: order log ${d.expected}, broker ${d.held} (${d.kind})`)
      .join("\n"),
    details: { drift },
  });
  return { ...base, alert };
}
