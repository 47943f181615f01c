import { closePosition, markPositions, realizedPnl, type PaperSettings } from "@stratdeck/core/ledger";
import type { Idea } from "@stratdeck/core/strategies";
import { nyParts, isTradingDay, nextTradingDay, sessionOn } from "@stratdeck/core/time";
import {
  isScheduledMinute,
  SCHEDULES,
  runExitsJob,
  runIdeasJob,
  runSettleJob,
  type JobDeps,
  slotOf,
} from "@stratdeck/core/orchestrator";

/** The simulated market the day driver moves (the simulator's market). */
export interface DayMarket {
  spot(underlying: string): number;
  move(underlying: string, fraction: number): void;
}

/** A clock the driver can move forward. */
export interface SteppableClock {
  now(): number;
  set(to: number): void;
}

/** Options of {@link runSimulatedDay}. */
export interface SimulatedDayOptions {
  /** Trading day `YYYY-MM-DD` (New York); must be an NYSE trading day. */
  date: string;
  /** Risk/exit/fill settings (the day defaults to one open position at a time). */
  settings: PaperSettings;
  /** Only this strategy in the scans. */
  strategy?: string;
  /** Driver step, minutes of market time (default 5). */
  stepMinutes?: number;
  /** Favourable move applied per step once a position is open, fraction of spot (default 0.003). */
  movePerStep?: number;
  /** Largest total move per underlying, fraction (default 0.08). */
  maxMove?: number;
  /** Act on each exit alert as a trader would: close the position at the fill model's price. */
  closeOnAlert?: boolean;
}

/** A position the day closed on an exit alert (with `closeOnAlert`). */
export interface DayClose {
  at: string;
  positionId: string;
  reason: string;
  /** Realised P&L before fees, fees of both orders, net, cents. */
  grossCents: number;
  feesCents: number;
  netCents: number;
}

/** A paper entry of the day. */
export interface DayEntry {
  at: string;
  slot: string;
  positionId?: string;
  strategy: string;
  underlying: string;
  /** Net credit filled, USD per share. */
  credit?: number;
}

/** An exit suggestion of the day. */
export interface DayExitAlert {
  at: string;
  positionId: string;
  underlying: string;
  strategy: string;
  rule: string;
  value: number;
  threshold: number;
  message: string;
}

/** One line of the day's timeline. */
export interface DayEvent {
  /** ISO time. */
  at: string;
  event: string;
  detail: Record<string, unknown>;
}

/**
 * Direction of the underlying move that profits a short premium position: rallies help short puts,
 * declines help short calls; an iron condor is left to time (0).
 */
function favourableDirection(strategy: string): number {
  if (strategy.includes("put_spread")) return 1;
  if (strategy.includes("call_spread")) return -1;
  return 0;
}

/**
 * Drives the orchestrator through one trading day on a steppable clock against a simulated market:
 * every step runs the jobs the shared schedules say are due (ideas → paper entries, exits → alerts);
 * once a position is open, the market moves its way (the "intraday move") until the exit rules flag
 * the profit target or the move budget is spent (with `closeOnAlert` the position is then closed,
 * as a trader acting on the alert would). After the close the settle job runs once.
 */
export async function runSimulatedDay(
  deps: JobDeps & { clock: SteppableClock; market: DayMarket },
  options: SimulatedDayOptions,
) {
  const session = sessionOn(options.date);
  if (!session) {
    const d = isTradingDay(options.date) ? options.date : nextTradingDay(options.date);
    throw new Error(`${options.date} is not an NYSE trading day (next: ${d})`);
  }
  const step = (options.stepMinutes ?? 5) * 60_000;
  const movePerStep = options.movePerStep ?? 0.003;
  const maxMove = options.maxMove ?? 0.08;
  const timeline: DayEvent[] = [];
  const note = (event: string, detail: Record<string, unknown>): void => {
    timeline.push({ at: new Date(deps.clock.now()).toISOString(), event, detail });
  };
  const ideas: Idea[] = [];
  const entries: DayEntry[] = [];
  const exitAlerts: DayExitAlert[] = [];
  const closes: DayClose[] = [];
  const moved = new Map<string, number>();
  const hit = new Set<string>();

  deps.clock.set(session.openAt);
  note("session.open", {
    date: options.date,
    closeAt: new Date(session.closeAt).toISOString(),
    earlyClose: session.earlyClose,
  });
  for (let t = session.openAt; t < session.closeAt; t += step) {
    if (t > deps.clock.now()) deps.clock.set(t);
    const p = nyParts(t);
    for (const s of SCHEDULES) {
      if (!isScheduledMinute(s, p.minuteOfDay, p.weekday)) continue;
      const run = { job: s.job, slot: slotOf(t, s.everyMinutes), at: t };
      if (s.job === "ideas") {
        const r = await runIdeasJob(deps, run, {
          settings: options.settings,
          ...(options.strategy ? { strategy: options.strategy } : {}),
        });
        if (ideas.length === 0) ideas.push(...r.report.ideas);
        for (const o of r.entry.outcomes.filter((x) => x.status === "entered")) {
          entries.push({
            at: new Date(t).toISOString(),
            slot: run.slot,
            strategy: o.strategy,
            underlying: o.underlying,
            ...(o.positionId ? { positionId: o.positionId } : {}),
            ...(o.credit !== undefined ? { credit: o.credit } : {}),
          });
          note("paper.entry", {
            positionId: o.positionId,
            strategy: o.strategy,
            underlying: o.underlying,
            credit: o.credit,
          });
        }
      } else if (s.job === "exits") {
        const r = await runExitsJob(deps, run, { settings: options.settings });
        for (const c of r.candidates) {
          if (c.alert === "failed") continue;
          const key = `${c.positionId}|${c.rule}`;
          if (hit.has(key)) continue;
          hit.add(key);
          exitAlerts.push({
            at: new Date(t).toISOString(),
            positionId: c.positionId,
            underlying: c.underlying,
            strategy: c.strategy,
            rule: c.rule,
            value: c.value,
            threshold: c.threshold,
            message: c.message,
          });
          note("exit.alert", { positionId: c.positionId, rule: c.rule, value: c.value });
          if (options.closeOnAlert) {
            const closed = await closePosition(deps, c.positionId, {
              reason: c.rule,
              settings: options.settings,
            });
            if (closed.status === "closed") {
              const pnl = realizedPnl(closed.position);
              closes.push({
                at: new Date(t).toISOString(),
                positionId: c.positionId,
                reason: c.rule,
                ...pnl,
              });
              note("paper.close", { positionId: c.positionId, reason: c.rule, netPnlCents: pnl.netCents });
            }
          }
        }
      }
    }
    // The intraday move: nudge each open position's underlying its favourable way until its profit target fires.
    const open = await deps.orders.listOpenPositions();
    for (const pos of open) {
      if (hit.has(`${pos.positionId}|profit-target`)) continue;
      const dir = favourableDirection(pos.strategy);
      const done = moved.get(pos.underlying) ?? 0;
      if (dir === 0 || done + movePerStep > maxMove + 1e-12) continue;
      deps.market.move(pos.underlying, dir * movePerStep);
      moved.set(pos.underlying, done + movePerStep);
    }
  }
  deps.clock.set(session.closeAt);
  const positions = await markPositions(deps, { settings: options.settings });
  // The settle job's first run after the close (positions expiring today settle at the close).
  const settleAt = session.closeAt + 5 * 60_000;
  deps.clock.set(settleAt);
  const settled = await runSettleJob(deps, { job: "settle", slot: slotOf(settleAt, 5), at: settleAt });
  note("session.close", {
    openPositions: positions.positions.length,
    totalPnlCents: positions.totalPnlCents,
  });
  return {
    date: options.date,
    ideas,
    entries,
    exitAlerts,
    closes,
    settled: settled.settled,
    positions: positions.positions,
    totalPnlCents: positions.totalPnlCents,
    moves: Object.fromEntries([...moved].map(([u, f]) => [u, Number(f.toFixed(4))])),
    timeline,
  };
}
