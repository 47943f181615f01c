import {
  confirmSettlements,
  settleExpired,
  type SettlementPriceSource,
  type SettleExpiredDeps,
} from "../ledger/index";
import { addDays, nyDate } from "../time/new-york";
import { sessionOn, tradingDayOnOrBefore } from "../time/nyse-calendar";
import type { JobRun } from "./local-scheduler";

/** Deps of the settle job (without a settlement source, expired positions stay "awaiting settlement"). */
export type SettleJobDeps = Omit<SettleExpiredDeps, "settlement"> &
  Partial<Pick<SettleExpiredDeps, "settlement">>;

/** A settlement source that knows nothing: every expired position stays "awaiting settlement". */
export const NO_SETTLEMENT_SOURCE: SettlementPriceSource = { settlementPrice: () => Promise.resolve(null) };

/** A source that can also record the day's prints (e.g. `RecordingSettlementSource`). */
interface Recorder {
  record(
    underlyings: readonly string[],
    sessions: readonly { kind: "AM" | "PM"; at: number }[],
  ): Promise<string[]>;
}
const isRecorder = (s: unknown): s is Recorder =>
  typeof (s as Partial<Recorder> | undefined)?.record === "function";

/** The settlement instants already past at `now`: the previous session's close, today's open and close. */
export function pastSettlementInstants(now: number): { kind: "AM" | "PM"; at: number }[] {
  const today = tradingDayOnOrBefore(nyDate(now));
  const session = sessionOn(today);
  const prev = sessionOn(tradingDayOnOrBefore(addDays(today, -1)));
  const out: { kind: "AM" | "PM"; at: number }[] = [];
  if (prev) out.push({ kind: "PM", at: prev.closeAt });
  if (session && now >= session.openAt) out.push({ kind: "AM", at: session.openAt });
  if (session && now >= session.closeAt) out.push({ kind: "PM", at: session.closeAt });
  return out;
}

/**
 * The settle job (after the close, and in the morning for AM roots): records the opening and
 * closing values of the indexes of open positions (so they stay known later), then settles every
 * expired position at the value recorded at its settlement instant; the rest stay "awaiting
 * settlement". Then settlements still approximate (an AM root from the `open` print) are
 * confirmed once the official value is known (see `confirmSettlements`).
 */
export async function runSettleJob(deps: SettleJobDeps, run?: JobRun) {
  const settlement = deps.settlement ?? NO_SETTLEMENT_SOURCE;
  let recorded: string[] = [];
  if (isRecorder(settlement)) {
    const open = await deps.orders.listOpenPositions();
    const underlyings = [...new Set(open.map((p) => p.underlying))];
    recorded = await settlement.record(underlyings, pastSettlementInstants(run?.at ?? deps.clock.now()));
  }
  const result = await settleExpired({ ...deps, settlement });
  const confirmed = await confirmSettlements({ ...deps, settlement });
  deps.log.info("orchestrator.settle", {
    recorded: recorded.length,
    settled: result.settled.length,
    awaiting: result.awaiting.length,
    confirmed: confirmed.length,
  });
  return { recorded, settled: result.settled, awaiting: result.awaiting, confirmed };
}
