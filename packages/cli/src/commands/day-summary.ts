import { nyClockText } from "@stratdeck/core/time";
import type { HistoryReport } from "@stratdeck/core/ledger";
import type { runSimulatedDay } from "@stratdeck/sim/simulated-day";
import { historyText } from "../support/history-text";

/** The `day` report: the simulated day plus run facts, where its trades were kept, and their history. */
export type DayReport = Awaited<ReturnType<typeof runSimulatedDay>> & {
  seed: number;
  wallMs: number;
  /** Where this run's orders were kept (never the paper ledger of the state folder). */
  ledger: string;
  /** This run's own trade history (closed and settled trades: gross, fees, net each). */
  history: HistoryReport;
};

/**
 * Where `day` keeps its trades: its fake-clock orders must not mix into the paper ledger, so they
 * live in this run's in-memory engine (or the engine named by AWS_ENDPOINT_URL_DYNAMODB).
 */
export function dayLedgerNote(dynamoEndpoint: string | undefined): string {
  return dynamoEndpoint
    ? `this day's trades are kept in the DynamoDB engine at ${dynamoEndpoint} (AWS_ENDPOINT_URL_DYNAMODB), not in the state folder's paper ledger`
    : "this day's trades stay out of the paper ledger: they live in this run's in-memory engine only, so `stratdeck history` does not list them; their history is below";
}

const usd = (cents: number | undefined): string =>
  cents === undefined ? "–" : `${cents < 0 ? "-" : ""}$${Math.abs(cents / 100).toFixed(2)}`;

/** Human summary of a simulated day. */
export function daySummary(r: DayReport): string {
  const out = [
    `Simulated trading day ${r.date} (seed ${r.seed}, ${r.wallMs} ms)`,
    `Note: ${r.ledger}.`,
    "",
    `Morning scan: ${r.ideas.length} ideas`,
  ];
  for (const i of r.ideas.slice(0, 5)) {
    const legs = i.legs.map((x) => `${x.side === "short" ? "-" : "+"}${x.optionType}${x.strike}`).join(" ");
    out.push(
      `  ${i.verdict.padEnd(8)} ${i.underlying} ${i.strategy} ${i.expiration} ${legs} credit ${i.credit.toFixed(2)} POP ${(i.pop * 100).toFixed(0)}%`,
    );
  }
  out.push("", `Paper entries: ${r.entries.length}`);
  for (const e of r.entries) {
    out.push(
      `  ${nyClockText(Date.parse(e.at))} ${e.underlying} ${e.strategy} credit ${e.credit?.toFixed(2) ?? "–"} (${e.positionId ?? "?"})`,
    );
  }
  const moves = Object.entries(r.moves).map(([u, f]) => `${u} ${f >= 0 ? "+" : ""}${(f * 100).toFixed(1)}%`);
  out.push(
    "",
    `Intraday move: ${moves.join(", ") || "none"}`,
    "",
    `Exit suggestions: ${r.exitAlerts.length}`,
  );
  for (const a of r.exitAlerts) out.push(`  ${nyClockText(Date.parse(a.at))} ${a.rule}: ${a.message}`);
  if (r.closes.length > 0) out.push("", `Closed on alerts: ${r.closes.length}`);
  for (const c of r.closes)
    out.push(
      `  ${nyClockText(Date.parse(c.at))} ${c.positionId} ${c.reason}: gross ${usd(c.grossCents)}, fees ${usd(c.feesCents)}, net ${usd(c.netCents)}`,
    );
  out.push("", `Positions at the close (total ${usd(r.totalPnlCents)}):`);
  for (const p of r.positions) {
    const priced = p.status === "priced";
    const pct = priced ? `${(p.pctOfMaxProfit * 100).toFixed(0)}% of max` : "–";
    out.push(`  ${p.underlying} ${p.strategy} ${priced ? usd(p.pnlCents) : "unpriced"} ${pct}`);
  }
  out.push("", "History of this day (its own, not the paper ledger's):", historyText(r.history));
  return out.join("\n");
}
