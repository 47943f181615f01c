import {
  markPositions,
  realizedPnl,
  type MarkPositionsDeps,
  type PaperOrderStore,
  type PaperSettings,
} from "@stratdeck/core/ledger";
import type { EquityPoint } from "./backtest-types";

/**
 * The daily equity curve, net of fees: realised P&L after fees from the order log plus the open
 * positions marked at each close with the fill model (what closing them would leave after their
 * entry fees and the estimated closing fees), overall and per strategy.
 */
export class EquityBook {
  readonly points: EquityPoint[] = [];
  private readonly tallied = new Set<string>();
  private readonly realized = new Map<string, number>();
  private readonly byStrategy = new Map<string, number[]>();
  private peak = 0;
  private lastTallied = Number.NEGATIVE_INFINITY;

  constructor(private readonly orders: PaperOrderStore) {}

  /**
   * Books the session's close. `replace` overwrites the day's point (the end-of-backtest closes,
   * after which the curve ends at the realised total).
   */
  async close(
    date: string,
    deps: MarkPositionsDeps,
    settings: PaperSettings,
    replace = false,
  ): Promise<void> {
    for (const o of await this.ordersSince(this.lastTallied)) {
      this.lastTallied = Math.max(this.lastTallied, o.time);
      if (o.kind !== "close" || this.tallied.has(o.positionId)) continue;
      const p = await this.orders.getPosition(o.positionId);
      if (!p || p.status !== "closed") continue;
      this.tallied.add(o.positionId);
      this.realized.set(p.strategy, (this.realized.get(p.strategy) ?? 0) + realizedPnl(p).netCents);
    }
    const marks = await markPositions(deps, { settings });
    const open = new Map<string, number>();
    for (const m of marks.positions)
      if (m.status === "priced") open.set(m.strategy, (open.get(m.strategy) ?? 0) + m.netPnlCents);
    const realizedCents = [...this.realized.values()].reduce((a, b) => a + b, 0);
    const equityCents = realizedCents + marks.totalNetPnlCents;
    if (replace) this.points.pop();
    else this.peak = Math.max(this.peak, this.points.at(-1)?.equityCents ?? 0);
    const peak = Math.max(this.peak, equityCents);
    this.points.push({
      date,
      realizedCents,
      openPnlCents: marks.totalNetPnlCents,
      equityCents,
      drawdownCents: peak - equityCents,
      openPositions: marks.positions.length,
      unpriced: marks.unpriced,
    });
    const names = new Set([...this.realized.keys(), ...open.keys(), ...this.byStrategy.keys()]);
    for (const s of names) {
      const series = this.byStrategy.get(s) ?? new Array<number>(this.points.length - 1).fill(0);
      if (replace) series.pop();
      while (series.length < this.points.length - 1) series.push(0);
      series.push((this.realized.get(s) ?? 0) + (open.get(s) ?? 0));
      this.byStrategy.set(s, series);
    }
  }

  /** Orders at or after `time` (newest first), reading the log's recent end only. */
  private async ordersSince(time: number) {
    for (let n = 64; ; n *= 4) {
      const recent = await this.orders.listRecentOrders(n);
      const last = recent.at(-1);
      if (recent.length < n || (last !== undefined && last.time < time))
        return recent.filter((o) => o.time >= time);
    }
  }

  /** Daily equity of one strategy, cents. */
  equityOf(strategy: string): number[] {
    return this.byStrategy.get(strategy) ?? [];
  }
}
