import { IDEAS_REPORT_ID } from "@stratdeck/core/orchestrator";
import type { StatusRecord, StatusStore } from "@stratdeck/core/status";
import type { IdeasReport } from "@stratdeck/core/strategies";

/** Why a strategy made no trade: what stopped its candidates, counted over every ideas run. */
export interface NoTradeReason {
  strategy: string;
  /** Candidates scanned (one per underlying per ideas run). */
  candidates: number;
  /** The cause that stopped most candidates (a filter name, `unbuilt: <stage>` or `refused: <code>`). */
  top: string | null;
  /** Candidates each cause stopped (a candidate failing two filters counts under both). */
  counts: Record<string, number>;
  /** One line for a person. */
  reason: string;
}

interface Tally {
  candidates: number;
  counts: Map<string, number>;
}

/**
 * Counts, per strategy, what stopped each candidate of every ideas run: failed filters of built
 * ideas, the stage an unbuilt candidate stopped at, the code an entry was refused with. Stands in
 * for the status store of the backtest's jobs (the ideas job writes its full report there).
 */
export class IdeasTally {
  private readonly byStrategy = new Map<string, Tally>();
  private readonly strategyOfIdea = new Map<string, string>();

  /** The status store the jobs write to: the ideas report is tallied, the rest ignored. */
  readonly status: Pick<StatusStore, "beat" | "read"> = {
    read: () => Promise.resolve(null),
    beat: <T extends Record<string, unknown>>(id: string, data: T): Promise<StatusRecord<T>> => {
      if (id === IDEAS_REPORT_ID) this.report((data as unknown as { report: IdeasReport }).report);
      return Promise.resolve({ id, data, updatedAt: 0 });
    },
  };

  private tally(strategy: string): Tally {
    let t = this.byStrategy.get(strategy);
    if (!t) this.byStrategy.set(strategy, (t = { candidates: 0, counts: new Map() }));
    return t;
  }

  private count(strategy: string, cause: string): void {
    const c = this.tally(strategy).counts;
    c.set(cause, (c.get(cause) ?? 0) + 1);
  }

  private report(r: IdeasReport): void {
    this.strategyOfIdea.clear();
    for (const idea of [...r.ideas, ...r.rejected]) {
      this.tally(idea.strategy).candidates += 1;
      this.strategyOfIdea.set(idea.id, idea.strategy);
      for (const c of idea.checks) if (!c.passed) this.count(idea.strategy, c.filter);
    }
    for (const u of r.unbuilt) {
      this.tally(u.strategy).candidates += 1;
      this.count(u.strategy, `unbuilt: ${u.stage}`);
    }
  }

  /** Counts the refusals of an ideas run's entries (from the job's result). */
  outcomes(result: unknown): void {
    const list = (result as { outcomes?: unknown } | null)?.outcomes;
    if (!Array.isArray(list)) return;
    for (const o of list as { ideaId?: string; status?: string; reasons?: { code?: string }[] }[]) {
      const strategy = o.ideaId ? this.strategyOfIdea.get(o.ideaId) : undefined;
      if (!strategy || o.status !== "refused") continue;
      for (const r of o.reasons ?? []) this.count(strategy, `refused: ${r.code ?? "unknown"}`);
    }
  }

  /** Why `strategy` made no trade (also when it was never scanned). */
  reasonFor(strategy: string): NoTradeReason {
    const t = this.byStrategy.get(strategy) ?? { candidates: 0, counts: new Map<string, number>() };
    const sorted = [...t.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const [top, next] = sorted;
    const of = `of ${t.candidates.toLocaleString("en-US")} candidates`;
    const reason = !top
      ? t.candidates === 0
        ? "never scanned (no ideas run reached it)"
        : `every candidate passed its filters but none was entered (${t.candidates} candidates)`
      : `${top[0]} stopped ${top[1].toLocaleString("en-US")} ${of}` +
        (next ? `; next ${next[0]} (${next[1].toLocaleString("en-US")})` : "");
    return {
      strategy,
      candidates: t.candidates,
      top: top?.[0] ?? null,
      counts: Object.fromEntries(sorted),
      reason,
    };
  }
}
