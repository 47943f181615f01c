import type { AlertStore } from "../alerts/alert-store";
import type { Notifier } from "../alerts/notifier";
import { notifyOnce, type NotifyOutcome } from "../alerts/notify-once";
import { evaluateExits, type ExitHit } from "./exit-rules";
import { markPositions, type MarkPositionsDeps } from "./mark-positions";
import type { PaperSettings } from "./paper-settings";
import { usd } from "./risk-rules";
import type { PositionMark } from "./position-mark";

/** Deps of {@link checkExits}. */
export interface CheckExitsDeps extends MarkPositionsDeps {
  alerts: AlertStore;
  notifier: Notifier;
}

/** A position that hit an exit rule, and what happened to its alert. */
export interface ExitCandidate extends ExitHit {
  positionId: string;
  underlying: string;
  strategy: string;
  /** `sent` now, `duplicate` (sent by an earlier run), `failed` (will be retried next run). */
  alert: NotifyOutcome;
}

/** Result of {@link checkExits}. */
export interface CheckExitsResult {
  /** ms since epoch. */
  asOf: number;
  checked: number;
  candidates: ExitCandidate[];
  /** Positions whose P&L rules could not be checked, with why. */
  unpriced: { positionId: string; reason: string }[];
  marks: PositionMark[];
}

/**
 * Marks the open positions, applies the exit rules (profit target, DTE, max loss; on the gross P&L,
 * the convention the rules are quoted in — the alert also shows fees and net) and alerts the
 * trader through the Notifier — once per position and rule across runs (AlertStore claim; a failed
 * publish releases the claim so the next run retries).
 */
export async function checkExits(
  deps: CheckExitsDeps,
  options: { settings: PaperSettings },
): Promise<CheckExitsResult> {
  const settings = options.settings;
  const { positions: marks } = await markPositions(deps, { settings });
  const candidates: ExitCandidate[] = [];
  for (const mark of marks) {
    const rules = settings.exitsByStrategy?.[mark.strategy] ?? settings.exits;
    for (const hit of evaluateExits(mark, rules)) {
      const alert = await notifyOnce(deps, {
        positionId: mark.positionId,
        rule: hit.rule,
        subject: `StratDeck exit: ${hit.rule} ${mark.underlying} ${mark.expiration}`,
        message: `${hit.message}${
          mark.status === "priced"
            ? `\nP&L if closed now: gross ${usd(mark.pnlCents)}, fees ${usd(mark.feesCents)}, net ${usd(mark.netPnlCents)}`
            : ""
        }\nposition ${mark.positionId} — close with: stratdeck close ${mark.positionId}`,
        details: {
          value: hit.value,
          threshold: hit.threshold,
          ...(mark.status === "priced"
            ? { pnlCents: mark.pnlCents, feesCents: mark.feesCents, netPnlCents: mark.netPnlCents }
            : {}),
        },
        attributes: { underlying: mark.underlying, strategy: mark.strategy },
      });
      candidates.push({
        ...hit,
        positionId: mark.positionId,
        underlying: mark.underlying,
        strategy: mark.strategy,
        alert,
      });
    }
  }
  const unpriced = marks.flatMap((m) =>
    m.status === "unpriced" ? [{ positionId: m.positionId, reason: m.reason }] : [],
  );
  deps.log.info("exits.check", {
    checked: marks.length,
    candidates: candidates.length,
    sent: candidates.filter((c) => c.alert === "sent").length,
    unpriced: unpriced.length,
  });
  return { asOf: deps.clock.now(), checked: marks.length, candidates, unpriced, marks };
}
