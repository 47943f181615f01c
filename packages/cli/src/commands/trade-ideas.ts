import type { Command } from "commander";
import { storeIdeasReport } from "@stratdeck/core/orchestrator/ideas-job";
import { generateIdeas, STRATEGY_NAMES, type Idea, type IdeasReport } from "@stratdeck/core/strategies";
import { withDeps } from "../support/deps";
import { emit } from "../support/output";
import { action } from "../support/run";
import { strategyOption } from "../support/strategy-option";

interface Options {
  json?: boolean;
  strategy?: string;
  underlying?: string;
  strict?: boolean;
}

/** `stratdeck trade-ideas`: scans the strategies in strategies.yaml and prints ranked ideas. */
export function registerTradeIdeas(command: Command): void {
  command
    .option("--json", "print one JSON document (the IdeasReport shape)")
    .option("--strategy <name>", `only this strategy (${STRATEGY_NAMES.join(", ")})`)
    .option("--underlying <symbols>", "only these underlyings, comma-separated (e.g. SPX,RUT)")
    .option("--strict", "drop ideas that fail a filter (as STRATDECK_STRICT_FILTERS=1)")
    .action(
      action(async (opts: Options) => {
        strategyOption(opts.strategy);
        const whole = !opts.strategy && !opts.underlying && opts.strict !== true;
        const report = await withDeps(async (deps) => {
          const r = await generateIdeas(
            { ...deps, config: { strictFilters: deps.config.strictFilters || opts.strict === true } },
            {
              ...(opts.strategy ? { strategy: opts.strategy } : {}),
              ...(opts.underlying ? { underlyings: opts.underlying.split(",").map((s) => s.trim()) } : {}),
            },
          );
          // A whole scan is the latest report (as the ideas job's): `stratdeck enter <id>` picks from it.
          if (whole) await storeIdeasReport(deps, r);
          return r;
        });
        emit(report, opts, human);
      }),
    );
}

const usd = (cents: number): string =>
  `$${(cents / 100).toLocaleString("en-US", { maximumFractionDigits: 0 })}`;
const pct = (f: number): string => `${(f * 100).toFixed(1)}%`;

const signedUsd = (cents: number): string => `${cents < 0 ? "-" : ""}$${(Math.abs(cents) / 100).toFixed(2)}`;

/** The model figures, each named for what it measures (README "Trade ideas": reading an idea). */
function modelLines(i: Idea): string[] {
  const out: string[] = [];
  if (i.fillCostCents !== undefined)
    out.push(
      `    fill cost vs model ${signedUsd(i.fillCostCents)} (the bid/ask spread crossed; negative by construction)`,
    );
  const rw = i.realWorld;
  if (rw)
    out.push(
      `    real world (IV − ${(rw.volRiskPremium * 100).toFixed(1)} vol points): expected P&L ${signedUsd(rw.expectedPnlCents)} ` +
        `held to expiry after fees, POP ${pct(rw.pop)}`,
    );
  return out;
}

function ideaLines(i: Idea, rank: number): string[] {
  const strikes = i.legs.map((l) => `${l.side === "short" ? "-" : "+"}${l.strike}${l.optionType}`).join(" ");
  const head =
    `${String(rank).padStart(2)}. ${i.verdict.toUpperCase().padEnd(8)} ${i.strategy} ${i.underlying} ` +
    `${i.root} ${i.expiration} (${i.dte} DTE, ${i.settlement})  ${strikes}`;
  const money =
    `    credit ${i.credit.toFixed(2)} on ${i.width} wide (${pct(i.creditPerWidth)})  POP ${pct(i.pop)} (risk-neutral)  ` +
    `score ${i.score.toFixed(4)}  max profit ${usd(i.maxProfitCents)} / loss ${usd(i.maxLossCents)} x${i.quantity}`;
  const ctx =
    `    BE ${i.breakevens.map((b) => b.toFixed(2)).join(" / ")}  ${i.underlying} ${i.underlyingPrice} (${i.underlyingSource})` +
    `  IVR ${i.ivRank === undefined ? "unknown" : pct(i.ivRank)}  ${i.tradable ? "tradable" : "NOT tradable"}`;
  return [head, money, ctx, ...modelLines(i), `    id ${i.id}`, ...i.reasons.map((r) => `    ! ${r}`)];
}

function human(r: IdeasReport): string {
  const s = r.summary;
  const lines = [
    `${r.ideas.length} idea(s) from ${s.considered} candidate(s): ${s.pass} pass, ${s.advisory} advisory, ` +
      `${s.rejected} rejected, ${s.unbuilt} not built; strict filters ${r.strictFilters ? "on" : "off"}`,
  ];
  r.ideas.forEach((i, n) => lines.push(...ideaLines(i, n + 1)));
  if (r.rejected.length > 0) {
    lines.push("", "Rejected by strict filters:");
    r.rejected.forEach((i, n) => lines.push(...ideaLines(i, n + 1)));
  }
  if (r.unbuilt.length > 0) {
    lines.push("", "Not built:");
    for (const u of r.unbuilt) {
      const where = u.expiration ? ` ${u.root} ${u.expiration} (${u.dte} DTE)` : "";
      lines.push(`  ${u.strategy} ${u.underlying}${where} [${u.stage}]: ${u.reasons.join("; ")}`);
    }
  }
  if (r.ideas.length === 0) lines.push("", "No idea qualified: see the reasons above.");
  else
    lines.push("", "Enter one by hand: stratdeck enter <id> [--quantity N] (passing, tradable ideas only).");
  return lines.join("\n");
}
