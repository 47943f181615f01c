import type { runSimulatedDay } from "@stratdeck/sim/simulated-day";

/** The `day` report: the simulated day plus run facts. */
export type DayReport = Awaited<ReturnType<typeof runSimulatedDay>> & { seed: number; wallMs: number };

const usd = (cents: number | undefined): string =>
  cents === undefined ? "–" : `${cents < 0 ? "-" : ""}$${Math.abs(cents / 100).toFixed(2)}`;

/** Human summary of a simulated day. */
export function daySummary(r: DayReport): string {
  const out = [
    `Simulated trading day ${r.date} (seed ${r.seed}, ${r.wallMs} ms)`,
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
      `  ${e.at.slice(11, 16)}Z ${e.underlying} ${e.strategy} credit ${e.credit?.toFixed(2) ?? "–"} (${e.positionId ?? "?"})`,
    );
  }
  const moves = Object.entries(r.moves).map(([u, f]) => `${u} ${f >= 0 ? "+" : ""}${(f * 100).toFixed(1)}%`);
  out.push(
    "",
    `Intraday move: ${moves.join(", ") || "none"}`,
    "",
    `Exit suggestions: ${r.exitAlerts.length}`,
  );
  for (const a of r.exitAlerts) out.push(`  ${a.at.slice(11, 16)}Z ${a.rule}: ${a.message}`);
  if (r.closes.length > 0) out.push("", `Closed on alerts: ${r.closes.length}`);
  for (const c of r.closes)
    out.push(
      `  ${c.at.slice(11, 16)}Z ${c.positionId} ${c.reason}: gross ${usd(c.grossCents)}, fees ${usd(c.feesCents)}, net ${usd(c.netCents)}`,
    );
  out.push("", `Positions at the close (total ${usd(r.totalPnlCents)}):`);
  for (const p of r.positions) {
    const priced = p.status === "priced";
    const pct = priced ? `${(p.pctOfMaxProfit * 100).toFixed(0)}% of max` : "–";
    out.push(`  ${p.underlying} ${p.strategy} ${priced ? usd(p.pnlCents) : "unpriced"} ${pct}`);
  }
  return out.join("\n");
}
